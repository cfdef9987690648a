"""Legacy binary Word (.doc, WPS .wps) and WPS spreadsheets (.et) through LibreOffice.

The file is converted headless (`soffice --convert-to docx|xlsx`) with a private profile per
call (two soffice processes sharing a profile fail silently) and a timeout, then read by the
DOCX or XLSX reader; the Document keeps format "doc".  Without LibreOffice the error says
how to install it.

The work folder is named minsheng-soffice-PID-…; a run killed during a conversion leaves its folder
behind (~600 KB), so the first conversion of each process removes the folders of earlier runs that
are older than STALE seconds and whose process is gone.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from ..errors import ConverterMissing, DocumentLoadError
from ..model import Document
from . import docx, xlsx

TIMEOUT = 120      # seconds for one conversion
STALE = 600        # seconds after which a dead run's work folder is removed
PREFIX = "minsheng-soffice-"
# a work folder's name: minsheng-soffice-4242-k3j9x_a1 (the PID of the run that made it), or an older
# minsheng-soffice-k3j9x_a1 without one
WORK_DIR = re.compile(r"minsheng-soffice-(?:(\d+)-)?[\w-]+")
_swept = False
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
    sweep()
    suffix = Path(source).suffix.lower() if source != "-" else ".doc"
    if suffix not in (".doc", ".wps", ".et", ".xls", ".dot", ".wpt", ".ett"):
        suffix = ".doc"
    with tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-") as tmp:
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


def sweep(folder: str | None = None, now: float | None = None) -> list[str]:
    """Remove the work folders that runs killed mid-conversion left in the temp folder: older than
    STALE and not made by a live process. Once per process (or whenever `folder` is given, for
    tests); returns the names removed."""
    global _swept
    if folder is None:
        if _swept:
            return []
        _swept = True
    root = Path(folder or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return []
    for entry in entries:
        m = WORK_DIR.fullmatch(entry.name)
        if m is None or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE
        except OSError:
            continue
        if old and not (m.group(1) and _alive(int(m.group(1)))):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:          # another user's process: alive
        return True
    return True
