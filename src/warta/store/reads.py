"""Every question the CLI, the API and the dashboard ask of the database, as `Store` methods.

`Reads` holds the read methods over one DuckDB connection: `Store` is one (the writer's own
connection), and `Reader` is one over a cursor of its own, for a service thread. SQL lives in
`queries.py` (counts) and `browse.py` (rows); the interfaces above never see a table.
Counts are of story events unless a caller passes `unit="mentions"`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from warta.store import browse, queries
from warta.store.articles import StoredArticle, article_from_rows
from warta.store.errors import StoreError
from warta.store.filters import EventFilter, Unit
from warta.store.queries import parse_date

Row = dict[str, Any]
Day = date | str | None  # a day as a date, or as the CLI's YYYY-MM-DD text


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass
class Page:
    """One page of events and how many match in all."""

    total: int
    limit: int | None
    offset: int
    items: list[Row] = field(default_factory=list)


class Reads:
    """The read side of the store over `self.conn`."""

    conn: duckdb.DuckDBPyConnection

    def sql(self, query: str, params: Sequence[object] | None = None) -> QueryResult:
        """Any SQL over the database; a read-only store refuses writes."""
        try:
            cursor = self.conn.execute(query, list(params) if params else None)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            return QueryResult(columns, cursor.fetchall() if columns else [])
        except duckdb.Error as exc:
            message = str(exc).strip().splitlines()[0]
            raise StoreError(f"query failed: {message}") from exc

    def _rows(self, query: queries.Query) -> list[Row]:
        return self.sql(*query).dicts()

    def counts(self) -> dict[str, int]:
        """Rows per table, and story events."""
        tables = ("articles", "actor_mentions", "events", "stories", "story_events", "skipped")
        return {table: int(self.sql(f"SELECT count(*) FROM {table}").rows[0][0]) for table in tables}

    def event_page(self, filters: EventFilter, *, unit: Unit = "stories", limit: int | None = None,
                   offset: int = 0) -> Page:
        """Events matching `filters`, newest first: story events, or event mentions on request."""
        rows = self._rows(browse.event_page(filters, unit, limit, offset))
        if rows:
            total = int(rows[0]["total_rows"])
        elif offset:  # past the end: the window saw no rows, so count them on their own
            total = int(self.sql(*browse.event_count(filters, unit)).rows[0][0])
        else:
            total = 0
        return Page(total, limit, offset, [{k: v for k, v in r.items() if k != "total_rows"} for r in rows])

    def events(self, *, actor: str | None = None, code: str | None = None, since: Day = None,
               until: Day = None, limit: int | None = None) -> list[Row]:
        """Story events (GDELT-style, with mention counts), newest first: `warta events`."""
        filters = EventFilter(actor=actor, code=code, since=parse_date(since, "since"),
                              until=parse_date(until, "until"))
        return self.event_page(filters, limit=limit).items

    def mentions(self, story_event_id: int) -> list[Row]:
        """The evidence for one story event: each article's sentence, trigger and link."""
        return self._rows(queries.mentions(story_event_id))

    def actors(self, top: int = 20, *, prefix: str | None = None, since: Day = None,
               unit: Unit = "stories") -> list[Row]:
        """The most mentioned actor codes: a typical name, articles naming them, events they are in."""
        return self._rows(queries.top_actors(top, prefix, since, unit))

    def dyad_counts(self, a: str, b: str, by: str = "month", *, since: Day = None,
                    until: Day = None) -> list[Row]:
        """Story events between two actors per period, direction and quad class, with mean Goldstein."""
        return self._rows(queries.dyad_counts(a, b, by, since, until))

    def top_dyads(self, limit: int = 10, *, since: Day = None, until: Day = None,
                  unit: Unit = "stories") -> list[Row]:
        """Pairs with the most events, with mean Goldstein and cooperative share."""
        return self._rows(queries.top_dyads(limit, since, until, unit))

    def network(self, limit: int = 40, *, since: Day = None, until: Day = None,
                unit: Unit = "stories") -> list[Row]:
        """Country pairs with the most events: the edges of the actor network."""
        return self._rows(queries.network(limit, since, until, unit))

    def places(self, filters: EventFilter | None = None, limit: int = 500, *,
               unit: Unit = "stories") -> list[Row]:
        """Located places with their event counts and mean Goldstein: the dashboard's map."""
        return self._rows(queries.places(filters or EventFilter(), limit, unit))

    def top_event_types(self, limit: int = 10, *, since: Day = None, until: Day = None) -> list[Row]:
        """CAMEO root categories with the most story events."""
        return self._rows(queries.top_event_types(limit, since, until))

    def dyad_events(self, a: str, b: str, *, since: Day = None, until: Day = None) -> list[Row]:
        """Every story event between two actors, either direction, oldest first, undated last."""
        return self._rows(queries.dyad_events(a, b, since, until))

    def dyad_mentions(self, a: str, b: str, *, since: Day = None, until: Day = None) -> list[Row]:
        """Every event mention between two actors, any modality, with its article: the evidence."""
        return self._rows(browse.dyad_mentions(a.upper(), b.upper(), parse_date(since, "since"),
                                               parse_date(until, "until")))

    def article(self, ident: str) -> StoredArticle | None:
        """A stored article (by store key or record id) as the pipeline's `Article`, or None."""
        found = self._rows(browse.article_row(ident))
        if not found:
            return None
        key = found[0]["article_key"]
        return article_from_rows(found[0], self._rows(browse.article_mentions(key)),
                                 self._rows(browse.article_events(key)))

    def recent_articles(self, limit: int = 20) -> list[Row]:
        """The latest stored articles with their event counts."""
        return self._rows(browse.recent_articles(limit))


class Reader(Reads):
    """The read methods over a cursor of its own (DuckDB connections are not shared by threads)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection) -> None:
        self.conn = conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
