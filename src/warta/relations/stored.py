"""A dyad's events as the store keeps them: one per story (GDELT-style), however often reprinted.

The CLI (`warta dyad`, `warta report`) and the service (`/dyads`, the dashboard) both judge a dyad
from these, so the two never disagree about how relations moved.
"""

from __future__ import annotations

from datetime import date

import duckdb

from warta.relations.series import DyadEvent
from warta.store import StoreError, queries


def stored_dyad_events(conn: duckdb.DuckDBPyConnection, a: str, b: str, since: date | str | None = None,
                       until: date | str | None = None) -> list[DyadEvent]:
    """Story events between `a` and `b`, either direction, as `DyadEvent`s (oldest first, undated last)."""
    sql, params = queries.dyad_events(a, b, since, until)
    try:
        cursor = conn.execute(sql, params)
        names = [d[0] for d in cursor.description or []]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"dyad query failed: {str(exc).strip().splitlines()[0]}") from exc
    return [DyadEvent(date=r["day"], source=r["source"], target=r["target"],
                      quad_class=int(r["quad_class"]), goldstein=float(r["goldstein"]),
                      event_id=str(r["story_event_id"]), sentence=r["sentence"] or "",
                      article_id=r["source_url"] or "", code=r["code"] or "")
            for r in rows]
