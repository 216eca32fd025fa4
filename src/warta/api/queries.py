"""The read queries the API and the dashboard share, written against the store's tables.

The store (`warta.store`, schema in `store/schema.py`) owns the tables; these are the questions the
service asks of them that the store's own API does not answer. Every value a user sends is a bound
parameter, never pasted into SQL; LIKE patterns escape their wildcards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

from warta.relations import dyad_report as judge_dyad
from warta.relations.report import period_to_dict
from warta.relations.stored import stored_dyad_events

Row = dict[str, Any]
MODALITIES = ("asserted", "reported", "hypothetical", "negated")
_DATES = (dt.date, dt.datetime)  # a tuple: building `date | datetime` per value cost 0.1 ms a row

EVENT_COLUMNS = """e.event_id, e.article_key, a.id AS article_id, a.title AS article_title,
    a.source AS article_source, a.url AS article_url, a.date, e.code, e.root, e.name, e.quad_class,
    e.goldstein, e.plover, e.source_code, e.source_text, e.source_country, e.target_code,
    e.target_text, e.target_country, e.reporter_code, e.trigger_text, e.trigger_start,
    e.trigger_end, e.sentence_start, e.sentence_end, e.sentence, e.modality, e.confidence, e.rule"""


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[Row]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _jsonable(row: Row) -> Row:
    return {k: v.isoformat() if isinstance(v, _DATES) else v for k, v in row.items()}


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class EventFilter:
    """The filters of GET /events and the dashboard's events table; all optional."""

    actor: str | None = None  # a code prefix on either side: RUS matches RUSGOV
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # either direction
    code: str | None = None  # exact CAMEO code or a prefix of it: 04 or 042
    root: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    modality: str | None = None
    q: str | None = None  # every word must appear in the sentence (case-insensitive)
    article: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def prefix(column: str, value: str) -> str:
            params.append(value.upper())
            return f"starts_with({column}, ?)"

        if self.actor:
            either = f"{prefix('e.source_code', self.actor)} OR {prefix('e.target_code', self.actor)}"
            clauses.append(f"({either})")
        if self.source:
            clauses.append(prefix("e.source_code", self.source))
        if self.target:
            clauses.append(prefix("e.target_code", self.target))
        if self.dyad:
            a, b = self.dyad
            clauses.append(f"(({prefix('e.source_code', a)} AND {prefix('e.target_code', b)}) OR "
                           f"({prefix('e.source_code', b)} AND {prefix('e.target_code', a)}))")
        if self.code:
            clauses.append(prefix("e.code", self.code))
        if self.root:
            clauses.append("e.root = ?")
            params.append(self.root)
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.since:
            clauses.append("a.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("a.date <= ?")
            params.append(self.until)
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        for word in (self.q or "").split()[:8]:
            clauses.append("e.sentence ILIKE ? ESCAPE '\\'")
            params.append(f"%{_like_escape(word)}%")
        if self.article:
            clauses.append("(e.article_key = ? OR a.id = ?)")
            params += [self.article, self.article]
        return (" AND ".join(clauses) or "TRUE"), params


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[Row] = field(default_factory=list)


def find_events(conn: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int, offset: int) -> Page:
    """One page of event mentions, newest articles first, with their sentence and article.

    The total comes from a window count in the same query: one round trip instead of two halves
    the cost (each DuckDB join here costs milliseconds however small the tables; bench/load.py).
    """
    where, params = filters.where()
    rows = _rows(conn.execute(
        f"SELECT {EVENT_COLUMNS}, count(*) OVER () AS total_rows "
        f"FROM events e JOIN articles a USING (article_key) WHERE {where} "
        "ORDER BY a.date DESC NULLS LAST, e.article_key, e.idx LIMIT ? OFFSET ?", [*params, limit, offset]))
    if rows:
        total = int(rows[0]["total_rows"])
    elif offset:  # past the end: the window saw no rows, so count them on their own
        found = conn.execute(f"SELECT count(*) FROM events e JOIN articles a USING (article_key) "
                             f"WHERE {where}", params).fetchone()
        total = int(found[0]) if found else 0
    else:
        total = 0
    items = [_jsonable({k: v for k, v in row.items() if k != "total_rows"}) for row in rows]
    return Page(total, limit, offset, items)


def load_article(conn: duckdb.DuckDBPyConnection, ident: str) -> Row | None:
    """A stored article as the article JSON (by its store key or its record id), or None.

    The store does not keep the removed boilerplate, so `removed` is empty for stored articles.
    """
    found = _rows(conn.execute(
        "SELECT * FROM articles WHERE article_key = ? OR id = ? ORDER BY ingested_at LIMIT 1",
        [ident, ident]))
    if not found:
        return None
    row = found[0]
    key = row["article_key"]
    mentions = _rows(conn.execute(
        "SELECT span_start AS start, span_end AS \"end\", text, code, country, role, name, kind, how, "
        "dictionary_entry, refers_to FROM actor_mentions WHERE article_key = ? ORDER BY idx", [key]))
    events = _rows(conn.execute(
        "SELECT * FROM events WHERE article_key = ? ORDER BY idx", [key]))
    dateline = None
    if row["dateline"]:
        dateline = {"text": row["dateline"], "place": row["dateline_place"],
                    "agency": row["dateline_agency"]}
    starts, ends = row["sentence_starts"] or [], row["sentence_ends"] or []
    return {
        "id": row["id"] or key, "key": key, "url": row["url"], "source": row["source"],
        "title": row["title"], "date": row["published"], "author": row["author"], "lang": row["lang"],
        "dateline": dateline, "text": row["text"], "body_start": row["body_start"],
        "sentences": [{"start": s, "end": e} for s, e in zip(starts, ends, strict=False)],
        "removed": [], "actors": mentions, "events": [_event_json(e) for e in events],
        "warnings": list(row["warnings"] or []),
    }


def _event_actor(row: Row, side: str) -> Row | None:
    if row[f"{side}_code"] is None:
        return None
    return {"code": row[f"{side}_code"], "text": row[f"{side}_text"] or "",
            "start": row[f"{side}_start"], "end": row[f"{side}_end"]}


def _event_json(row: Row) -> Row:
    """An events-table row in the article JSON's event shape."""
    reporter = None
    if row.get("reporter_code"):
        reporter = {"code": row["reporter_code"], "text": row.get("reporter_text") or "",
                    "start": None, "end": None}
    return {
        "code": row["code"], "root": row["root"], "name": row["name"], "quad_class": row["quad_class"],
        "goldstein": row["goldstein"], "plover": row["plover"],
        "source": _event_actor(row, "source"), "target": _event_actor(row, "target"),
        "trigger": {"text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"]},
        "sentence": {"start": row["sentence_start"], "end": row["sentence_end"]},
        "modality": row["modality"], "reporter": reporter, "confidence": row["confidence"],
        "rule": row["rule"] or "", "event_id": row["event_id"],
    }


