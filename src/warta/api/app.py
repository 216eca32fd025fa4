"""The API: `create_api(settings, db_path)` builds one FastAPI app with one Pipeline.

The dashboard is added on top by `warta.web.create_app` (the service `warta serve` runs): the
dashboard uses the API's parameters and state, so the API must not know the dashboard.

Middleware order, outermost first: security headers (so even a 413 or 429 carries the CSP),
rate limit, body size limit, then FastAPI's own error handling.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from warta.api import analyze, docs, ingest, reads
from warta.api.db import Database
from warta.api.errors import install_error_handlers
from warta.api.guards import BodyLimit, RateLimit, SecurityHeaders
from warta.api.state import AppState
from warta.pipeline import Pipeline
from warta.settings import Settings
from warta.version import __version__

DESCRIPTION = ("Analyze Indonesian and English news into CAMEO actors and events; browse the "
               "event database and how relations between countries move. Reads are open; "
               "POST /ingest needs the bearer token.")


def create_api(settings: Settings | None = None, db_path: Path | str | None = None,
               pipeline: Pipeline | None = None) -> FastAPI:
    """The API over the database at `db_path` (created when missing; None: /analyze only)."""
    settings = settings or Settings()
    database = Database(Path(db_path)) if db_path is not None else None
    state = AppState(settings=settings, pipeline=pipeline or Pipeline(settings), db=database)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()
        if database is not None:
            database.close()

    app = FastAPI(title="warta", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.warta = state
    install_error_handlers(app)
    for module in (analyze, reads, ingest, docs):
        app.include_router(module.router)
    docs.mount_swagger_assets(app)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(RateLimit, rate=settings.rate_limit_per_second, burst=settings.rate_limit_burst)
    app.add_middleware(SecurityHeaders)
    return app
