"""Which files under the paths are documents, and which of them the store already holds: plain
functions with no Prefect in them, so that an ingest with nothing new ends before Prefect starts."""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
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


def printable(name: str) -> str:
    """A file name as it can be stored and printed. A name that is not UTF-8 (os.fsdecode leaves its
    bytes as surrogates, e.g. '\\udcff') is read part by part: as GBK when that decodes cleanly (names
    from Windows archives), else with its odd bytes escaped (\\xff); control characters (a newline in
    a name) are escaped too, so a reason stays one line. A valid name comes back unchanged."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = os.fsencode(name)
        except UnicodeEncodeError:      # not from the file system: surrogates of its own
            raw = name.encode("utf-8", "backslashreplace")
        name = "/".join(_part(p) for p in raw.split(b"/"))
    if not CONTROL.search(name):
        return name
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


# a control character in a file name: 'a\nb.txt' -> \n
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _part(raw: bytes) -> str:
    """One path component's bytes: UTF-8, else GBK when clean, else UTF-8 with the odd bytes escaped."""
    for enc in ("utf-8", "gbk"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text):    # GBK's user-defined area: not clean
            return text
    return raw.decode("utf-8", "backslashreplace")


def discover(paths: Iterable[str | Path]) -> Iterator[Path | Candidate]:
    """Every file under the paths, recursively, skipping hidden files and folders and
    the code/data suffixes of SKIP_SUFFIXES; in sorted order. A folder that cannot be listed
    (no permission, a path longer than the system allows) or a link to a folder (not followed)
    comes as a Candidate with its reason, so that no file is dropped without a word."""
    for root in paths:
        root = Path(root)
        if root.is_file():
            yield root
            continue
        if not root.exists():
            yield root          # survey() turns it into a failure naming the path
            continue
        errors: list[OSError] = []
        for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
            yield from (_unlisted(e) for e in errors)
            errors.clear()
            links = sorted(d for d in dirnames if not d.startswith(".") and os.path.islink(os.path.join(dirpath, d)))
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in links)
            for name in links:
                where = printable(os.path.join(dirpath, name))
                yield Candidate(str(Path(dirpath) / name), error="DocumentLoadError",
                                reason=f"{where}: a link to a folder, not followed — ingest the folder it points to")
            for name in sorted(filenames):
                if not name.startswith(".") and Path(name).suffix.lower() not in SKIP_SUFFIXES:
                    yield Path(dirpath) / name
        yield from (_unlisted(e) for e in errors)


def _unlisted(exc: OSError) -> Candidate:
    """A folder os.walk could not list: a failure naming it."""
    folder = str(exc.filename)
    what = printable(folder)
    if exc.errno == errno.ENAMETOOLONG:
        reason = (f"{what}: the path is longer than the system allows ({exc.strerror}); the files in it were not "
                  "read — move them to a folder with a shorter path")
    else:
        reason = (f"{what}: the folder could not be listed ({exc.strerror}); the files in it were not read — "
                  "check its permissions")
    return Candidate(folder, reason=reason, error=type(exc).__name__)


# four Chinese characters anywhere in a text: '通知……第三条' (the test for a document, not a README)
FOUR_CJK = re.compile(r"[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){3}")


def _has_cjk(text: bytes) -> bool:
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            s = text.decode(enc, errors="ignore")
        except LookupError:
            continue
        if FOUR_CJK.search(s, 0, 20000):
            return True
    return False


def survey(path: Path, stored: set[str] | frozenset = frozenset()) -> Candidate | None:
    """Hash a file and tell its format from its bytes; None for a text file with no Chinese
    in it (a README, a licence), which is not a document. A file whose hash is in `stored`
    is not sniffed again. The file is sized before it is read: one over the readers' limit
    (a 5 GB sparse file named .pdf) is refused without reading a byte."""
    from .formats import sniff
    from .readers import MAX_BYTES

    source = str(path)
    name = printable(source)
    try:
        st = os.stat(source)
    except OSError as exc:
        return _unreadable(source, name, exc)
    if not stat.S_ISREG(st.st_mode):    # a pipe or a device would block the whole batch
        what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe, socket or device)"
        return Candidate(source, reason=f"{name}: {what} — copy it to a file first", error="DocumentLoadError")
    if st.st_size > MAX_BYTES:
        return Candidate(source, error="DocumentLoadError",
                         reason=f"{name}: the file is {st.st_size // 2**20} MB, over the {MAX_BYTES // 2**20} MB "
                                "limit — split it into smaller files")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(source, name, exc)
    sha = hashlib.sha256(data).hexdigest()
    if sha in stored:
        return Candidate(source, sha, "stored")
    try:
        fmt = sniff(data, name)
    except MinshengError as exc:
        return Candidate(source, sha, reason=str(exc), error=type(exc).__name__)
    if fmt == "txt" and not _has_cjk(data[:HEAD]):
        return None
    return Candidate(source, sha, fmt)


