"""Tell a file's format from its bytes, not its name.

ZIP containers are told apart by the parts they hold (word/ → docx, xl/ → xlsx), OLE2
compound files by their streams (WordDocument → doc, Workbook/Book → xls), and text by
whether it decodes and looks like HTML.
"""
from __future__ import annotations

import io
import zipfile

from .errors import DocumentLoadError, EncryptedDocument, UnsupportedFormat

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"

# magic bytes of formats we know but do not read, to name them in the error
FOREIGN = [
    (b"GIF8", "a GIF image"),
    (b"%!PS", "a PostScript file"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"), (b"{\\rtf", "an RTF document"),
]
IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")   # PNG, JPEG, TIFF: OCR


# what a file's extension promises, to name a mismatch ("report.pdf: not a PDF")
CLAIMS = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".doc": "doc", ".xls": "xls", ".wps": "doc", ".et": "xls"}
NAMES = {"pdf": "a PDF", "docx": "a DOCX document", "xlsx": "an XLSX workbook", "doc": "a Word document",
         "xls": "an Excel workbook"}
BINARY_ONLY = {"pdf", "docx", "xlsx"}    # .doc/.xls saved from web systems are often HTML: read those
CONTROL = bytes(range(9)) + bytes(range(14, 27)) + bytes(range(28, 32))


def sniff(data: bytes, source: str = "-") -> str:
    """Return one of txt, html, pdf, docx, doc, xls, xlsx (or raise with the reason)."""
    if not data.strip():
        raise DocumentLoadError(source, "the file is empty", "check that the download completed")
    fmt = _sniff(data, source)
    claimed = CLAIMS.get(_suffix(source))
    if claimed in BINARY_ONLY and fmt in ("html", "txt"):
        what = "an HTML page (often a server's error page saved in its place)" if fmt == "html" else "plain text"
        raise DocumentLoadError(source, f"not {NAMES[claimed]}: the bytes are {what}",
                                "download the file again and check what the server sent")
    return fmt


def _suffix(source: str) -> str:
    dot = source.rfind(".")
    return source[dot:].lower() if dot > max(source.rfind("/"), source.rfind("\\")) else ""


def _sniff(data: bytes, source: str) -> str:
    head = data[:8]
    if data[:1024].lstrip().startswith(b"%PDF") or head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(ZIP):
        return _sniff_zip(data, source)
    if head.startswith(OLE2):
        return _sniff_ole(data, source)
    if head.startswith(IMAGES):
        return "image"            # PNG, JPEG, TIFF: read by OCR (readers/images.py)
    for magic, what in FOREIGN:
        if head.startswith(magic):
            raise UnsupportedFormat(source, f"this is {what}, not a document minsheng reads",
                                    "supported: txt, html, pdf, docx, doc, xls, xlsx")
    from .readers.office_xml import sniff_markup  # MHTML, Word and Excel 2003 XML
    if markup := sniff_markup(data):
        return markup
    probe = data[:4096].lower()
    if b"<html" in probe or b"<!doctype html" in probe or b"<body" in probe or b"<table" in probe:
        return "html"
    sample = data[:65536]
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and (sample.count(b"\x00") > len(sample) // 20
                      or sum(sample.count(bytes([b])) for b in CONTROL) > len(sample) // 100 + 2):
        raise UnsupportedFormat(source, "binary data that is not a PDF, Office or text document",
                                "supported: txt, html, pdf, docx, doc, xls, xlsx")
    return "txt"


def _sniff_zip(data: bytes, source: str) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile as exc:
        raise DocumentLoadError(source, "a ZIP-based Office file that is truncated or corrupt",
                                "re-download or re-save it") from exc
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "Doc_1.xml" in names or any(n.startswith("Doc_") for n in names) or "OFD.xml" in names:
        raise UnsupportedFormat(source, "this is an OFD document, which minsheng does not read",
                                "export it to PDF or DOCX first")
    raise UnsupportedFormat(source, "a ZIP archive that is not a DOCX or XLSX document",
                            "unpack it and ingest the files inside")


def _sniff_ole(data: bytes, source: str) -> str:
    # stream names are stored in UTF-16LE in the directory sectors
    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        raise EncryptedDocument(source, "the Office file is password-protected",
                                "open it with the password and save an unprotected copy")
    if has("WordDocument"):
        return "doc"
    if has("Workbook") or has("Book"):
        return "xls"
    if _suffix(source) in (".wps", ".et", ".ett", ".wpt"):
        return "doc"      # a WPS Office file: LibreOffice converts it
    raise UnsupportedFormat(source, "an OLE2 compound file that is neither a Word nor an Excel document",
                            "open it in an office suite and save as DOCX or XLSX")
