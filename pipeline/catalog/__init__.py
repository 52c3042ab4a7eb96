"""Gettext catalogues: GNU-exact reading/writing, extraction, merge, memory, stats."""