def _unreadable(source: str, name: str, exc: OSError) -> Candidate:
    """A file that cannot be sized or opened, named for what it is."""
    if exc.errno == errno.ENOENT and os.path.islink(source):
        target = printable(os.readlink(source))
        reason = f"{name}: a link to {target}, which does not exist — fix or remove the link"
    elif exc.errno == errno.ENOENT:
        reason = f"{name}: no such file or folder — check the path"
    elif exc.errno == errno.ENAMETOOLONG:
        reason = f"{name}: the path is longer than the system allows — move the file to a shorter path"
    elif exc.errno == errno.ELOOP:
        reason = f"{name}: a link that points back to itself — fix or remove the link"
    else:
        reason = f"{name}: the file could not be opened ({exc.strerror}) — check the path and its permissions"
    return Candidate(source, reason=reason, error=type(exc).__name__)


class Hooks:
    """What the flow tells the caller while it runs (the CLI draws a progress bar); `ocr_pages`:
    pages of the documents just done that were read by OCR."""

    def start(self, total: int, todo: int) -> None: ...

    def advance(self, done: int, failed: int, ocr_pages: int = 0) -> None: ...

    def finish(self) -> None: ...


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


def triage(paths: Iterable[Path | Candidate], done: set[str], known_failures: dict[str, str],
           report: Report) -> Iterator[Candidate]:
    """The files there is work for (new documents, and files failing at sniffing, which the flow stores as
    failures); the rest are counted in the report: no document, a duplicate, stored, known to fail."""
    seen: set[str] = set()
    for path in paths:
        cand = path if isinstance(path, Candidate) else survey(path, done)
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
    """The run's report when every file under the paths is stored already (or known to fail, or fails
    before it is read, or is no document): nothing to extract, so the flow need not start. None when
    there is work to do."""
    from . import store

    started = time.perf_counter()
    report = Report()
    failing = []
    for cand in triage(discover(paths), *store.known(con, version), report):
        if not cand.reason:
            return None
        failing.append(cand)        # fails before any reading: no need of the flow to record it
    for cand in failing:
        report.failed += 1
        report.failures.append([printable(cand.path), cand.reason])
        store.write_failure(con, printable(cand.path), cand.sha256, version, cand.error or "", cand.reason or "")
    report.seconds = round(time.perf_counter() - started, 3)
    return report


@dataclass
class Plan:
    """What a run has to do, found before its flow starts: the files to extract, the files that
    fail at sniffing (the flow stores them as failures), how many were found, and the report's
    counts so far."""
    todo: list[str]
    failing: list[Candidate]
    total: int
    report: Report
    seconds: float


def plan(paths: list[str], con, version: str) -> Plan:
    """Survey every file under the paths against the store (hash, sniff, skip what is stored):
    plain work that runs while Prefect's temporary server boots."""
    from . import store

    started = time.perf_counter()
    report = Report()
    found = list(discover(paths))
    todo: list[Candidate] = []
    failing: list[Candidate] = []
    for cand in triage(found, *store.known(con, version), report):
        (failing if cand.reason else todo).append(cand)
    return Plan([c.path for c in todo], failing, len(found), report, time.perf_counter() - started)


def batches(items: list, size: int, workers: int = 1) -> list[list]:
    """Coarse batches: at most `size` items, but at least ~4 batches a worker when there are
    enough items to keep every worker busy."""
    if not items:
        return []
    size = max(1, min(size, -(-len(items) // (4 * max(1, workers)))))
    return [items[i:i + size] for i in range(0, len(items), size)]
