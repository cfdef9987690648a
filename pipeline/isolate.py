"""One document at a time in a child process, with a time limit and a memory bound.

    with Isolated(Limits(timeout=120, memory_mb=1536)) as worker:
        for path in paths:
            result = worker.run(path)     # {"contract": ...} or {"source", "path", "error", "reason"}

A document that takes longer than the limit, or needs more memory than the bound, is a failure
with one line saying so ("took longer than 120 s — split it"), and the next document goes on in a
fresh child: one hostile file never holds the batch. The child comes from a fork server that has
imported the readers, extractors and gazetteer once, so starting one costs milliseconds; it reads
and extracts document after document until one of them goes wrong. Its memory is bounded twice:
RLIMIT_AS inside (a large allocation fails at once with MemoryError) and its resident size
watched from outside (what the address-space limit does not see). The store stays in the
caller's process: the child only reads and extracts.

No Prefect here: this module is what the fork server imports.
"""
from __future__ import annotations

import multiprocessing
import os
import re
import resource
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Self

from .errors import LimitExceeded, MinshengError
from .survey import printable

TIMEOUT = 120.0         # seconds for one document, read and extracted
MEMORY_MB = 1536        # megabytes one document may take beyond the worker's own
POLL = 0.25             # seconds between looks at a working child's memory
# what the fork server imports once, so that no child pays for it: ours, and the format libraries the
# readers import when they first meet a format (one missing is skipped)
PRELOAD = ["extractors", "gazetteer", "pipeline.readers", "pipeline.isolate",
           "pdfplumber", "pypdfium2", "docx", "openpyxl", "xlrd", "lxml.html", "charset_normalizer"]


@dataclass(frozen=True)
class Limits:
    timeout: float = TIMEOUT
    memory_mb: int = MEMORY_MB


# ---------------------------------------------------------------- the work of one document

_GAZETTEER = None


def gazetteer():
    """The gazetteer, loaded once per process."""
    global _GAZETTEER
    if _GAZETTEER is None:
        from gazetteer import load

        _GAZETTEER = load()
    return _GAZETTEER


def extract_one(path: str, memory_mb: int | None = None) -> dict:
    """Read, extract and check one document: {"contract": ...}, or {source, path, error, reason}.
    The file is opened by `path`; the contract and the reason name it by its printable name."""
    from extractors import extract

    from .readers import read

    source = printable(path)
    try:
        doc = read(path)
        contract = extract(doc, gazetteer()).to_contract()
    except MinshengError as exc:
        if memory_mb and out_of_memory(exc):
            return _failed(path, too_much_memory(source, memory_mb))
        return _failed(path, exc, str(exc).replace(path, source) if source != path else str(exc))
    except MemoryError:
        return _failed(path, too_much_memory(source, memory_mb or 0))
    except Exception as exc:  # noqa: BLE001 — an extractor bug must not stop the batch
        if memory_mb and out_of_memory(exc):
            return _failed(path, too_much_memory(source, memory_mb))
        return _failed(path, exc, f"{source}: extraction failed ({type(exc).__name__}: {str(exc)[:160]}) — "
                                  "please report this file")
    if source != path:
        contract["document"]["source"] = source
    if doc.ocr and doc.ocr.get("pages"):      # for the progress bar: pages read by OCR
        return {"contract": contract, "ocr_pages": len(doc.ocr["pages"])}
    return {"contract": contract}


# what a library says when an allocation fails: zlib's "Unable to allocate output buffer", "Cannot allocate memory",
# onnxruntime's "FAIL : std::bad_alloc"
ALLOCATION = re.compile(r"\ballocat\w*\b.*\b(buffer|memory)\b|\bout of memory\b|\bstd::bad_alloc\b", re.IGNORECASE)


def out_of_memory(exc: BaseException) -> bool:
    """Whether `exc`, or what it was raised from, is an allocation that failed (the address-space cap)."""
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 8:
        if isinstance(cur, MemoryError) or ALLOCATION.search(str(cur)):
            return True
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return False


