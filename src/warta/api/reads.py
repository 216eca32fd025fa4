"""Read routes over the database: events, dyads, articles, actors. Open to anyone on localhost."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from warta.api import queries
from warta.api.params import CODE, event_filter
from warta.api.state import AppState, app_state

router = APIRouter(tags=["database"])


def reader(state: Annotated[AppState, Depends(app_state)]) -> Iterator[duckdb.DuckDBPyConnection]:
    """FastAPI dependency: a read cursor of this request's own."""
    if state.db is None:
        raise HTTPException(503, "this service was started without a database")
    with state.db.reader() as cursor:
        yield cursor


Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]


DEFAULT_PAGE = 50


def page_bounds(state: AppState, limit: int | None, offset: int) -> tuple[int, int]:
    """The page size asked for (default 50, never more than `page_size_max`) and the offset."""
    if limit is None:
        return min(DEFAULT_PAGE, state.settings.page_size_max), offset
    if limit > state.settings.page_size_max:
        raise HTTPException(422, f"limit is at most {state.settings.page_size_max}")
    return limit, offset


@router.get("/events", summary="Events, filtered and paged")
def get_events(
    request: Request, conn: Reader, state: Annotated[AppState, Depends(app_state)],
    filters: Annotated[queries.EventFilter, Depends(event_filter)],
    limit: Annotated[int | None, Query(ge=1, description="Rows per page (default 50)")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Event mentions with their sentence and article; `next` is the URL of the following page."""
    limit, offset = page_bounds(state, limit, offset)
    page = queries.find_events(conn, filters, limit, offset)
    following = None
    if offset + limit < page.total:
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"total": page.total, "limit": limit, "offset": offset, "next": following,
            "events": page.items}


def dyad_report(state: AppState, conn: duckdb.DuckDBPyConnection, a: str, b: str, by: str,
                since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
    """The dyad report, remembered until the next ingest (the API and the dashboard share it)."""
    if state.db is None:
        raise HTTPException(503, "this service was started without a database")
    return state.db.memo(("dyad", a, b, by, since, until),
                         lambda: queries.dyad_report(conn, a, b, by, since, until))


@router.get("/dyads/{a}/{b}", summary="How relations between two actors moved")
def get_dyad(
    conn: Reader, state: Annotated[AppState, Depends(app_state)],
    a: Annotated[str, Path(pattern=CODE)], b: Annotated[str, Path(pattern=CODE)],
    by: Annotated[str, Query(pattern="^(week|month)$")] = "month",
    since: dt.date | None = None, until: dt.date | None = None,
) -> dict[str, Any]:
    """Counts by quad class and mean Goldstein per period and direction, trend verdicts, evidence."""
    if a.upper() == b.upper():
        raise HTTPException(422, "a dyad needs two different actors")
    return dyad_report(state, conn, a.upper(), b.upper(), by, since, until)


@router.get("/articles/{ident}", summary="One stored article")
def get_article(conn: Reader, ident: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """The stored article as article JSON, by store key or record id."""
    article = queries.load_article(conn, ident)
    if article is None:
        raise HTTPException(404, f"no article {ident!r} in the database")
    return article


@router.get("/actors", summary="Actors by mentions")
def get_actors(
    conn: Reader,
    prefix: Annotated[str | None, Query(pattern=CODE, description="Code prefix, e.g. RUS")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Actor codes with their mention, article and event counts."""
    return {"actors": queries.list_actors(conn, prefix, limit)}


@router.get("/network", summary="Country pairs by event count")
def get_network(
    conn: Reader, limit: Annotated[int, Query(ge=1, le=500)] = 40,
    since: dt.date | None = None, until: dt.date | None = None,
) -> dict[str, Any]:
    """Undirected country pairs with event counts and mean Goldstein (the dashboard's network)."""
    return {"edges": queries.network(conn, limit, since, until)}
