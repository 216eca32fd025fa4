"""The store's browsing queries: pages of events, one dyad's mentions, one article's rows.

Counting lives in `queries.py`; these return the rows themselves, for the events table, the
dyad page's evidence and the article view. Every value is a bound parameter.
"""

from __future__ import annotations

from datetime import date

from warta.store.filters import EventFilter, Unit
from warta.store.queries import Query, where_clause, window

# An event mention with its article, as GET /events?unit=mentions and the evidence tables show it.
EVENT_COLUMNS = """e.event_id, e.article_key, a.id AS article_id, a.title AS article_title,
    a.source AS article_source, a.url AS article_url, a.date, e.code, e.root, e.name, e.quad_class,
    e.goldstein, e.plover, e.source_code, e.source_text, e.source_country, e.target_code,
    e.target_text, e.target_country, e.reporter_code, e.trigger_text, e.trigger_start,
    e.trigger_end, e.sentence_start, e.sentence_end, e.sentence, e.modality, e.confidence, e.rule,
    e.location_text, e.location_start, e.location_end, e.location_name, e.location_country,
    e.location_adm1, e.location_lat, e.location_lon, e.location_geonames_id, e.location_feature,
    e.location_how"""
_FROM = {"stories": "story_events s", "mentions": "events e JOIN articles a USING (article_key)"}
_ORDER = {"stories": "s.day DESC NULLS LAST, s.num_mentions DESC, s.story_event_id",
          "mentions": "a.date DESC NULLS LAST, e.article_key, e.idx"}
_SELECT = {"stories": "s.*", "mentions": EVENT_COLUMNS}


def event_page(filters: EventFilter, unit: Unit, limit: int | None, offset: int = 0) -> Query:
    """One page of events, newest first, with the number of all matches in `total_rows`.

    The total comes from a window count in the same query: one round trip instead of two halves
    the cost (each DuckDB join here costs milliseconds however small the tables; bench/load.py).
    """
    where, params = filters.where(unit)
    tail = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit else ""
    return (f"SELECT {_SELECT[unit]}, count(*) OVER () AS total_rows FROM {_FROM[unit]} WHERE {where} "
            f"ORDER BY {_ORDER[unit]}{tail}", params)


def event_count(filters: EventFilter, unit: Unit) -> Query:
    """How many events match (for a page past the end, where the window count saw no rows)."""
    where, params = filters.where(unit)
    return f"SELECT count(*) FROM {_FROM[unit]} WHERE {where}", params


_SIDE = {side: f"coalesce(e.{side}_country, e.{side}_code)" for side in ("source", "target")}


def dyad_mentions(a: str, b: str, since: date | None, until: date | None) -> Query:
    """Every event mention between `a` and `b`, either direction, any modality: a dyad's evidence."""
    src, dst = _SIDE["source"], _SIDE["target"]
    where, params = where_clause((f"(({src} = ? AND {dst} = ?) OR ({src} = ? AND {dst} = ?))", [a, b, b, a]),
                           window(since, until, "a.date"))
    return (f"""SELECT {EVENT_COLUMNS}, {src} AS source_side, {dst} AS target_side
                FROM events e JOIN articles a USING (article_key) {where}
                ORDER BY a.date NULLS LAST, e.article_key, e.idx""", params)


def article_row(ident: str) -> Query:
    """A stored article by its store key or its record id (the first stored, if ids repeat)."""
    return ("SELECT * FROM articles WHERE article_key = ? OR id = ? ORDER BY ingested_at LIMIT 1",
            [ident, ident])


def article_mentions(key: str) -> Query:
    return "SELECT * FROM actor_mentions WHERE article_key = ? ORDER BY idx", [key]


def article_events(key: str) -> Query:
    return "SELECT * FROM events WHERE article_key = ? ORDER BY idx", [key]


def recent_articles(limit: int) -> Query:
    """The latest stored articles with their event mentions, for the dashboard's start page."""
    return ("""SELECT a.article_key, a.id, a.title, a.source, a.date, a.lang,
                      (SELECT count(*) FROM events e WHERE e.article_key = a.article_key) AS events
               FROM articles a ORDER BY a.ingested_at DESC, a.article_key LIMIT ?""", [int(limit)])
