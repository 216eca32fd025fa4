"""The dashboard: server-rendered pages over the same `Store` read methods as the API and the CLI.

Pages live under /ui (the start page is /); the JSON of the same data is the API route without
the prefix (/ui/events ↔ /events). Jinja2 autoescapes every value; the only script is static.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from warta.api.analyze import analyze_payload
from warta.api.params import BY, CODE, event_filter
from warta.api.reads import Db, Units, dyad_report, page_bounds
from warta.api.state import AppState, app_state
from warta.relations.series import QUAD_NAMES
from warta.store import EventFilter
from warta.web.charts import dyad_chart, goldstein_colour, network_chart
from warta.web.geomap import map_chart
from warta.web.highlight import colour_class, describe_event, run_classes, run_title, split_runs

router = APIRouter(include_in_schema=False)
State = Annotated[AppState, Depends(app_state)]
FILTER_FIELDS = ("actor", "source", "target", "dyad", "code", "root", "quad_class", "since", "until",
                 "modality", "q", "article", "unit", "place", "bbox")


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, context, status_code=status)
    return response


@router.get("/")
def index(request: Request, state: State) -> HTMLResponse:
    """Paste an article, or open one of the latest stored ones."""
    recent: list[dict[str, Any]] = []
    if state.db is not None:
        with state.db.reader() as store:
            recent = store.recent_articles(20)
    return render(request, "index.html", {"recent": recent, "limit": state.settings.max_request_bytes})


def article_context(article: dict[str, Any], key: str | None = None) -> dict[str, Any]:
    """What article.html needs: the runs to mark, one line per event, the layers for the script."""
    runs = [{"text": r.text, "classes": run_classes(r, article), "title": run_title(r, article),
             "actors": " ".join(map(str, r.actors)), "events": " ".join(map(str, r.events)),
             "marked": r.marked,
             "code": article["actors"][r.actors[-1]].get("code") if r.actors else ""}
            for r in split_runs(article)]
    layers = {"actors": article.get("actors") or [], "events": [
        {**e, "line": describe_event(e)} for e in article.get("events") or []]}
    text = article.get("text") or ""
    events = []
    for index, event in enumerate(article.get("events") or []):
        sentence = event.get("sentence") or {}
        events.append({**event, "index": index,
                       "sentence_text": text[sentence.get("start", 0):sentence.get("end", 0)]})
    codes = sorted({m.get("code") or "" for m in article.get("actors") or []} - {""})
    return {"article": article, "runs": runs, "layers": layers, "events": events, "stored": key is not None,
            "key": key,
            "quad_names": QUAD_NAMES, "codes": [(code, colour_class(code)) for code in codes]}


@router.post("/ui/analyze")
async def analyze_form(request: Request, state: State) -> HTMLResponse:
    """The pasted article, analyzed by the app's pipeline and shown marked up."""
    form = await request.form()
    text = form.get("text")
    if not isinstance(text, str) or not text.strip():
        raise HTTPException(422, "paste the text or HTML of an article first")
    article = await run_in_threadpool(analyze_payload, state, {"text": text})
    return render(request, "article.html", article_context(article.to_dict()))


@router.get("/ui/articles/{ident}")
def stored_article(request: Request, store: Db,
                   ident: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    """A stored article, marked up like a pasted one."""
    stored = store.article(ident)
    if stored is None:
        raise HTTPException(404, f"no article {ident!r} in the database")
    return render(request, "article.html", article_context(stored.article.to_dict(), stored.key))


@router.get("/ui/events")
def events_table(request: Request, store: Db, state: State,
                 filters: Annotated[EventFilter, Depends(event_filter)], unit: Units,
                 limit: Annotated[int | None, Query(ge=1)] = None,
                 offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    """The events table with the API's filters as a form, and pages: story events, or mentions."""
    limit, offset = page_bounds(state, limit, offset)
    page = store.event_page(filters, unit=unit, limit=limit, offset=offset)
    given = {k: v for k, v in request.query_params.items() if k in FILTER_FIELDS and v.strip()}

    def page_link(at: int) -> str:
        return "/ui/events?" + urlencode({**given, "limit": limit, "offset": at})

    return render(request, "events.html", {
        "page": page, "given": given, "quad_names": QUAD_NAMES, "unit": unit,
        "prev": page_link(max(0, offset - limit)) if offset > 0 else None,
        "next": page_link(offset + limit) if offset + limit < page.total else None,
        "api": "/events?" + urlencode(given)})


@router.get("/ui/dyads", response_model=None)
def dyad_chooser(request: Request, store: Db, unit: Units,
                 a: Annotated[str | None, Query(pattern=CODE)] = None,
                 b: Annotated[str | None, Query(pattern=CODE)] = None,
                 limit: Annotated[int, Query(ge=1, le=200)] = 10) -> Response:
    """The dyad form's target, on to the dyad's own page; without a pair, the top dyads."""
    if a and b:
        return RedirectResponse(f"/ui/dyads/{a.upper()}/{b.upper()}", status_code=303)
    dyads = store.top_dyads(limit, unit=unit)
    return render(request, "dyads.html", {"dyads": dyads, "unit": unit, "limit": limit})


@router.get("/ui/dyads/{a}/{b}")
def dyad_page(request: Request, store: Db, state: State,
              a: Annotated[str, Path(pattern=CODE)], b: Annotated[str, Path(pattern=CODE)],
              by: Annotated[str, Query(pattern=BY)] = "month") -> HTMLResponse:
    """Cooperation vs conflict and mean Goldstein over time, trend verdicts, evidence sentences."""
    a, b = a.upper(), b.upper()
    if a == b:
        raise HTTPException(422, "a dyad needs two different actors")
    report = dyad_report(state, store, a, b, by)
    return render(request, "dyad.html", {
        "report": report, "chart": dyad_chart(report), "quad_names": QUAD_NAMES,
        "colour": goldstein_colour})


@router.get("/ui/network")
def network_page(request: Request, store: Db, unit: Units,
                 limit: Annotated[int, Query(ge=1, le=200)] = 40) -> HTMLResponse:
    """Countries as nodes, edges by event count, coloured by mean Goldstein."""
    edges = store.network(limit, unit=unit)
    return render(request, "network.html", {"edges": edges, "chart": network_chart(edges), "unit": unit})


@router.get("/ui/map")
def map_page(request: Request, store: Db, unit: Units,
             filters: Annotated[EventFilter, Depends(event_filter)],
             limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> HTMLResponse:
    """Located events on a world map drawn from shipped data (the API's /places, as SVG)."""
    places = store.places(filters, limit, unit=unit)
    total = store.event_page(filters, unit=unit, limit=1).total
    given = {k: v for k, v in request.query_params.items() if k in FILTER_FIELDS and v.strip()}
    return render(request, "map.html", {
        "places": places, "chart": map_chart(places), "unit": unit, "given": given,
        "unlocated": max(0, total - sum(int(p["events"]) for p in places)),
        "api": "/places?" + urlencode(given)})


@router.get("/ui/actors")
def actors_page(request: Request, store: Db, unit: Units,
                prefix: Annotated[str | None, Query(pattern=CODE)] = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 50) -> HTMLResponse:
    """Actor codes by mentions, with the articles and events they appear in (`warta actors`)."""
    actors = store.actors(limit, prefix=prefix, unit=unit)
    return render(request, "actors.html", {"actors": actors, "unit": unit, "limit": limit,
                                           "prefix": prefix or ""})
