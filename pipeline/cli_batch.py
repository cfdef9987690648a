"""`minsheng ingest`, `export`, `verify` and `repair`: batch commands, imported only when called.

    minsheng ingest samples --db data/samples.duckdb
    minsheng ingest archive/ --db archive.duckdb --workers 2 --json
    minsheng ingest archive/ --db archive.duckdb --timeout 60 --memory 1000
    minsheng export --db archive.duckdb --format xlsx archive.xlsx
    minsheng verify --db archive.duckdb
    minsheng repair --db archive.duckdb repaired.duckdb
"""
from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

import click
import duckdb

from . import localserver, store
from .errors import MinshengError
from .isolate import Limits
from .survey import Hooks, printable


class Progress(Hooks):
    """A rich progress bar on a terminal, a plain line every few seconds otherwise."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.bar: Any = None      # a rich Progress, imported only on a terminal
        self.done = 0
        self.todo = 0
        self.failed = 0
        self.ocr_pages = 0
        self.t0 = time.perf_counter()
        self.last = 0.0

    def start(self, total: int, todo: int) -> None:
        self.todo, self.t0 = todo, time.perf_counter()
        if self.quiet:
            return
        click.echo(f"minsheng: {total} files found, {todo} to extract", err=True)
        if self.tty and todo:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self.bar = Bar(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("{task.fields[failed]} failed"),
                           TextColumn("{task.fields[ocr]}"), TimeRemainingColumn(), console=Console(stderr=True),
                           transient=False)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=todo, rate=0.0, failed=0, ocr="")

    def advance(self, done: int, failed: int, ocr_pages: int = 0) -> None:
        self.done += done
        self.failed = failed
        self.ocr_pages += ocr_pages
        rate = self.done / max(time.perf_counter() - self.t0, 1e-6)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, rate=rate, failed=failed, ocr=self.ocr_text())
        elif not self.quiet and (time.perf_counter() - self.last > 2 or self.done == self.todo):
            self.last = time.perf_counter()
            click.echo(f"minsheng: {self.done}/{self.todo} documents, {rate:.1f} docs/s, {failed} failed"
                       + (f", {self.ocr_text()}" if self.ocr_pages else ""), err=True)

    def ocr_text(self) -> str:
        """'3 pages by OCR' once a scan has been read, else nothing."""
        n = self.ocr_pages
        return f"{n} page{'s' if n != 1 else ''} by OCR" if n else ""

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


REGIONS_SHOWN = 15      # the summary's region line names the regions with most documents, then counts the rest


def _print_summary(report: dict, totals: dict) -> None:
    echo = click.echo
    echo(f"this run: {report['new']} new, {report['unchanged']} unchanged, {report['failed']} failed"
         + (f", {report['duplicates']} duplicates" if report["duplicates"] else "")
         + (f", {report['skipped']} not documents" if report["skipped"] else "")
         + f" in {report['seconds']:.1f} s")
    echo(f"store: {totals['documents']} documents, {totals['projects']} projects, {totals['targets']} targets, "
         f"{totals['progress']} progress figures")
    echo("documents by kind:   " + ", ".join(f"{k} {v}" for k, v in totals["by_kind"].items()))
    echo("documents by year:   " + ", ".join(f"{k} {v}" for k, v in totals["by_year"].items()))
    regions = totals["by_region"]
    echo("documents by region: " + ", ".join(f"{name}{f' ({code})' if code else ''} {n}"
                                             for name, code, n in regions[:REGIONS_SHOWN])
         + (f" … and {len(regions) - REGIONS_SHOWN} more regions (all of them: minsheng export)"
            if len(regions) > REGIONS_SHOWN else ""))
    echo("flags by code:       " + (", ".join(f"{k} {v}" for k, v in totals["flags"].items()) or "none"))
    if report["failures"]:
        echo(f"failed ({len(report['failures'])}):")
        for _source, reason in report["failures"]:
            echo(f"  {reason}")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", required=True, help="DuckDB file to write (created if missing)")
@click.option("--workers", type=click.IntRange(1, None), help="run tasks on a local Dask cluster of N processes")
@click.option("--dask-address", help="run tasks on an existing Dask cluster (tcp://host:8786)")
@click.option("--batch-size", type=click.IntRange(1, None), default=50, show_default=True,
              help="documents per task")
@click.option("--strict", is_flag=True, help="exit 1 when any file fails")
@click.option("--json", "as_json", is_flag=True, help="print the summary as one JSON object")
@click.option("--timeout", type=click.FloatRange(1, None), default=120, show_default=True,
              help="seconds one document may take; a slower one is listed as a failure")
@click.option("--memory", "memory_mb", type=click.IntRange(64, None), default=1536, show_default=True,
              help="MB of memory one document may take; a larger one is listed as a failure")
@click.option("--no-ocr", is_flag=True, help="list scans and images as failures instead of reading them by OCR")
def ingest(paths, db, workers, dask_address, batch_size, strict, as_json, timeout, memory_mb, no_ocr):
    """Extract every document under PATHS into a DuckDB store (incremental, resumable)."""
    _paths_exist(paths)                  # a mistyped path: nothing is created
    if no_ocr:
        os.environ["MINSHENG_NO_OCR"] = "1"      # read by pipeline/readers/ocr.py, in child processes and Dask workers too
    con = store.connect(db)              # a busy database fails here, before Prefect starts
    try:
        from extractors import EXTRACTOR_VERSION

        from .survey import nothing_new

        try:
            quick = nothing_new(list(paths), con, EXTRACTOR_VERSION)
            if quick is not None:            # every file is stored already: Prefect is never started
                report = quick.as_dict()
                totals = store.summary(con)
            else:
                report, totals = _run_flow(paths, con, db, workers, dask_address, batch_size, as_json,
                                           Limits(timeout, memory_mb))
        except duckdb.Error as exc:
            if detail := store.damage(exc):
                raise store.damaged(db, detail) from exc
            raise
    finally:
        con.close()
    if totals is None:
        if as_json:
            click.echo(json.dumps(report, ensure_ascii=False))
        click.echo(f"minsheng: {report['stopped']}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps({**report, "projects": totals["projects"], "flags": totals["flags"],
                               "store": {k: v for k, v in totals.items() if k != "failures"}},
                              ensure_ascii=False))
    else:
        _print_summary(report, totals)
    if strict and report["failed"]:
        sys.exit(1)


def _paths_exist(paths: tuple[str, ...]) -> None:
    """Every path given exists (a dangling link counts: the survey names it); else one line, exit 2."""
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        click.echo(f"minsheng: {printable(missing[0])}: no such file or folder — check the path", err=True)
        sys.exit(2)


def _run_flow(paths, con, db, workers, dask_address, batch_size, as_json,
              limits: Limits) -> tuple[dict, dict | None]:
    """The Prefect flow over the paths: its report, and the store's totals (None when it stopped)."""
    try:
        localserver.quiet_defaults()
        from extractors import EXTRACTOR_VERSION

        from . import isolate
        from .survey import batches, plan

        isolate.warm()               # the readers' child processes come from it: their imports start now
        # Prefect's temporary server boots (3–10 s) while this process surveys the files and imports
        # Prefect, and the child reads batch after batch ahead of the flow
        server = localserver.LocalServer() if localserver.wanted() else None
        ahead, progress = None, Progress(quiet=as_json)
        try:
            planned = plan(list(paths), con, EXTRACTOR_VERSION)
            progress.start(planned.total, len(planned.todo))
            if planned.todo and not (workers or dask_address) and isolate.can_fork():
                ahead = isolate.Ahead(batches(planned.todo, batch_size), limits)
            from . import flows
        except BaseException:
            progress.finish()
            if ahead is not None:
                ahead.close()
            if server is not None:
                server.stop()
            raise
        try:
            report = flows.ingest(list(paths), con, db=db, batch_size=batch_size, workers=workers,
                                  dask_address=dask_address, hooks=progress, server=server,
                                  limits=limits, plan=planned, ahead=ahead)
        finally:
            progress.finish()
    except RuntimeError as exc:      # Prefect's temporary server or the Dask cluster did not start
        raise MinshengError(db, f"the batch runner could not start ({str(exc).splitlines()[0][:200]})",
                            "check that PREFECT_HOME is writable, or raise "
                            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") from exc
    # the disk refused a write: what is stored is whole, the rest waits for the next run
    return report, None if report["stopped"] else store.summary(con)


@click.command()
@click.option("--db", required=True, help="DuckDB file written by `minsheng ingest`")
@click.option("--format", "fmt", type=click.Choice(store.FORMATS), required=True,
              help="parquet, csv or dta (Stata): a folder with a file a table; xlsx: one workbook")
@click.argument("out")
def export(db, fmt, out):
    """Write the store's tables, each record with its source file and evidence (line, page, table,
    row, verbatim text): a folder of parquet/csv/dta files, or one xlsx workbook."""
    try:
        files = store.export(db, fmt, out)
    except (OSError, ValueError) as exc:
        raise MinshengError(out, f"cannot write the export ({exc})", "check the output path") from exc
    for f in files:
        click.echo(str(f))


@click.command()
@click.option("--db", required=True, help="DuckDB file written by `minsheng ingest`")
def verify(db):
    """Read every row of the store back and check each document's rows (exit 1 when damaged)."""
    if not os.path.exists(db):
        raise store.StoreError(db, "no such database", "check the path")
    out = store.verify(db)
    if out["problems"]:
        more = len(out["problems"]) - 1
        click.echo(f"minsheng: {store.damaged(db, out['problems'][0] + (f'; and {more} more' if more else ''))}",
                   err=True)
        sys.exit(1)
    click.echo(f"{db}: sound — {out['documents']} documents; "
               + ", ".join(f"{t} {n}" for t, n in out["tables"].items()) + " rows read")


@click.command()
@click.option("--db", required=True, help="the damaged DuckDB file (read only, never changed)")
@click.argument("new")
def repair(db, new):
    """Copy every readable document of a damaged store into NEW (a new file), whole."""
    out = store.repair(db, new)
    click.echo(f"{new}: {out['copied']} of {out['documents']} documents copied, {out['failures']} failures listed")
    if out["lost_count"]:
        names = ", ".join(out["lost"][:5]) + (" …" if len(out["lost"]) > 5 else "")
        click.echo(f"lost {out['lost_count']} documents{f' ({names})' if names else ''} — ingest their folders "
                   f"into {new} to extract them again")