def _failed(path: str, exc: BaseException, reason: str | None = None) -> dict:
    return {"source": printable(path), "path": path, "error": type(exc).__name__, "reason": reason or str(exc)}


def too_much_memory(source: str, memory_mb: int) -> LimitExceeded:
    return LimitExceeded(source, f"needed more than {memory_mb} MB to read and extract",
                         "split it into smaller files, or raise --memory")


def too_slow(source: str, timeout: float) -> LimitExceeded:
    return LimitExceeded(source, f"took longer than {timeout:g} s to read and extract",
                         "split it into smaller files, or raise --timeout")


# ---------------------------------------------------------------- the child

def _serve(conn: Connection, memory_mb: int, environ: dict[str, str] | None = None) -> None:
    """The child's loop: a path in, its result out, until the parent sends None or goes."""
    if environ is not None:         # the parent's environment now, not the fork server's at its start
        os.environ.clear()          # (PATH for LibreOffice, MINSHENG_NO_OCR, a changed TMPDIR)
        os.environ.update(environ)
    signal.signal(signal.SIGINT, signal.SIG_IGN)       # Ctrl-C is the parent's to handle
    os.setpgid(0, 0)        # its own group: a LibreOffice it started is stopped with it
    _bound(memory_mb)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        result = extract_one(path, memory_mb)
        try:
            conn.send(result)
        except OSError:         # the parent is gone (killed): nobody to answer
            return


# address space a reader reserves beyond what it touches, as a share of the bound: onnxruntime's
# thread pools and arenas (OCR of a scanned page: 1,670 MB more address space for 760 MB more
# resident, measured; under the default 1,536 MB bound it failed with std::bad_alloc)
RESERVED = 1 / 3


def _bound(memory_mb: int) -> None:
    """Cap this process's address space at what it holds now plus `memory_mb` and a third more for
    what readers reserve (the resident size is held to `memory_mb` from outside)."""
    size = _status(os.getpid(), "VmSize")
    if size is None:
        return
    cap = size + int(memory_mb * (1 + RESERVED)) * 2**20
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _status(pid: int, key: str) -> int | None:
    """A size from /proc/PID/status in bytes (VmSize, VmRSS), or None where there is no /proc."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss(pid: int) -> int | None:
    """A process's resident size in bytes from /proc/PID/statm (one short line, read after every
    document: a third of what parsing /proc/PID/status costs), or None where there is no /proc."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- the parent's side

