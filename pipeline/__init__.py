"""Tamizdat: HTML articles -> gettext catalogues checked against a prison-slang glossary -> translated HTML site."""

__version__ = "0.1.0"
