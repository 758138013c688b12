"""The data layer: real data files, verified by sha256 (files), and their text as tokens (corpus)."""
