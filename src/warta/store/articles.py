"""Rows back into an `Article`: the inverse of `records.py`, so a stored article is the output contract.

GET /articles/{id} and the dashboard's article page read a stored article through this one mapping
(`Article.to_dict` does the rest). What the store does not keep comes back empty: the boilerplate
cleaning removed (`removed`) and the raw input.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from warta.article import ActorMention, Article, Dateline, Event, EventActor, Location, Sentence, Trigger
from warta.store.records import LOCATION_NAMES

Row = dict[str, Any]


class StoredArticle(NamedTuple):
    key: str  # the store's article key (records.article_key)
    article: Article


def article_from_rows(row: Row, mentions: list[Row], events: list[Row]) -> StoredArticle:
    """One `articles` row with its `actor_mentions` and `events` rows, as the pipeline's `Article`."""
    dateline = None
    if row["dateline"]:
        dateline = Dateline(row["dateline"], row["dateline_place"], row["dateline_agency"])
    starts, ends = row["sentence_starts"] or [], row["sentence_ends"] or []
    article = Article(
        id=row["id"] or "", url=row["url"], source=row["source"], title=row["title"],
        date=row["published"], author=row["author"], lang=row["lang"], dateline=dateline,
        text=row["text"], body_start=row["body_start"],
        sentences=tuple(Sentence(s, e) for s, e in zip(starts, ends, strict=False)),
        actors=tuple(mention_from_row(m) for m in mentions),
        events=tuple(event_from_row(e) for e in events), warnings=tuple(row["warnings"] or ()))
    return StoredArticle(row["article_key"], article)


def mention_from_row(row: Row) -> ActorMention:
    return ActorMention(row["span_start"], row["span_end"], row["text"], row["code"], country=row["country"],
                        role=row["role"], name=row["name"], kind=row["kind"], how=row["how"],
                        dictionary_entry=row["dictionary_entry"], refers_to=row["refers_to"])


def _actor(row: Row, side: str) -> EventActor | None:
    if row[f"{side}_code"] is None:
        return None
    return EventActor(row[f"{side}_code"], row[f"{side}_text"] or "", row.get(f"{side}_start") or 0,
                      row.get(f"{side}_end") or 0, row.get(f"{side}_country"), row.get(f"{side}_role"))


def event_from_row(row: Row) -> Event:
    """An `events` row as the coder's `Event` (a reporter stored before schema v3 has no span: 0–0)."""
    return Event(code=row["code"], root=row["root"], name=row["name"] or "", quad_class=row["quad_class"],
                 goldstein=row["goldstein"], plover=row["plover"], source=_actor(row, "source"),
                 target=_actor(row, "target"),
                 trigger=Trigger(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
                 sentence=Sentence(row["sentence_start"], row["sentence_end"]), modality=row["modality"],
                 reporter=_actor(row, "reporter"), confidence=row["confidence"] or 0.0,
                 rule=row["rule"] or "", location=_location(row))


def _location(row: Row) -> Location | None:
    """The event's location, when the geo stage gave one (rows stored before schema v4 have none)."""
    if not row.get("location_how"):
        return None
    return Location(**{name: row[f"location_{name}"] for name in LOCATION_NAMES})