class Isolated:
    """A child process that reads and extracts documents under `limits`; restarted after any
    document that breaks a limit (or leaves the child large), so the next starts clean."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.proc: Any = None
        self.conn: Connection | None = None
        self.base_rss = 0
        self.started = 0         # children started, for the benchmark and the tests
        self.unavailable: str | None = None   # why no child could start: documents are read here then
        self.peak_mb = 0.0       # the largest peak of its children so far, read as each one ends

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, self.limits.memory_mb, dict(os.environ)), daemon=True,
                           name="minsheng-extract")
        proc.start()
        child.close()
        self.proc, self.conn = proc, parent
        self.base_rss = _status(proc.pid or 0, "VmRSS") or 0
        self.started += 1

    def run(self, path: str) -> dict:
        """The result of extract_one(path), or a failure when the child broke a limit or died."""
        source = printable(path)
        if self.unavailable:
            return extract_one(path)
        if self.proc is None or not self.proc.is_alive():
            try:
                self._start()
            except (OSError, RuntimeError) as exc:     # no fork server here (no AF_UNIX, no temp folder)
                self.unavailable = str(exc) or type(exc).__name__
                return extract_one(path)
        assert self.conn is not None
        self.conn.send(path)
        deadline = time.monotonic() + self.limits.timeout
        cap = self.base_rss + self.limits.memory_mb * 2**20
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.close(kill=True)
                return _failed(path, too_slow(source, self.limits.timeout))
            try:
                if self.conn.poll(min(left, POLL)):
                    result: dict = self.conn.recv()
                    break
            except (EOFError, OSError):
                return self._died(path, source)
            rss = _rss(self.proc.pid)
            if rss is not None and rss > cap:
                self.close(kill=True)
                return _failed(path, too_much_memory(source, self.limits.memory_mb))
        if result.get("error") == "LimitExceeded" or (_rss(self.proc.pid) or 0) > cap // 2:
            self.close(kill=True)        # a fresh child for the next document, its memory back
        return result

    def _died(self, path: str, source: str) -> dict:
        """The child ended without an answer: killed (by the kernel's OOM killer, most likely) or crashed."""
        self.proc.join(5)
        code = self.proc.exitcode
        self.close(kill=True)
        if code == -signal.SIGKILL:
            return _failed(path, too_much_memory(source, self.limits.memory_mb))
        if code == -signal.SIGABRT:
            # under the address-space cap, a C/C++ library (PDFium, onnxruntime) aborts when an
            # allocation is refused; one large request fails before the resident size grows at all
            return _failed(path, LimitExceeded(
                source, f"the reader aborted, most likely because it needed more than {self.limits.memory_mb} MB",
                "raise --memory, or split the file; if it aborts again with more memory, please report it"))
        what = f"signal {-code}, {_signal_name(-code)}" if code and code < 0 else f"exit {code}"
        return _failed(path, MinshengError(source, f"the reader stopped while reading it ({what})",
                                           "please report this file"))

    def close(self, kill: bool = False) -> None:
        """End the child: politely, or at once when it is stuck in a document."""
        proc, conn = self.proc, self.conn
        self.proc = self.conn = None
        if proc is None:
            return
        self.peak_mb = max(self.peak_mb, peak_mb(proc))
        if not kill and conn is not None:
            try:
                conn.send(None)
            except OSError:
                pass
            proc.join(2)
        if kill and proc.pid:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:         # the group is gone already
                pass
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        if conn is not None:
            conn.close()
        proc.close()


class Ahead:
    """Batches read and extracted in a thread by an Isolated child while the caller waits on other
    work (Prefect's start-up): the child is a process of its own, so the thread mostly waits on its
    pipe. Reading goes on batch after batch until the flow's first task asks (take); the batch in
    hand is finished, and the child then goes to the flow (adopt). close() stops between batches."""

    MOST = 8        # batches held at most (~400 documents' records), however long Prefect takes

    def __init__(self, work: list[list[str]], limits: Limits) -> None:
        self.work = [list(b) for b in work[:self.MOST]]
        self.limits = limits
        self.worker: Isolated | None = Isolated(limits)
        self.done: dict[tuple[str, ...], list[dict]] = {}
        self.error: BaseException | None = None
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="minsheng-ahead", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            for batch in self.work:
                if self.stop.is_set():
                    return
                assert self.worker is not None
                results = [self.worker.run(path) for path in batch]
                self.done[tuple(batch)] = results
        except BaseException as exc:  # noqa: BLE001 — handed to the task that takes a batch
            self.error = exc

    def take(self, paths: list[str]) -> list[dict] | None:
        """This batch's results if it was read ahead, else None; no batch is started after the
        first call (the one in hand is finished)."""
        self.stop.set()
        self.thread.join()
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        return self.done.pop(tuple(paths), None)

    def adopt(self) -> Isolated | None:
        """The child that read ahead, handed on to read the rest."""
        self.stop.set()
        self.thread.join()
        worker, self.worker = self.worker, None
        return worker

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        if self.worker is not None:
            self.worker.close()
            self.worker = None


def warm() -> None:
    """Start the fork server now, so that its imports run while the caller does other work
    (Prefect's start-up, the survey); the first child then starts at once."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    from multiprocessing import forkserver

    try:
        forkserver.ensure_running()
    except (OSError, RuntimeError):     # Isolated.run finds it again and reads in process
        pass


def peak_mb(proc: Any) -> float:
    """The child's peak resident size so far, in MB (0 where there is no /proc)."""
    return (_status(proc.pid, "VmHWM") or 0) / 2**20 if proc is not None and proc.pid else 0.0


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return "unknown"


def can_fork() -> bool:
    """Whether this process may start children (a Dask worker is a daemon process, which may not)."""
    return not multiprocessing.current_process().daemon
