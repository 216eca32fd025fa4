"""Every error leaves the service as `{"error": {status, message}}` JSON, never a traceback.

Dashboard pages (`/ui/...`) get the same message as a small HTML page instead.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from warta.errors import WartaError

log = logging.getLogger("warta.api")


def error_response(request: Request, status: int, message: str, details: Any = None,
                   headers: Mapping[str, str] | None = None) -> Response:
    """JSON for the API, an HTML page for the dashboard."""
    if request.url.path.startswith("/ui") or request.url.path == "/":
        templates = getattr(request.app.state, "templates", None)
        if templates is not None:
            return templates.TemplateResponse(  # type: ignore[no-any-return]
                request, "error.html", {"status": status, "message": message}, status_code=status,
                headers=headers)
        return HTMLResponse(f"<p>{status}</p>", status_code=status, headers=headers)
    body: dict[str, Any] = {"status": status, "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Map HTTP errors, validation errors, `WartaError` and bugs to JSON with the right status."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # `input` is left out: it can be the whole (hostile, large) body.
        details = [{"loc": [str(p) for p in err.get("loc", ())], "msg": err.get("msg", "")}
                   for err in exc.errors()]
        bad_json = any(err.get("type") == "json_invalid" for err in exc.errors())
        status = 400 if bad_json else 422
        return error_response(request, status, "request body is not valid JSON" if bad_json
                              else "invalid request", details)

    @app.exception_handler(WartaError)
    async def warta_error(request: Request, exc: WartaError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal error; the server log has the details")
