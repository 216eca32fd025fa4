"""The dashboard served by the API app: Jinja2 templates (autoescaped) and our own static files."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).parent


def install_dashboard(app: FastAPI) -> None:
    """Mount /static and the /ui pages on `app`."""
    from warta.web.views import router

    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.autoescape = True  # every template, whatever its file name
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