def list_actors(conn: duckdb.DuckDBPyConnection, prefix: str | None, limit: int) -> list[Row]:
    """Actor codes by how often they are mentioned, with the articles and events they appear in."""
    params: list[Any] = []
    where = "TRUE"
    if prefix:
        where = "starts_with(m.code, ?)"
        params.append(prefix.upper())
    cursor = conn.execute(f"""
        WITH m AS (SELECT code, any_value(country) AS country, any_value(kind) AS kind,
                          count(*) AS mentions, count(DISTINCT article_key) AS articles,
                          mode(coalesce(name, text)) AS example
                   FROM actor_mentions m WHERE {where} GROUP BY code),
             e AS (SELECT code, count(*) AS events FROM (
                       SELECT source_code AS code FROM events UNION ALL
                       SELECT target_code FROM events) WHERE code IS NOT NULL GROUP BY code)
        SELECT m.*, coalesce(e.events, 0) AS events FROM m LEFT JOIN e USING (code)
        ORDER BY m.mentions DESC, m.code LIMIT ?""", [*params, limit])
    return _rows(cursor)


def _side(column: str) -> str:
    """An event actor's country, or its whole code for IGOs and groups without one."""
    return f"coalesce(e.{column}_country, e.{column}_code)"


def _date_window(since: dt.date | None, until: dt.date | None) -> tuple[str, list[Any]]:
    """' AND a.date >= ? AND a.date <= ?' for the bounds that are given, with their parameters."""
    extra, params = "", []
    for bound, op in ((since, ">="), (until, "<=")):
        if bound:
            extra += f" AND a.date {op} ?"
            params.append(bound)
    return extra, params


