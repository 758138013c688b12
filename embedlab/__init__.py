"""Shared code for the site: real data loading (download, verify, cache) and corpus preparation."""

import sys

from embedlab.data import DataError


def _report_data_errors(kind, value, traceback, default=sys.excepthook):
    """A program that stops on missing or corrupt data prints one line saying which file and how to get it."""
    if issubclass(kind, DataError):
        print(f"error: {value}", file=sys.stderr)
    else:
        default(kind, value, traceback)


sys.excepthook = _report_data_errors  # the interpreter still exits with status 1
