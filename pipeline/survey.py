"""Which files under the paths are documents, and which of them the store already holds: plain
functions with no Prefect in them, so that an ingest with nothing new ends before Prefect starts."""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import MinshengError

HEAD = 65536
# not documents, whatever their bytes say: code, data and config files living beside an archive
SKIP_SUFFIXES = {".py", ".pyc", ".json", ".jsonl", ".yaml", ".yml", ".toml", ".md", ".rst", ".cfg", ".ini",
                 ".sh", ".js", ".css", ".lock", ".duckdb", ".wal", ".parquet", ".tsv", ".csv", ".log"}


# ---------------------------------------------------------------- plain functions

@dataclass
class Candidate:
    path: str
    sha256: str | None = None
    fmt: str | None = None
    reason: str | None = None     # set when the file already fails at sniffing
    error: str | None = None


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under the paths, recursively, skipping hidden files and folders and
    the code/data suffixes of SKIP_SUFFIXES; in sorted order."""
    for root in paths:
        root = Path(root)
        if root.is_file():
            yield root
            continue
        if not root.exists():
            yield root          # survey() turns it into a failure naming the path
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith(".") and Path(name).suffix.lower() not in SKIP_SUFFIXES:
                    yield Path(dirpath) / name


def _has_cjk(text: bytes) -> bool:
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            s = text.decode(enc, errors="ignore")
        except LookupError:
            continue
        if sum("\u4e00" <= ch <= "\u9fff" for ch in s[:20000]) >= 4:
            return True
    return False


def survey(path: Path, stored: set[str] | frozenset = frozenset()) -> Candidate | None:
    """Hash a file and tell its format from its bytes; None for a text file with no Chinese
    in it (a README, a licence), which is not a document. A file whose hash is in `stored`
    is not sniffed again."""
    from .formats import sniff

    source = str(path)
    if not path.is_file():          # a pipe or a device would block the whole batch
        return Candidate(source, reason=f"{source}: not a regular file (a pipe, socket or device) — copy it to a file first",
                         error="DocumentLoadError")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Candidate(source, reason=f"{source}: the file could not be opened ({exc.strerror}) — check the path",
                         error=type(exc).__name__)
    sha = hashlib.sha256(data).hexdigest()
    if sha in stored:
        return Candidate(source, sha, "stored")
    try:
        fmt = sniff(data, source)
    except MinshengError as exc:
        return Candidate(source, sha, reason=str(exc), error=type(exc).__name__)
    if fmt == "txt" and not _has_cjk(data[:HEAD]):
        return None
    return Candidate(source, sha, fmt)


@dataclass
class Report:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0          # text files without Chinese: not documents
    duplicates: int = 0       # the same bytes under another path in this run
    new_projects: int = 0
    new_flags: dict = field(default_factory=dict)
    failures: list = field(default_factory=list)    # [source, reason]
    stopped: str | None = None    # why the run stopped before the end (the store's disk refused a write)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def triage(paths: Iterable[Path], done: set[str], known_failures: dict[str, str], report: Report) -> Iterator[Candidate]:
    """The files there is work for (new documents, and files failing at sniffing, which the flow stores as
    failures); the rest are counted in the report: no document, a duplicate, stored, known to fail."""
    seen: set[str] = set()
    for path in paths:
        cand = survey(path, done)
        if cand is None:
            report.skipped += 1
            continue
        if cand.sha256 in seen:
            report.duplicates += 1
        elif cand.reason or (cand.sha256 not in done and cand.sha256 not in known_failures):
            yield cand
        elif cand.sha256 in done:
            report.unchanged += 1
        else:
            report.failed += 1
            report.failures.append([cand.path, known_failures[cand.sha256]])
        if cand.sha256:
            seen.add(cand.sha256)


def nothing_new(paths: list[str], con, version: str) -> Report | None:
    """The run's report when every file under the paths is stored already (or known to fail, or no
    document): nothing to extract, so the flow need not start. None when there is work to do."""
    from . import store

    started = time.perf_counter()
    report = Report()
    for _ in triage(discover(paths), *store.known(con, version), report):
        return None
    report.seconds = round(time.perf_counter() - started, 3)
    return report
