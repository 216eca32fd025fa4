"""OpenAPI docs at /docs with Swagger UI 5 from the fastapi-offline package: no CDN, no inline script.

fastapi-offline is used only for its bundled static files; FastAPI's own docs page would load
them from a CDN and start them with an inline script, which the CSP forbids.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

router = APIRouter(include_in_schema=False)

DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>warta API</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>
"""


@router.get("/docs")
def docs() -> HTMLResponse:
    """Swagger UI over /openapi.json, initialised by our own static script."""
    return HTMLResponse(DOCS_PAGE)


def mount_swagger_assets(app: FastAPI) -> None:
    """Serve the bundled Swagger UI files under /static/swagger."""
    app.mount("/static/swagger", StaticFiles(directory=Path(fastapi_offline.__file__).parent / "static"),
              name="swagger")
