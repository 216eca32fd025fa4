"""POST /analyze: one article (HTML or text) through the app's pipeline, returned as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request

from warta.api.guards import bounded_json
from warta.api.state import AppState, app_state
from warta.article import Article

router = APIRouter(tags=["analyze"])

ANALYZE_EXAMPLE = {"text": "Presiden Rusia Vladimir Putin mengunjungi Pyongyang.", "lang": "id"}


async def read_analyze_body(request: Request) -> dict[str, Any]:
    """JSON `{text | html, url?, date?, lang?}`, or the page itself as text/plain or text/html."""
    raw = await request.body()
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json" or (not ctype and raw.lstrip()[:1] == b"{"):
        payload = bounded_json(raw)  # a hostile body is a 400 with one line, never a RecursionError
        if not isinstance(payload, dict):
            raise HTTPException(422, "expected a JSON object with a 'text' or 'html' field")
        return payload
    if ctype in ("text/plain", "text/html", ""):
        try:
            return {"text": raw.decode("utf-8")}
        except UnicodeDecodeError as exc:
            raise HTTPException(400, "request body is not UTF-8 text") from exc
    raise HTTPException(415 if ctype else 400, f"unsupported content type {ctype!r}; "
                        "send application/json, text/plain or text/html")


def analyze_payload(state: AppState, payload: dict[str, Any]) -> Article:
    """Validate the payload's fields and run the pipeline; 422 for missing or non-string fields."""
    content = payload.get("html") or payload.get("text")
    if not isinstance(content, str):
        raise HTTPException(422, "give the article as a non-empty string field 'text' or 'html'")
    options: dict[str, str | None] = {}
    for key in ("url", "date", "lang"):
        value = payload.get(key)
        if value is not None and not isinstance(value, str):
            raise HTTPException(422, f"field {key!r} must be a string")
        options[key] = value
    article = state.analyze(content, **options)
    if not article.text:
        reason = article.warnings[-1] if article.warnings else "no article text found"
        raise HTTPException(422, reason)
    return article


@router.post(
    "/analyze",
    summary="Analyze one article",
    openapi_extra={"requestBody": {"content": {
        "application/json": {"example": ANALYZE_EXAMPLE},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    }}},
)
def analyze(state: Annotated[AppState, Depends(app_state)],
            payload: Annotated[dict[str, Any], Depends(read_analyze_body)]) -> dict[str, Any]:
    """Clean text, metadata, actors and CAMEO events of one page (the article JSON)."""
    return analyze_payload(state, payload).to_dict()
