"""The command line: `minsheng read|extract|check|ingest|export|compare|serve`.

Bad input prints one line, `minsheng: FILE: what is wrong — what to do`, and exits 1; a mistake
in the command line (a missing argument, an unknown option, a flag that needs another) prints
one line naming the command's --help, and exits 2.
Commands that need heavy libraries (ingest → Prefect, serve → FastAPI, export → pandas)
live in their own modules and are imported only when called, so `extract` starts fast.
"""
from __future__ import annotations

import importlib
import json
import sys

import click

from .errors import MinshengError

LAZY = {
    "ingest": ("pipeline.cli_batch", "ingest"),
    "export": ("pipeline.cli_batch", "export"),
    "verify": ("pipeline.cli_batch", "verify"),
    "repair": ("pipeline.cli_batch", "repair"),
    "compare": ("pipeline.cli_compare", "compare"),
    "serve": ("pipeline.cli_serve", "serve"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY))

    def get_command(self, ctx, name):
        if name in LAZY:
            module, attr = LAZY[name]
            try:
                return getattr(importlib.import_module(module), attr)
            except (ImportError, AttributeError) as exc:
                reason = f"{name} is not available in this installation: {exc}"

                @click.command(name=name, help=f"({reason})")
                def missing():
                    raise click.ClickException(reason)
                return missing
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minsheng")
def cli():
    """minsheng: structured, checkable records from 重点民生实事 documents."""


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="print the Document as JSON (JSON Lines for several files)")
def read(files, as_json):
    """Print documents' text views with line numbers (or each Document as JSON).

    Several files print one after the other, each under a `==> FILE <==` line; a file that
    cannot be read is named in one line on stderr and the rest go on (exit 1 at the end)."""
    from .readers import read as read_doc

    failed = 0
    for n, file in enumerate(files):
        try:
            doc = read_doc(file)
        except MinshengError as exc:
            click.echo(f"minsheng: {exc}", err=True)
            failed += 1
            continue
        if as_json:
            click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=None if len(files) > 1 else 1))
        else:
            if len(files) > 1:
                click.echo(("\n" if n else "") + f"==> {file} <==")
            width = len(str(len(doc.lines)))
            for i, line in enumerate(doc.lines, 1):
                click.echo(f"{i:>{width}}  {line}")
        for w in doc.warnings:
            click.echo(f"minsheng: {file}: {w}", err=True)
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table", "csv", "markdown", "xlsx"]), default="json",
              show_default=True,
              help="json: one object a line, for programs; table and markdown: two names for one Markdown table "
                   "with Chinese labels (it reads in a terminal and pastes into a report); csv/xlsx for Excel")
@click.option("-o", "--output", help="file to write (required for xlsx)")
@click.option("--strict", is_flag=True, help="exit 1 when any input fails")
@click.option("--entities", is_flag=True, help="also list every organisation, person and place named (loads spaCy)")
def extract(files, fmt, output, strict, entities):
    """Extract projects, targets, progress and flags (JSON Lines for several files)."""
    from extractors import extract as run
    from gazetteer import load

    from . import views
    from .readers import read as read_doc

    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx needs -o FILE.xlsx (a spreadsheet is not printed to the terminal)")
    gaz = load()
    failed = 0
    results = []
    for f in files:
        try:
            results.append(run(read_doc(f), gaz, with_entities=entities).to_contract())
        except MinshengError as exc:
            click.echo(f"minsheng: {exc}", err=True)
            failed += 1
        except Exception as exc:  # noqa: BLE001 — a bug of ours: say so in one line and go on with the batch
            click.echo(f"minsheng: {f}: internal error ({type(exc).__name__}: {exc}) — please report it "
                       "with the file", err=True)
            failed += 1
    if results:
        views.write(results, fmt, output)
    if failed and (strict or not results):
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True)
def check(files):
    """Print only the flags, one line each (exit 1 when any error flag is raised)."""
    from extractors import extract as run
    from gazetteer import load

    from .readers import read as read_doc

    gaz = load()
    worst = 0
    for f in files:
        try:
            out = run(read_doc(f), gaz).to_contract()
        except MinshengError as exc:
            click.echo(f"minsheng: {exc}", err=True)
            worst = 1
            continue
        for fl in out["flags"]:
            line = fl["evidence"].get("line")
            click.echo(f"{f}:{line or '-'}: {fl['severity']} {fl['code']} {fl['message']}")
            if fl["severity"] == "error":
                worst = 1
    sys.exit(worst)


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="minsheng", standalone_mode=False)
    except MinshengError as exc:
        click.echo(f"minsheng: {exc}", err=True)
        return 1
    except click.exceptions.Abort:
        click.echo("minsheng: interrupted", err=True)
        return 130
    except click.UsageError as exc:     # a mistake in the command line: one line, exit 2
        where = exc.ctx.command_path if exc.ctx is not None else "minsheng"
        click.echo(f"minsheng: {exc.format_message()} — see `{where} --help`", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"minsheng: {exc.format_message()}", err=True)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0)
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback: one line, and a way to get one when debugging
        import os

        if os.environ.get("MINSHENG_DEBUG"):
            raise
        click.echo(f"minsheng: internal error ({type(exc).__name__}: {exc}) — set MINSHENG_DEBUG=1 for details",
                   err=True)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
