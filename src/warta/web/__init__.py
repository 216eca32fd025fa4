"""The service: the API with the dashboard on it (Jinja2 templates, autoescaped, and our own static files).

`create_app` is what `warta serve` runs. The dashboard sits above the API (its pages use the API's
parameters and state), so it is added here, and the API never imports it.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from warta.api import create_api
from warta.pipeline import Pipeline
from warta.settings import Settings

HERE = Path(__file__).parent


def create_app(settings: Settings | None = None, db_path: Path | str | None = None,
               pipeline: Pipeline | None = None) -> FastAPI:
    """The API and the dashboard in one app over the database at `db_path` (None: /analyze only)."""
    app = create_api(settings, db_path, pipeline)
    install_dashboard(app)
    return app


def install_dashboard(app: FastAPI) -> None:
    """Mount /static and the /ui pages on `app`."""
    from warta.web.views import router

    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.autoescape = True  # every template, whatever its file name
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