def dyad_events(conn: duckdb.DuckDBPyConnection, a: str, b: str, since: dt.date | None,
                until: dt.date | None) -> list[Row]:
    """Every event mention between countries `a` and `b`, either direction, any modality."""
    extra, window = _date_window(since, until)
    params: list[Any] = [a, b, b, a, *window]
    cursor = conn.execute(f"""
        SELECT {EVENT_COLUMNS}, {_side('source')} AS src, {_side('target')} AS dst
        FROM events e JOIN articles a USING (article_key)
        WHERE (({_side('source')} = ? AND {_side('target')} = ?)
            OR ({_side('source')} = ? AND {_side('target')} = ?)) {extra}
        ORDER BY a.date NULLS LAST, e.article_key, e.idx""", params)
    return _rows(cursor)


def dyad_report(conn: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month",
                since: dt.date | None = None, until: dt.date | None = None) -> Row:
    """Series by direction and trend verdicts from story events (as `warta dyad` judges them),
    with every event mention as evidence (its article and sentence, for the highlight)."""
    stories = stored_dyad_events(conn, a, b, since, until)
    rows = dyad_events(conn, a, b, since, until)
    report = judge_dyad(stories, a, b, by=by)
    directions = {name: [period_to_dict(p) for p in periods]
                  for name, periods in report.series.periods.items()}
    trends = {name: {"verdict": trend.verdict, "statistic": trend.statistic, "value": trend.value,
                     "low": trend.low, "high": trend.high, "events": trend.events,
                     "periods": trend.periods, "summary": trend.describe(),
                     "level": report.levels[name].verdict,
                     "mean_goldstein": report.levels[name].mean_goldstein}
              for name, trend in report.trends.items()}
    totals = {str(q): sum(1 for e in stories if e.quad_class == q) for q in (1, 2, 3, 4)}
    return {
        "a": a, "b": b, "by": by, "directions": directions, "trend": trends, "totals": totals,
        "mean_goldstein": (sum(e.goldstein for e in stories) / len(stories)) if stories else None,
        "events": len(stories), "undated": sum(1 for e in stories if e.date is None),
        "mentions": len(rows),
        "evidence": [_jsonable({k: v for k, v in r.items() if k not in ("src", "dst")} |
                               {"source_side": r["src"], "target_side": r["dst"]}) for r in rows],
    }


def network(conn: duckdb.DuckDBPyConnection, limit: int = 40, since: dt.date | None = None,
            until: dt.date | None = None) -> list[Row]:
    """Country pairs (undirected) by event count, with mean Goldstein; asserted or reported only."""
    extra, params = _date_window(since, until)
    cursor = conn.execute(f"""
        SELECT least(e.source_country, e.target_country) AS a,
               greatest(e.source_country, e.target_country) AS b,
               count(*) AS events, avg(e.goldstein) AS mean_goldstein
        FROM events e JOIN articles a USING (article_key)
        WHERE e.source_country IS NOT NULL AND e.target_country IS NOT NULL
          AND e.source_country <> e.target_country AND e.modality IN ('asserted', 'reported') {extra}
        GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?""", [*params, limit])
    return _rows(cursor)


def recent_articles(conn: duckdb.DuckDBPyConnection, limit: int = 20) -> list[Row]:
    """The latest stored articles with their event counts, for the dashboard's start page."""
    cursor = conn.execute("""
        SELECT a.article_key, a.id, a.title, a.source, a.date, a.lang,
               (SELECT count(*) FROM events e WHERE e.article_key = a.article_key) AS events
        FROM articles a ORDER BY a.ingested_at DESC, a.article_key LIMIT ?""", [limit])
    return [_jsonable(r) for r in _rows(cursor)]
