"""Why an import cannot go on (a Russian message for the command line)."""

from __future__ import annotations


class ImportFailed(Exception):
    """Unknown format, a scanned PDF, files that exist already: nothing was written."""
