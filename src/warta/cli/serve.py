"""`warta serve [--db FILE] [--host H] [--port P]`: the API and the dashboard under uvicorn."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Annotated

import typer

from warta.errors import WartaError
from warta.settings import Settings
from warta.store import DEFAULT_DB

TOKEN_ENV = "WARTA_INGEST_TOKEN"
_DEFAULTS = Settings()  # frozen: the declared defaults, shown by --help


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB database file (created if missing).")] = (
        Path(DEFAULT_DB)),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = _DEFAULTS.serve_host,
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = _DEFAULTS.serve_port,
    max_request_bytes: Annotated[int, typer.Option(
        min=1, help="Largest request body; larger ones get 413.")] = _DEFAULTS.max_request_bytes,
    rate_limit: Annotated[float, typer.Option(
        min=0, help="Requests/s each client IP may sustain; 0 turns the limit off.")] = (
        _DEFAULTS.rate_limit_per_second),
    rate_burst: Annotated[int, typer.Option(min=1, help="Burst size of the rate limit.")] = (
        _DEFAULTS.rate_limit_burst),
) -> None:
    """Serve the API (/docs) and the dashboard (/) over the event database.

    POST /ingest needs `Authorization: Bearer <token>` with the token from the WARTA_INGEST_TOKEN
    environment variable (not an option, so `ps` cannot show it); without it, ingest is off.
    """
    import uvicorn

    from warta.web import create_app

    settings = dataclasses.replace(
        _DEFAULTS, serve_host=host, serve_port=port, max_request_bytes=max_request_bytes,
        rate_limit_per_second=rate_limit, rate_limit_burst=rate_burst,
        ingest_token=os.environ.get(TOKEN_ENV, _DEFAULTS.ingest_token))
    try:
        app = create_app(settings, db)
    except WartaError as exc:
        typer.echo(f"warta: error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"warta: serving {db} on http://{host}:{port}/ (API docs at /docs; "
               f"ingest {'on' if settings.ingest_token else 'off'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False,
                server_header=False)
