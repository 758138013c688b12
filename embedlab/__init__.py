"""Shared code for the site: real data loading (download, verify, cache) and corpus preparation."""
