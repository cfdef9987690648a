"""Typed errors for bad input.  The message reads `FILE: what went wrong — what to do`.

Inconsistencies inside a readable document are never raised: they are flags.
"""
from __future__ import annotations


class MinshengError(Exception):
    """Base class: the CLI prints `minsheng: <message>` and exits 1, never a traceback."""

    def __init__(self, source: str, problem: str, remedy: str = "") -> None:
        self.source = str(source)
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{source}: {problem}" + (f" — {remedy}" if remedy else ""))


class UnsupportedFormat(MinshengError):
    """The bytes are not any format minsheng reads (e.g. .ofd, .jpg)."""


class DocumentLoadError(MinshengError):
    """The format is known but the file is empty, truncated, corrupt or too large."""


class EncryptedDocument(MinshengError):
    """The file is password-protected or encrypted."""


class ConverterMissing(MinshengError):
    """A legacy format needs LibreOffice, which is not installed."""


class GazetteerError(MinshengError):
    """A gazetteer data file is missing or malformed."""


class StoreWriteError(MinshengError):
    """The store's disk refused a write (full, read-only, failing): the run stops, and every
    document committed before it stays whole."""


class LimitExceeded(MinshengError):
    """Reading and extracting one document took longer than the time limit, or more memory
    than the bound: the document is a listed failure, and the batch goes on."""
