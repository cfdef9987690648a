"""`minsheng serve`: the paste page on http://127.0.0.1:8000 (loaded lazily by pipeline.cli)."""
from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to bind; the default serves this machine only")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--db", default=None, metavar="FILE", help="a DuckDB store made by `minsheng ingest`: the page then compares a project type across its years and regions")
@click.option("--time-limit", default=30.0, show_default=True, type=click.FloatRange(1, 3600), metavar="SECONDS",
              help="longest one extraction may take; a longer document is refused with 文档过长…请拆分")
def serve(host: str, port: int, db: str | None, time_limit: float) -> None:
    """Serve the paste page: paste a 通报 or upload a file, get a checked table.

    Only this machine's names (127.0.0.1, localhost, ::1) are answered, and only the page itself may
    post to the API; --host ADDRESS also answers that address (0.0.0.0: every name)."""
    import uvicorn

    from .web.app import allowed_hosts_for, create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"minsheng: serving on {host}: anyone who can reach this address can use the page", err=True)
    click.echo(f"minsheng: 打开 http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/", err=True)
    app = create_app(db=db, time_limit=time_limit, allowed_hosts=allowed_hosts_for(host))
    uvicorn.run(app, host=host, port=port, log_level="warning")
