"""Legacy binary Word (.doc, WPS .wps) and WPS spreadsheets (.et) through LibreOffice.

The file is converted headless (`soffice --convert-to docx|xlsx`) with a private profile per
call (two soffice processes sharing a profile fail silently) and a timeout, then read by the
DOCX or XLSX reader; the Document keeps format "doc".  Without LibreOffice the error says
how to install it.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ConverterMissing, DocumentLoadError
from ..model import Document
from . import docx, xlsx

TIMEOUT = 120      # seconds for one conversion
INSTALL = "install LibreOffice (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(data: bytes, source: str) -> Document:
    spreadsheet = source.lower().endswith((".et", ".ett"))
    target = "xlsx" if spreadsheet else "docx"
    converted = convert(data, source, target)
    doc = (xlsx if spreadsheet else docx).read(converted, source)
    if not doc.blocks:
        raise DocumentLoadError(source, "LibreOffice found no text in this legacy document",
                                "it may be damaged or a scan; open it in an office suite to check")
    doc.format = "doc"
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


def convert(data: bytes, source: str, target: str) -> bytes:
    """The bytes of `source` converted by LibreOffice to `target` (docx or xlsx)."""
    binary = soffice()
    if binary is None:
        named = Path(source).suffix.lower()
        what = "a legacy Word/WPS file" + (f" (despite its {named} name)" if named in (".docx", ".xlsx") else "")
        raise ConverterMissing(source, f"{what} needs LibreOffice to be read", INSTALL)
    suffix = Path(source).suffix.lower() if source != "-" else ".doc"
    if suffix not in (".doc", ".wps", ".et", ".xls", ".dot", ".wpt", ".ett"):
        suffix = ".doc"
    with tempfile.TemporaryDirectory(prefix="minsheng-soffice-") as tmp:
        work = Path(tmp)
        src = work / f"input{suffix}"
        src.write_bytes(data)
        profile = f"-env:UserInstallation=file://{work / 'profile'}"
        try:
            done = subprocess.run([binary, profile, "--headless", "--norestore", "--convert-to", target,
                                   "--outdir", str(work / "out"), str(src)],
                                  capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise DocumentLoadError(source, f"LibreOffice did not convert the file within {TIMEOUT} s",
                                    "open it in an office suite and save it as DOCX") from exc
        out = work / "out" / f"input.{target}"
        if not out.exists():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise DocumentLoadError(source, "LibreOffice could not convert the file"
                                    + (f" ({detail[-1][:120]})" if detail else ""),
                                    "it may be corrupt; open it in an office suite and save it as DOCX")
        return out.read_bytes()
