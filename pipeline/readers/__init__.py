"""Readers: one module per format, each with `read(data, source) -> Document`.

The format is sniffed from the bytes (pipeline.formats), then dispatched through READERS.
Modules are imported only when their format is met, so reading a text file never imports
pdfplumber or openpyxl.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from ..errors import DocumentLoadError, MinshengError
from ..formats import sniff
from ..model import Document

READERS: dict[str, str] = {
    "txt": "text",
    "html": "html",
    "pdf": "pdf",
    "docx": "docx",
    "doc": "doc",
    "xls": "xls",
    "xlsx": "xlsx",
}
# Office's single-file formats (pipeline/readers/office_xml.py sniffs them); they have no folder in
# samples/: tests/test_readers_hostile.py writes each at test time
SINGLE_FILE_READERS: dict[str, str] = {
    "mht": "mht",
    "wordml": "wordml",
    "spreadsheetml": "spreadsheetml",
}

OCR_READERS = {"image": "images"}   # PNG, JPEG, TIFF, read by OCR (tests/test_ocr.py)

MAX_BYTES = 200 * 1024 * 1024   # refuse anything larger before reading it


def read_bytes(data: bytes, source: str = "-", fmt: str | None = None) -> Document:
    """Read a document from its bytes; `fmt` overrides sniffing (e.g. pasted text)."""
    fmt = fmt or sniff(data, source)
    module = importlib.import_module(f"{__name__}.{READERS.get(fmt) or SINGLE_FILE_READERS.get(fmt) or OCR_READERS[fmt]}")
    try:
        return module.read(data, source)
    except MinshengError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise DocumentLoadError(source, f"the {fmt} file is too large or too deeply nested to read",
                                "split it into smaller files") from exc
    except Exception as exc:  # a library's own error on a damaged file
        raise DocumentLoadError(source, f"the {fmt} file could not be read ({type(exc).__name__}: "
                                f"{str(exc)[:120]})", "it may be truncated or corrupt; re-download or re-save it") from exc


def read(path: str | Path) -> Document:
    """Read a file (or standard input when path is '-')."""
    source = str(path)
    if source == "-":
        return read_bytes(sys.stdin.buffer.read(), "-", "txt")
    p = Path(path)
    try:
        if p.exists() and not p.is_dir() and not p.is_file():
            raise DocumentLoadError(source, "not a regular file (a pipe, socket or device)", "copy it to a file first")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise DocumentLoadError(source, f"the file is {size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit",
                                    "split it into smaller files")
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentLoadError(source, "no such file", "check the path") from exc
    except IsADirectoryError as exc:
        raise DocumentLoadError(source, "this is a folder", "use `minsheng ingest` for folders") from exc
    except PermissionError as exc:
        raise DocumentLoadError(source, "permission denied", "check the file's permissions") from exc
    except OSError as exc:
        raise DocumentLoadError(source, f"the file could not be opened ({exc.strerror})", "check the path") from exc
    return read_bytes(data, source)
