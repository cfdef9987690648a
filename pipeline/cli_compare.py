"""`minsheng compare`: targets across years and regions, with the source of every figure.

    minsheng compare --db archive.duckdb                       # targets by type × year (counts)
    minsheng compare --db archive.duckdb --list-types          # every type, with counts
    minsheng compare --db archive.duckdb --type 新增城镇就业     # one type: regions × years, a table a unit
    minsheng compare --db archive.duckdb --type 新增城镇就业 --chart jobs.png
"""
from __future__ import annotations

from pathlib import Path

import click

SUMMARY_ROWS = 40       # types shown in the summary, most targets first


@click.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="DuckDB file written by `minsheng ingest`")
@click.option("--type", "type_", help="a type id, its label or any wording that resolves to one type")
@click.option("--list-types", is_flag=True, help="list the project types in the store, with counts")
@click.option("--region", help="keep documents whose region (or a region above it) has this name")
@click.option("--by", type=click.Choice(["year", "region"]), default="year", show_default=True,
              help="columns are years (a row a region), or regions (a row a year)")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "xlsx"]), default="table", show_default=True,
              help="table: aligned text; csv: one row a target with its source and evidence; "
                   "xlsx: the numbers and the sources (needs -o)")
@click.option("-o", "--output", help="file to write (required for xlsx)")
@click.option("--chart", type=click.Path(dir_okay=False), help="draw the type's targets over the years to this PNG")
@click.option("--unclassified", is_flag=True, help="list project names no type claims and their recurring words")
def compare(db, type_, list_types, region, by, fmt, output, chart, unclassified):
    """Compare targets across years and regions (a summary, or one --type in numbers)."""
    from . import compare as C

    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx needs -o FILE.xlsx")
    if chart and not type_:
        raise click.UsageError("--chart needs --type (one project type a chart)")
    if unclassified:
        names, words = C.unclassified(db)
        click.echo(f"{len(names)} project names have no type; the words that recur among them:")
        click.echo(C.render(["词", "项目名称数"], [[w, str(n)] for w, n in zip(words["word"], words["names"])]))
        return

    try:
        rows = C.compare(db, type_, region, by)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if list_types:
        _list_types(C, rows)
        return
    if rows.empty:
        click.echo("no targets of that type in the store" if type_ else "no typed targets in the store")
        return
    if fmt == "xlsx":
        _xlsx(C, rows, by, output, whole=not type_)
    elif fmt == "csv":
        _csv(rows, output)
    elif type_:
        click.echo(C.type_table(rows, by))
        click.echo("\n来源 (sources; the same figure in several files is listed once):")
        for line in C.sources(rows):
            click.echo("  " + line)
    else:
        table = C.summary(rows)
        click.echo(f"{len(rows)} targets of {rows['type'].nunique()} project types in "
                   f"{rows['sha256'].nunique()} documents, by year "
                   "(`--type LABEL` compares one type, `--list-types` lists them):")
        shown = table.head(SUMMARY_ROWS)
        click.echo(C.render(["类型", *map(str, shown.columns)],
                            [[str(label), *(str(int(n)) if n else "·" for n in row)]
                             for label, row in zip(shown.index, shown.values)]))
        if len(table) > len(shown):
            click.echo(f"… and {len(table) - len(shown)} types with fewer targets (`--list-types` lists them all; "
                       "`--format csv` gives every target)")
    if chart:
        warning = C.chart(rows, chart)
        if warning:
            click.echo(f"minsheng: {chart}: {warning}", err=True)
        click.echo(f"chart: {chart}")


def _list_types(C, rows) -> None:
    listed = C.types(rows)
    if listed.empty:
        click.echo("no typed targets in the store")
        return
    click.echo(C.render(["类型", "id", "目标数", "文件数", "地区数", "年份"],
                        [[r.label, r.type, str(r.targets), str(r.documents), str(r.regions), r.years]
                         for r in listed.itertuples()], right_from=2))


def _csv(rows, output) -> None:
    from .cells import csv_safe

    text = rows.drop(columns=["path"]).map(csv_safe).to_csv(index=False)
    if output:
        Path(output).write_text(text, encoding="utf-8-sig")
        click.echo(output)
    else:
        click.echo(text, nl=False)


def _xlsx(C, rows, by, output, whole: bool) -> None:
    import openpyxl
    import pandas as pd

    from .cells import defuse_book

    with pd.ExcelWriter(output, engine="openpyxl") as xw:
        if whole:
            C.summary(rows).to_excel(xw, sheet_name="summary")
        else:
            C.pivot(rows, by).to_excel(xw, sheet_name="pivot")
        rows.drop(columns=["path"]).to_excel(xw, sheet_name="sources", index=False)
    book = openpyxl.load_workbook(output)
    if defuse_book(book):
        book.save(output)
    click.echo(output)
