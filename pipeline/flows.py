"""Batch ingest as a Prefect flow: discover → hash → extract in coarse tasks → store.

The only module that imports Prefect. The work itself is plain functions (`survey`,
`process`); the flow wraps them:

    discover files by content ─► hash each, skip what the store has (sha256 + extractor version)
    ─► batches of ~50 documents, one task each (read → extract → checks), in turn or on Dask;
       in turn, each document in a child process under a time limit and a memory bound
       (pipeline/isolate.py), so that one hostile file is a listed failure, not a held batch
    ─► the flow, the store's single writer, commits each batch as it completes (in a thread,
       while the next batch is extracted)
    ─► TARGET_CONFLICT over the whole store

The CLI surveys the files and starts reading the first batches in the child while Prefect's
temporary server boots and Prefect imports (`plan`, `ahead`): the flow's first tasks take those.

Local mode by default: Prefect's temporary server on loopback, its home in the project's
`data/.prefect`, no analytics, no background services, logging at WARNING, no heartbeat
thread (which costs ~1 s a flow). Set PREFECT_API_URL to watch runs on a `prefect server
start`; `workers`/`dask_address` run the tasks on a Dask cluster through prefect-dask.
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import duckdb

from .errors import StoreWriteError
from .localserver import quiet_defaults

quiet_defaults()      # before Prefect reads its settings

from prefect import flow, task
from prefect.cache_policies import NONE
from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from . import isolate, localserver, store
from .isolate import Limits
from .survey import (  # noqa: F401  (the flow's API)
    HEAD,
    SKIP_SUFFIXES,
    Candidate,
    Hooks,
    Plan,
    Report,
    batches,
    discover,
    printable,
    survey,
    triage,
)

BATCH = 50


def gazetteer():
    """The gazetteer, loaded once per process (worker processes load their own)."""
    return isolate.gazetteer()


def process(paths: list[str], limits: Limits | None = None) -> list[dict]:
    """Read, extract and check each document: its contract, or {source, path, error, reason}.
    With `limits`, each document is read in a child process that may take no longer and no more
    memory than they allow (pipeline/isolate.py); the child lives on from batch to batch."""
    global _WORKER, _AHEAD
    if _AHEAD is not None:          # batches read while Prefect started
        try:
            done = _AHEAD.take(paths)
        except BaseException:
            _AHEAD.close()
            _AHEAD = None
            raise
        if done is not None:
            return done
        if not _AHEAD.done:         # all read ahead are taken: the child reads on for the flow
            ahead, _AHEAD = _AHEAD, None
            if _WORKER is None and limits == ahead.limits:
                _WORKER = ahead.adopt()
            ahead.close()
    if limits is None or not isolate.can_fork():
        return [isolate.extract_one(p) for p in paths]
    if _WORKER is None or _WORKER.limits != limits:
        close_worker()
        _WORKER = isolate.Isolated(limits)
    return [_WORKER.run(p) for p in paths]


_WORKER: isolate.Isolated | None = None
_AHEAD: isolate.Ahead | None = None


def close_worker() -> None:
    global _WORKER
    if _WORKER is not None:
        _WORKER.close()
        _WORKER = None


# ---------------------------------------------------------------- the run's state and report

@dataclass
class Session:
    con: duckdb.DuckDBPyConnection
    version: str
    hooks: Hooks
    plan: Plan | None = None      # the survey, done by the caller while Prefect started


_SESSIONS: dict[str, Session] = {}


# ---------------------------------------------------------------- Prefect

# The decorated objects get their own names so that the plain functions stay importable by
# name: Dask then pickles them by reference, not by value with the module's globals (which
# hold the open store connection).
def extract_batch_fn(paths: list[str], spool: str | None = None, limits: Limits | None = None) -> dict:
    """Extract a batch and hand its records over: {"mail": key} when the task runs in the
    flow's own process (spool None), {"file": path} of a spool file when it runs on a Dask
    worker, or {"refused": what the disk said} when the spool could not be written.

    Prefect holds every task's result until the flow ends, so a result of 50 contracts would
    keep the whole archive in memory; a key or a path costs nothing, and the flow drops the
    records as soon as the batch is stored.  (On a Dask cluster the spool, like the archive,
    must be on a file system the workers share.)  `limits`: see process()."""
    results = process(paths, limits)
    if spool is None:
        key = uuid.uuid4().hex
        _MAILBOX[key] = results
        return {"mail": key}
    out = Path(spool) / f"{uuid.uuid4().hex}.json"
    try:
        # surrogatepass: a file name that is not UTF-8 travels as the surrogates os.fsdecode made of it
        out.write_text(json.dumps(results, ensure_ascii=False, separators=(",", ":")), encoding="utf-8",
                       errors="surrogatepass")
    except OSError as exc:          # the disk of the store is full: the flow stops the run
        out.unlink(missing_ok=True)
        return {"refused": exc.strerror or str(exc)}
    return {"file": str(out)}


# batches extracted in this process, waiting for the flow to store them
_MAILBOX: dict[str, list[dict]] = {}


extract_batch = task(name="extract-batch", cache_policy=NONE, persist_result=False)(extract_batch_fn)


def ingest_flow_fn(paths: list[str], db: str, batch_size: int = BATCH, workers: int = 1,
                   session: str | None = None, scale_out: bool = False, limits: Limits | None = None) -> dict:
    """Ingest every document under `paths` into the store `db`; return the run's report.
    `scale_out`: the tasks run on a Dask cluster (the flow's task runner), not in turn here.
    `limits`: each document's time limit and memory bound (none: read in this process)."""
    from extractors import EXTRACTOR_VERSION

    started = time.perf_counter()
    state = _SESSIONS.get(session or "")
    owned = state is None
    if state is None:
        state = Session(store.connect(db), EXTRACTOR_VERSION, Hooks())
    con, hooks, report = state.con, state.hooks, Report()
    spool = Path(f"{db}.spool") if scale_out else None
    try:
        with _refusals():
            todo, total = _survey_all(paths, con, report, state.version, state.plan)
        if state.plan is None:      # else the caller started its hooks when it made the plan
            hooks.start(total, len(todo))
        if spool:
            with _refusals():
                spool.mkdir(parents=True, exist_ok=True)
        _run_batches(batches(todo, batch_size, workers), con, report, state.version, hooks, spool, limits)
        with _refusals():
            store.refresh_conflicts(con)
    except _Damaged as exc:
        report.stopped = str(store.damaged(db, str(exc)))
    except _DiskRefused as exc:
        report.stopped = str(StoreWriteError(
            db, f"the store could not be written ({exc}); the run stopped after {report.new} new documents",
            "free some space and run the same command again: every document stored so far is kept "
            "whole, and the rest will be extracted then"))
    finally:
        if spool:
            shutil.rmtree(spool, ignore_errors=True)
        _MAILBOX.clear()
        close_worker()
        hooks.finish()
        if owned:
            con.close()
    report.seconds = round(report.seconds + time.perf_counter() - started, 3)
    return report.as_dict()


def _survey_all(paths: list[str], con, report: Report, version: str,
                planned: Plan | None = None) -> tuple[list[str], int]:
    """The files still to extract, and how many were found; files that fail at sniffing are
    stored as failures, known ones counted. `planned`: the survey, done already."""
    if planned is None:
        from .survey import plan

        planned = plan(paths, con, version)
    for key in ("unchanged", "skipped", "duplicates", "failed"):
        setattr(report, key, getattr(report, key) + getattr(planned.report, key))
    report.failures += planned.report.failures
    report.seconds += planned.seconds
    for cand in planned.failing:
        _fail(con, report, printable(cand.path), cand.sha256, version, cand.error, cand.reason or "")
    return planned.todo, planned.total


ingest_flow = flow(name="minsheng-ingest", persist_result=False, validate_parameters=False)(ingest_flow_fn)


def _run_batches(work: list[list[str]], con, report: Report, version: str, hooks: Hooks,
                 spool: Path | None, limits: Limits | None = None) -> None:
    """Extract the batches and store each as it comes back.

    In the flow's own process (spool None) each batch is a task called in turn: extraction is
    pure Python, so threads beside the store only fight over the GIL (measured on 1,000
    documents: two task threads made extraction and the store's writes each 1.5–2× slower than
    the same work done in turn).  On a Dask cluster a few more batches than workers are
    submitted at a time, so finished results never pile up in memory."""
    if spool is None:
        with _Behind(con, report, version, hooks) as behind:
            for batch in work:
                behind.put(extract_batch(batch, None, limits))
        return
    window = 8
    pending: deque = deque()
    queue = deque(work)
    while queue or pending:
        while queue and len(pending) < window:
            pending.append(extract_batch.submit(queue.popleft(), str(spool), limits))
        done = pending.popleft().result()
        if "refused" in done:
            for future in pending:      # let the running batches end before the spool goes
                future.wait()
            raise _DiskRefused(done["refused"])
        _store_batch(done, con, report, version, hooks)


class _Behind:
    """The store's writes of one batch in a thread while the next batch is extracted: the
    extraction runs in the child process (the flow's thread waits on its pipe), so the two
    overlap instead of leaving the child idle during each write. One batch waits at most."""

    def __init__(self, con, report: Report, version: str, hooks: Hooks) -> None:
        self.args = (con, report, version, hooks)
        self.queue: queue.Queue = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="minsheng-store", daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def _run(self) -> None:
        while (done := self.queue.get()) is not None:
            if self.error is not None:      # the run stops: what is left is not stored
                _MAILBOX.pop(done.get("mail", ""), None)
                continue
            try:
                _store_batch(done, *self.args)
            except BaseException as exc:  # noqa: BLE001 — raised in the flow's thread
                self.error = exc

    def put(self, done: dict) -> None:
        self._raise()
        self.queue.put(done)

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def __exit__(self, *exc: object) -> None:
        self.queue.put(None)
        self.thread.join()
        if exc[0] is None:
            self._raise()


def _store_batch(done: dict, con, report: Report, version: str, hooks: Hooks) -> None:
    """Store what one extract-batch task handed over, recording its failures."""
    if "mail" in done:
        results = _MAILBOX.pop(done["mail"])
    else:
        path = Path(done["file"])
        results = json.loads(path.read_text(encoding="utf-8", errors="surrogatepass"))
        path.unlink(missing_ok=True)
    for r in results:
        if "contract" not in r:
            _fail(con, report, r["source"], _sha_of(r.get("path", r["source"])), version, r["error"], r["reason"])
    _store(con, [r["contract"] for r in results if "contract" in r], report, version)
    hooks.advance(len(results), report.failed, sum(r.get("ocr_pages", 0) for r in results))


class _DiskRefused(Exception):
    """The store's disk refused a write: no later write can succeed, so the run stops."""


class _Damaged(Exception):
    """The store's file cannot be read back: no re-run into it can succeed, so the run stops."""


@contextmanager
def _refusals() -> Iterator[None]:
    """Raise _DiskRefused when the store's disk refuses the write inside, _Damaged when the file
    cannot be read back."""
    try:
        yield
    except Exception as exc:
        _stop_if_store_fails(exc)
        raise


def _stop_if_store_fails(exc: Exception) -> None:
    if detail := store.damage(exc):
        raise _Damaged(detail) from None
    if problem := store.disk_problem(exc):
        raise _DiskRefused(problem) from None


def _store(con, contracts: list[dict], report: Report, version: str) -> None:
    try:
        store.write_documents(con, contracts)
    except Exception as exc:  # noqa: BLE001 — find the document the database refused
        _stop_if_store_fails(exc)
        if len(contracts) == 1:
            _store_alone(con, contracts[0], report, version, exc)
            return
        for c in contracts:            # find the one document the database refused
            _store(con, [c], report, version)
        return
    _count(report, contracts)


def _store_alone(con, contract: dict, report: Report, version: str, exc: Exception) -> None:
    """One document the store refused: with more memory when that was the trouble, else a failure."""
    c = contract["document"]
    if isinstance(exc, duckdb.OutOfMemoryException):
        try:
            store.write_roomy(con, [contract])
        except duckdb.OutOfMemoryException:
            _fail(con, report, c["source"], c["sha256"], version, "StoreError",
                  f"{c['source']}: its records need more than {store.ROOMY} of memory to be stored — "
                  "split it into smaller files")
            return
        _count(report, [contract])
        return
    _fail(con, report, c["source"], c["sha256"], version, "StoreError",
          f"{c['source']}: its records could not be stored ({type(exc).__name__}: {str(exc).splitlines()[0][:120]})"
          " — please report this file")


def _count(report: Report, contracts: list[dict]) -> None:
    for c in contracts:
        report.new += 1
        report.new_projects += len(c["projects"])
        for f in c["flags"]:
            report.new_flags[f["code"]] = report.new_flags.get(f["code"], 0) + 1


def _fail(con, report: Report, source: str, sha: str | None, version: str, error: str | None, reason: str) -> None:
    report.failed += 1
    report.failures.append([source, reason])
    with _refusals():
        store.write_failure(con, source, sha, version, error or "", reason)


def _sha_of(source: str) -> str | None:
    try:
        return hashlib.sha256(Path(source).read_bytes()).hexdigest()
    except OSError:
        return None


# ---------------------------------------------------------------- entry point for the CLI

def local_mode() -> bool:
    return not PREFECT_API_URL.value()


def task_runner(workers: int | None, dask_address: str | None):
    if dask_address or workers:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    return None         # the flow calls its tasks in turn


def ingest(paths: list[str], con, *, db: str, batch_size: int = BATCH, workers: int | None = None,
           dask_address: str | None = None, hooks: Hooks | None = None,
           server: localserver.LocalServer | None = None, limits: Limits | None = None,
           plan: Plan | None = None, ahead: isolate.Ahead | None = None) -> dict:
    """Run the ingest flow over `paths` with an open store connection `con` (the caller
    opened it first, so a busy database fails before Prefect starts). In local mode the run
    uses `server`, a temporary server the caller launched early, or launches one. `plan`: the
    survey the caller made meanwhile; `ahead`: its first batch, being read meanwhile."""
    global _AHEAD
    from extractors import EXTRACTOR_VERSION

    key = uuid.uuid4().hex
    _SESSIONS[key] = Session(con, EXTRACTOR_VERSION, hooks or Hooks(), plan)
    runner = task_runner(workers, dask_address)
    _AHEAD = ahead if runner is None else None
    if ahead is not None and _AHEAD is None:
        ahead.close()
    try:
        with ExitStack() as stack:
            if server is not None:
                stack.callback(server.stop)
            if local_mode():
                url = (server or stack.enter_context(localserver.launched())).ready()
                stack.enter_context(_pointed_at(url))
                stack.enter_context(temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}))
            run: Callable = ingest_flow.with_options(task_runner=runner) if runner else ingest_flow
            return run([str(p) for p in paths], db, batch_size, workers or 1, key, runner is not None, limits)
    finally:
        _SESSIONS.pop(key, None)
        if _AHEAD is not None:      # the flow never took it (it did not start)
            _AHEAD.close()
            _AHEAD = None


@contextmanager
def _pointed_at(url: str) -> Iterator[None]:
    """Prefect's client, and any Dask worker process started inside, talk to `url`."""
    old = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield
    finally:
        if old is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = old
