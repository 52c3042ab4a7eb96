"""Plumbing every stage may use: errors, atomic file writes and the lock, workers, progress, CLDR
language data, sentence boundaries. It imports no stage."""
