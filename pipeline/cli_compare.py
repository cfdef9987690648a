"""`minsheng compare`: one project type's targets across years and regions, with sources."""
from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--type", "type_", help="a type id, its label or any wording that resolves to one type")
@click.option("--region", help="keep documents whose region path contains this name")
@click.option("--by", type=click.Choice(["year", "region"]), default="year", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["markdown", "csv", "xlsx"]), default="markdown", show_default=True)
@click.option("-o", "--output", help="file to write (required for xlsx)")
@click.option("--chart", type=click.Path(dir_okay=False), help="draw the targets over the years to this PNG")
@click.option("--unclassified", is_flag=True, help="list project names no type claims and their recurring words")
def compare(db, type_, region, by, fmt, output, chart, unclassified):
    """Compare targets of one project type across years and regions."""
    from . import compare as C

    if unclassified:
        names, words = C.unclassified(db)
        click.echo(f"{len(names)} project names have no type; the words that recur among them:")
        click.echo(words.to_string(index=False))
        return

    try:
        rows = C.compare(db, type_, region, by)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if rows.empty:
        click.echo("no targets of that type in the store")
        return
    table = C.pivot(rows, by)
    if fmt == "xlsx":
        if not output:
            raise click.ClickException("--format xlsx needs -o FILE.xlsx")
        with __import__("pandas").ExcelWriter(output) as xw:
            table.to_excel(xw, sheet_name="pivot")
            rows.to_excel(xw, sheet_name="sources", index=False)
    elif fmt == "csv":
        text = rows.to_csv(index=False)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            click.echo(text)
    else:
        text = table.to_string()
        click.echo(text)
        click.echo("\nsources:")
        for _, r in rows.iterrows():
            click.echo(f"  {r['year']} {r['region']}: {r['target']:g}{r['unit'] or ''} — {r['source']}")
    if chart:
        C.chart(rows, chart)
