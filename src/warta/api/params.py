"""Query parameters shared by GET /events and the dashboard's events table, validated once."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import HTTPException, Query

from warta.store import EventFilter
from warta.store.filters import MODALITIES, UNITS, Unit

Opt = str | None  # every filter arrives as text: a form's empty field means "no filter"

CODE = r"^[A-Za-z0-9]{1,15}$"  # CAMEO actor and event codes are short and alphanumeric
BY = "^(week|month)$"  # the periods a dyad is shown by (a day is too fine for a chart)
_CODE = re.compile(CODE)
_PLACE = re.compile(r"^[A-Za-z]{3}$|^[A-Za-z]{2}[A-Za-z0-9]{1,6}$")
_DIGITS = re.compile(r"^[0-9]{2,4}$")
_ROOT = re.compile(r"^[0-9]{2}$")
_DYAD = re.compile(r"^([A-Za-z0-9]{2,15})[-,/ ]([A-Za-z0-9]{2,15})$")


def event_unit(
    unit: Annotated[Opt, Query(max_length=8, description="stories (default: one row per event per "
                                       "story) or mentions (one row per article that reports it)")] = None,
) -> Unit:
    """FastAPI dependency: what an event is counted as; a form's empty field means the default."""
    value = (unit or "").strip().lower() or "stories"
    for known in UNITS:
        if value == known:
            return known
    raise HTTPException(422, "unit must be stories or mentions")


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """'RUS-PRK', 'RUS,PRK' or 'RUS PRK' → ('RUS', 'PRK'); 422 for anything else."""
    if not value or not value.strip():
        return None
    match = _DYAD.match(value.strip())
    if not match:
        raise HTTPException(422, "dyad must be two actor codes, e.g. RUS-PRK")
    return match.group(1).upper(), match.group(2).upper()


def _code(name: str, value: str | None, pattern: re.Pattern[str] = _CODE) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not pattern.match(value):
        raise HTTPException(422, f"{name} must be a CAMEO code (letters and digits), not {value[:20]!r}")
    return value.upper()


def _date(name: str, value: str | None) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(422, f"{name} must be a date as YYYY-MM-DD") from exc


def event_filter(
    actor: Annotated[Opt, Query(max_length=15, description="Actor code prefix, either side: RUS")] = None,
    source: Annotated[Opt, Query(max_length=15, description="Source actor code prefix")] = None,
    target: Annotated[Opt, Query(max_length=15, description="Target actor code prefix")] = None,
    dyad: Annotated[Opt, Query(max_length=40, description="Two codes, either direction: RUS-PRK")] = None,
    code: Annotated[Opt, Query(max_length=4, description="CAMEO event code or prefix: 042")] = None,
    root: Annotated[Opt, Query(max_length=2, description="CAMEO root code: 04")] = None,
    quad_class: Annotated[Opt, Query(max_length=1, description="1 verbal coop, 2 material coop, "
                                            "3 verbal conflict, 4 material conflict")] = None,
    since: Annotated[Opt, Query(max_length=10, description="Article date on or after (YYYY-MM-DD)")] = None,
    until: Annotated[Opt, Query(max_length=10, description="Article date on or before")] = None,
    modality: Annotated[Opt, Query(max_length=12, description="asserted, reported, hypothetical "
                                          "or negated")] = None,
    q: Annotated[Opt, Query(max_length=200, description="Words that must all appear in the sentence")] = None,
    article: Annotated[Opt, Query(max_length=64, description="Article key or id")] = None,
    place: Annotated[Opt, Query(max_length=10, description="Where it happened: a country (ISO alpha-3, "
                                       "IDN) or an ADM1 code as GDELT writes it (ID04)")] = None,
    bbox: Annotated[Opt, Query(max_length=80, description="Located within west,south,east,north "
                                      "(degrees): 95,-11,141,6")] = None,
) -> EventFilter:
    """FastAPI dependency: the event filters from the query string; blank fields mean no filter.

    Checked here rather than by typed `Query` parameters so that an HTML form's empty fields
    (sent as `actor=`) are "no filter" for the dashboard and the API alike.
    """
    quad = (quad_class or "").strip()
    if quad and quad not in ("1", "2", "3", "4"):
        raise HTTPException(422, "quad_class must be 1, 2, 3 or 4")
    mode = (modality or "").strip().lower()
    if mode and mode not in MODALITIES:
        raise HTTPException(422, "modality must be asserted, reported, hypothetical or negated")
    return EventFilter(
        actor=_code("actor", actor), source=_code("source", source), target=_code("target", target),
        dyad=parse_dyad(dyad), code=_code("code", code, _DIGITS), root=_code("root", root, _ROOT),
        quad_class=int(quad) if quad else None, since=_date("since", since), until=_date("until", until),
        modality=mode or None, q=(q or "").strip() or None, article=(article or "").strip() or None,
        place=_code("place", place, _PLACE), bbox=parse_bbox(bbox))


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees; 422 unless four numbers within the globe, south below north."""
    if not value or not value.strip():
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox must be four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, "bbox must lie within -180..180, -90..90 with south <= north")
    return west, south, east, north
