"""`EventFilter`: the one definition of "which events", for story events and event mentions alike.

The CLI (`warta events`), GET /events and the dashboard's events table all filter through this, so
`--actor RUS --code 04` means the same rows everywhere. A filter is turned into SQL for one of two
units: story events (the `story_events` view, one row per event per story, GDELT-style; the
default) or event mentions (the `events` table joined to `articles`; when a caller asks for them).
Every value is a bound parameter; LIKE patterns escape their wildcards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Unit = Literal["stories", "mentions"]
UNITS: tuple[Unit, ...] = ("stories", "mentions")
COUNTED_MODALITIES = ("asserted", "reported")  # what a story event is made of (store/schema.py)
MODALITIES = ("asserted", "reported", "hypothetical", "negated")
Query = tuple[str, list[object]]

# Column names per unit: story events are `s` (the view), mentions are `e` joined to articles `a`.
_COLUMNS = {
    "stories": {"source_code": "s.source_code", "target_code": "s.target_code", "code": "s.code",
                "source_country": "s.source_country", "target_country": "s.target_country",
                "root": "s.root", "quad_class": "s.quad_class", "day": "s.day", "sentence": "s.sentence",
                "location_country": "s.location_country", "location_adm1": "s.location_adm1",
                "location_lat": "s.location_lat", "location_lon": "s.location_lon"},
    "mentions": {"source_code": "e.source_code", "target_code": "e.target_code", "code": "e.code",
                 "source_country": "e.source_country", "target_country": "e.target_country",
                 "root": "e.root", "quad_class": "e.quad_class", "day": "a.date", "sentence": "e.sentence",
                 "location_country": "e.location_country", "location_adm1": "e.location_adm1",
                 "location_lat": "e.location_lat", "location_lon": "e.location_lon"},
}


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class EventFilter:
    """Every filter is optional; codes are upper case, dates already parsed (the edges check them)."""

    actor: str | None = None  # either side: a country (RUS) or the start of a code (RUSGOV, IGOUNO)
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # either direction
    code: str | None = None  # exact CAMEO code or a prefix of it: 04 or 042
    root: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    modality: str | None = None  # story events hold only asserted and reported mentions
    q: str | None = None  # every word must appear in the sentence (case-insensitive)
    article: str | None = None  # article key or record id
    place: str | None = None  # where it happened: a country (ISO alpha-3, IDN) or an ADM1 code (ID04)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)

    def where(self, unit: Unit = "stories") -> Query:
        """The WHERE condition (without the keyword) and its parameters, for `unit`'s columns."""
        col = _COLUMNS[unit]
        clauses: list[str] = []
        params: list[object] = []

        def side(name: str, value: str) -> str:
            """One side is the actor when its country is the value or its code starts with it."""
            params.extend([value.upper(), value.upper()])
            return f"({col[name + '_country']} = ? OR starts_with({col[name + '_code']}, ?))"

        if self.actor:
            clauses.append(f"({side('source', self.actor)} OR {side('target', self.actor)})")
        if self.source:
            clauses.append(side("source", self.source))
        if self.target:
            clauses.append(side("target", self.target))
        if self.dyad:
            a, b = self.dyad
            clauses.append(f"(({side('source', a)} AND {side('target', b)}) OR "
                           f"({side('source', b)} AND {side('target', a)}))")
        if self.code:
            clauses.append(f"starts_with({col['code']}, ?)")
            params.append(self.code)
        for name, value in (("root", self.root), ("quad_class", self.quad_class)):
            if value is not None:
                clauses.append(f"{col[name]} = ?")
                params.append(value)
        for bound, op in ((self.since, ">="), (self.until, "<=")):
            if bound:
                clauses.append(f"{col['day']} {op} ?")
                params.append(bound)
        for word in (self.q or "").split()[:8]:
            clauses.append(f"{col['sentence']} ILIKE ? ESCAPE '\\'")
            params.append(f"%{like_escape(word)}%")
        if self.place:
            name = "location_country" if len(self.place) == 3 else "location_adm1"
            clauses.append(f"{col[name]} = ?")
            params.append(self.place.upper())
        if self.bbox:
            west, south, east, north = self.bbox
            lon = (f"{col['location_lon']} BETWEEN ? AND ?" if west <= east else  # across the antimeridian
                   f"({col['location_lon']} >= ? OR {col['location_lon']} <= ?)")
            clauses.append(f"{col['location_lat']} BETWEEN ? AND ? AND {lon}")
            params.extend([south, north, west, east])
        self._mention_only(unit, clauses, params)
        return (" AND ".join(clauses) or "TRUE"), params

    def _mention_only(self, unit: Unit, clauses: list[str], params: list[object]) -> None:
        """Modality and article belong to mentions: a story event matches when one of its does."""
        own: list[str] = []
        if self.modality:
            own.append("e.modality = ?")
            params.append(self.modality)
        if self.article:
            own.append("(e.article_key = ? OR a.id = ?)")
            params.extend([self.article, self.article])
        if not own:
            return
        if unit == "mentions":
            clauses.extend(own)
        else:
            clauses.append("s.story_event_id IN (SELECT e.story_event_id FROM events e "
                           f"JOIN articles a USING (article_key) WHERE {' AND '.join(own)})")
