"""POST /ingest: a batch of article records into the database, for holders of the bearer token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError

from warta.api.guards import bounded_json, token_matches
from warta.api.state import AppState, app_state
from warta.article import Failure, RawDocument
from warta.errors import WartaError
from warta.ingest.readers import raw_from_record

router = APIRouter(tags=["ingest"])


class IngestRecord(BaseModel):
    """One article, as a line of a warta JSON Lines file."""

    id: str | None = None
    url: str | None = None
    html: str | None = None
    text: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    lang: str | None = None


class IngestBatch(BaseModel):
    articles: list[IngestRecord] = Field(min_length=1, max_length=10_000)


def require_token(request: Request, state: Annotated[AppState, Depends(app_state)]) -> None:
    """401 unless `Authorization: Bearer <ingest_token>` (constant-time compare)."""
    if not token_matches(request.headers.get("authorization"), state.settings.ingest_token):
        reason = ("ingest is off: start the service with an ingest token" if not state.settings.ingest_token
                  else "missing or wrong bearer token")
        raise HTTPException(401, reason, headers={"WWW-Authenticate": "Bearer"})


def _batch_schema() -> dict[str, Any]:
    """IngestBatch's JSON schema with its record schema inlined (OpenAPI does not resolve `$defs`)."""
    schema = IngestBatch.model_json_schema()
    schema["properties"]["articles"]["items"] = schema.pop("$defs")["IngestRecord"]
    return schema


async def read_ingest_body(request: Request) -> IngestBatch:
    """The batch, parsed with bounded depth and number size (400 with one line), then validated
    (422 with the fields at fault); FastAPI's own body parser would give a bare 400 for both."""
    payload = bounded_json(await request.body())
    try:
        return IngestBatch.model_validate(payload)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_input=False)) from None


@router.post("/ingest", summary="Store a batch of articles", dependencies=[Depends(require_token)],
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": _batch_schema()}}}})
def ingest(batch: Annotated[IngestBatch, Depends(read_ingest_body)],
           state: Annotated[AppState, Depends(app_state)]) -> dict[str, Any]:
    """Analyze and store the articles; already stored ones are counted, bad ones skipped with a reason."""
    if state.db is None:
        raise HTTPException(503, "this service was started without a database")
    items: list[RawDocument | Failure] = []
    for number, record in enumerate(batch.articles, start=1):
        origin = f"article {number}"
        try:
            items.append(raw_from_record(record.model_dump(exclude_none=True), origin=origin))
        except WartaError as exc:  # a bad record is reported, the batch goes on
            items.append(Failure(origin, str(exc)))
    return state.db.ingest(state.pipeline, items, state.ingest_lock)
