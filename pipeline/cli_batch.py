"""`minsheng ingest` and `minsheng export`: batch commands, imported only when called.

    minsheng ingest samples --db data/samples.duckdb
    minsheng ingest archive/ --db archive.duckdb --workers 2 --json
    minsheng export --db archive.duckdb --format xlsx archive.xlsx
"""
from __future__ import annotations

import json
import os
import sys
import time

import click

from . import localserver, store
from .errors import MinshengError


class Progress:
    """A rich progress bar on a terminal, a plain line every few seconds otherwise."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.bar = None
        self.done = 0
        self.todo = 0
        self.failed = 0
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
                           TimeRemainingColumn(), console=Console(stderr=True), transient=False)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=todo, rate=0.0, failed=0)

    def advance(self, done: int, failed: int) -> None:
        self.done += done
        self.failed = failed
        rate = self.done / max(time.perf_counter() - self.t0, 1e-6)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, rate=rate, failed=failed)
        elif not self.quiet and (time.perf_counter() - self.last > 2 or self.done == self.todo):
            self.last = time.perf_counter()
            click.echo(f"minsheng: {self.done}/{self.todo} documents, {rate:.1f} docs/s, {failed} failed", err=True)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


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
    echo("documents by region: " + ", ".join(f"{name}{f' ({code})' if code else ''} {n}"
                                             for name, code, n in totals["by_region"]))
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
@click.option("--no-ocr", is_flag=True, help="list scans and images as failures instead of reading them by OCR")
def ingest(paths, db, workers, dask_address, batch_size, strict, as_json, no_ocr):
    """Extract every document under PATHS into a DuckDB store (incremental, resumable)."""
    if no_ocr:
        os.environ["MINSHENG_NO_OCR"] = "1"      # read by pipeline/readers/ocr.py, in Dask workers too
    con = store.connect(db)              # a busy database fails here, before Prefect starts
    try:
        from extractors import EXTRACTOR_VERSION

        from .survey import nothing_new

        quick = nothing_new(list(paths), con, EXTRACTOR_VERSION)
        if quick is not None:            # every file is stored already: Prefect is never started
            report = quick.as_dict()
            totals = store.summary(con)
        else:
            report, totals = _run_flow(paths, con, db, workers, dask_address, batch_size, as_json)
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


def _run_flow(paths, con, db, workers, dask_address, batch_size, as_json) -> tuple[dict, dict | None]:
    """The Prefect flow over the paths: its report, and the store's totals (None when it stopped)."""
    try:
        localserver.quiet_defaults()
        # Prefect's temporary server boots (4–10 s) while Prefect and the extractors import
        server = localserver.LocalServer() if localserver.wanted() else None
        from . import flows

        report = flows.ingest(list(paths), con, db=db, batch_size=batch_size, workers=workers,
                              dask_address=dask_address, hooks=Progress(quiet=as_json), server=server)
    except RuntimeError as exc:      # Prefect's temporary server or the Dask cluster did not start
        raise MinshengError(db, f"the batch runner could not start ({str(exc).splitlines()[0][:200]})",
                            "check that PREFECT_HOME is writable, or raise "
                            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") from exc
    # the disk refused a write: what is stored is whole, the rest waits for the next run
    return report, None if report["stopped"] else store.summary(con)


@click.command()
@click.option("--db", required=True, help="DuckDB file written by `minsheng ingest`")
@click.option("--format", "fmt", type=click.Choice(store.FORMATS), required=True)
@click.argument("out")
def export(db, fmt, out):
    """Write the store's tables: a folder of parquet/csv files, or one xlsx workbook."""
    try:
        files = store.export(db, fmt, out)
    except (OSError, ValueError) as exc:
        raise MinshengError(out, f"cannot write the export ({exc})", "check the output path") from exc
    for f in files:
        click.echo(str(f))
