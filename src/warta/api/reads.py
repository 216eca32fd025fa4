"""Read routes over the database: events, dyads, articles, actors, network. Open to anyone on localhost.

Each route is parameters in, one `Store` read method (warta.store.reads), JSON out: the numbers
are the ones `warta events`, `warta dyads`, `warta actors` and `warta dyad` print. Counts are of
story events unless the request asks for `unit=mentions`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from warta.api.params import BY, CODE, event_filter, event_unit
from warta.api.state import AppState, app_state
from warta.relations.stored import stored_dyad
from warta.store import EventFilter, Reader
from warta.store.filters import Unit

router = APIRouter(tags=["database"])
_DATES = (dt.date, dt.datetime)  # a tuple: building `date | datetime` per value cost 0.1 ms a row


def reader(state: Annotated[AppState, Depends(app_state)]) -> Iterator[Reader]:
    """FastAPI dependency: the store's read methods over a cursor of this request's own."""
    if state.db is None:
        raise HTTPException(503, "this service was started without a database")
    with state.db.reader() as store:
        yield store


Db = Annotated[Reader, Depends(reader)]
Units = Annotated[Unit, Depends(event_unit)]
DEFAULT_PAGE = 50


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, _DATES) else v for k, v in row.items()}


def page_bounds(state: AppState, limit: int | None, offset: int) -> tuple[int, int]:
    """The page size asked for (default 50, never more than `page_size_max`) and the offset."""
    if limit is None:
        return min(DEFAULT_PAGE, state.settings.page_size_max), offset
    if limit > state.settings.page_size_max:
        raise HTTPException(422, f"limit is at most {state.settings.page_size_max}")
    return limit, offset


@router.get("/events", summary="Events, filtered and paged")
def get_events(
    request: Request, store: Db, state: Annotated[AppState, Depends(app_state)],
    filters: Annotated[EventFilter, Depends(event_filter)], unit: Units,
    limit: Annotated[int | None, Query(ge=1, description="Rows per page (default 50)")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Story events (or event mentions) with their sentence; `next` is the URL of the following page."""
    limit, offset = page_bounds(state, limit, offset)
    page = store.event_page(filters, unit=unit, limit=limit, offset=offset)
    following = None
    if offset + limit < page.total:
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"total": page.total, "limit": limit, "offset": offset, "next": following, "unit": unit,
            "events": [jsonable(row) for row in page.items]}


def dyad_report(state: AppState, store: Reader, a: str, b: str, by: str,
                since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
    """The dyad report with its mentions, remembered until the next ingest (API and dashboard share it)."""
    if state.db is None:
        raise HTTPException(503, "this service was started without a database")
    return state.db.memo(("dyad", a, b, by, since, until),
                         lambda: stored_dyad(store, a, b, by, since, until, mentions=True))


@router.get("/dyads", summary="The pairs of actors with the most events")
def get_dyads(
    store: Db, unit: Units, limit: Annotated[int, Query(ge=1, le=500)] = 10,
    since: dt.date | None = None, until: dt.date | None = None,
) -> dict[str, Any]:
    """Pairs (either direction) with event counts, mean Goldstein and cooperative share (`warta dyads`)."""
    return {"unit": unit, "dyads": store.top_dyads(limit, since=since, until=until, unit=unit)}


@router.get("/dyads/{a}/{b}", summary="How relations between two actors moved")
def get_dyad(
    store: Db, state: Annotated[AppState, Depends(app_state)],
    a: Annotated[str, Path(pattern=CODE)], b: Annotated[str, Path(pattern=CODE)],
    by: Annotated[str, Query(pattern=BY)] = "month",
    since: dt.date | None = None, until: dt.date | None = None,
) -> dict[str, Any]:
    """Counts by quad class and mean Goldstein per period and direction, trend verdicts, evidence."""
    if a.upper() == b.upper():
        raise HTTPException(422, "a dyad needs two different actors")
    return dyad_report(state, store, a.upper(), b.upper(), by, since, until)


@router.get("/articles/{ident}", summary="One stored article")
def get_article(store: Db, ident: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """The stored article in the output contract (as `warta analyze` prints it), by store key or record id."""
    stored = store.article(ident)
    if stored is None:
        raise HTTPException(404, f"no article {ident!r} in the database")
    return stored.article.to_dict()


@router.get("/actors", summary="Actors by mentions")
def get_actors(
    store: Db, unit: Units,
    prefix: Annotated[str | None, Query(pattern=CODE, description="Code prefix, e.g. RUS")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    since: dt.date | None = None,
) -> dict[str, Any]:
    """Actor codes with their mention, article and event counts (`warta actors`)."""
    return {"unit": unit, "actors": store.actors(limit, prefix=prefix, since=since, unit=unit)}


@router.get("/network", summary="Country pairs by event count")
def get_network(
    store: Db, unit: Units, limit: Annotated[int, Query(ge=1, le=500)] = 40,
    since: dt.date | None = None, until: dt.date | None = None,
) -> dict[str, Any]:
    """Undirected country pairs with event counts and mean Goldstein (the dashboard's network)."""
    return {"unit": unit, "edges": store.network(limit, since=since, until=until, unit=unit)}


@router.get("/places", summary="Where events happened")
def get_places(
    store: Db, unit: Units, filters: Annotated[EventFilter, Depends(event_filter)],
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    """Located places (the events' `location`) with event counts and mean Goldstein; GET /events's filters."""
    return {"unit": unit, "places": [jsonable(row) for row in store.places(filters, limit, unit=unit)]}
