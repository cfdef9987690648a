"""Strict Open XML (ISO/IEC 29500 Strict: Word's and Excel's "Strict Open XML Document" save option).

A Strict file has the parts of an ordinary DOCX or XLSX under other namespace names
(http://purl.oclc.org/ooxml/…), which python-docx and openpyxl do not know: they would find
no body and no sheets.  The namespaces are mapped to their Transitional names, part by part,
before the file is handed to them; the element names are the same in both.
"""
from __future__ import annotations

import io
import zipfile

STRICT = b"http://purl.oclc.org/ooxml/"
# Strict namespace -> Transitional namespace (longest first: a name is never a prefix of a later one)
NAMESPACES: list[tuple[bytes, bytes]] = [
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/customProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    (b"http://purl.oclc.org/ooxml/officeDocument/sharedTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math", b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/spreadsheetml/main", b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/chart", b"http://schemas.openxmlformats.org/drawingml/2006/chart"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture", b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
]
MAIN_PARTS = ("word/document.xml", "xl/workbook.xml", "_rels/.rels")


def is_strict(archive: zipfile.ZipFile) -> bool:
    """The package's relationships or main part use Strict names."""
    names = set(archive.namelist())
    for name in MAIN_PARTS:
        if name in names:
            with archive.open(name) as part:
                if STRICT in part.read(8192):
                    return True
    return False


def to_transitional(data: bytes) -> bytes | None:
    """The package with Transitional namespace names, or None when it is not Strict."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    if not is_strict(archive):
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            body = archive.read(info)
            if info.filename.endswith((".xml", ".rels")) and STRICT in body:
                for strict, transitional in NAMESPACES:
                    body = body.replace(strict, transitional)
            target.writestr(info, body)
    return out.getvalue()
