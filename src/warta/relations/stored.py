"""A dyad's events as the store keeps them: one per story (GDELT-style), however often reprinted.

The CLI (`warta dyad`, `warta report`) and the service (`/dyads`, the dashboard) both judge a dyad
from these, through `stored_dyad`, so the two never disagree about how relations moved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from warta.relations.report import dyad_report, report_to_dict
from warta.relations.series import DyadEvent
from warta.store.reads import Reads


def stored_dyad_events(store: Reads, a: str, b: str, since: date | str | None = None,
                       until: date | str | None = None) -> list[DyadEvent]:
    """Story events between `a` and `b`, either direction, as `DyadEvent`s (oldest first, undated last)."""
    return [DyadEvent(date=r["day"], source=r["source"], target=r["target"],
                      quad_class=int(r["quad_class"]), goldstein=float(r["goldstein"]),
                      event_id=str(r["story_event_id"]), sentence=r["sentence"] or "",
                      article_id=r["source_url"] or "", code=r["code"] or "")
            for r in store.dyad_events(a, b, since=since, until=until)]


def stored_dyad(store: Reads, a: str, b: str, by: str = "month", since: date | str | None = None,
                until: date | str | None = None, *, mentions: bool = False) -> dict[str, Any]:
    """The dyad report as JSON-ready data; with `mentions`, every event mention as evidence too."""
    report = dyad_report(stored_dyad_events(store, a, b, since, until), a, b, by)
    rows = store.dyad_mentions(a, b, since=since, until=until) if mentions else None
    return report_to_dict(report, rows)
