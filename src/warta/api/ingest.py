"""POST /ingest: a batch of article records into the database, for holders of the bearer token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from warta.api.guards import token_matches
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


@router.post("/ingest", summary="Store a batch of articles", dependencies=[Depends(require_token)])
def ingest(batch: IngestBatch, state: Annotated[AppState, Depends(app_state)]) -> dict[str, Any]:
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
    return state.db.ingest(state.pipeline, items, state.analyze_lock)
