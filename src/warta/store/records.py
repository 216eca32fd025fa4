"""Turn an `Article` into the rows of the store's tables, with the stable keys that identify them.

Keys are truncated SHA-256 digests, so they are the same on every machine and in every run:
re-ingesting an input recomputes the same keys and finds them already stored.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime
from typing import Any

from warta.article import ActorMention, Article, Event, EventActor, Location, RawDocument

# CAMEO actor codes that start with a group prefix, not a country (CAMEO manual, ch. 4).
GROUP_PREFIXES = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT"})
Row = dict[str, Any]
LOCATION_NAMES = tuple(f.name for f in dataclasses.fields(Location))


def _digest(*parts: object) -> bytes:
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def raw_hash(raw: RawDocument) -> str:
    """Identity of one input record, so a re-run skips it before any analysis."""
    return _digest(raw.kind, raw.id, raw.url, raw.title, raw.date, raw.source, raw.lang,
                   raw.content).hex()[:32]


def article_key(article: Article) -> str:
    """Identity of one stored article: where it was published and its clean text.

    The same text on two sites is two articles (a syndicated story); the same page read twice,
    from any input format, is one.
    """
    return _digest(article.url, article.source, article.text).hex()[:16]


def _int64(digest: bytes) -> int:
    """A positive 63-bit integer id, as GDELT's GlobalEventID is an integer."""
    return int.from_bytes(digest[:8], "big") >> 1


def event_id(key: str, event: Event) -> int:
    """Stable id of one event mention: its article, trigger span, actors and code."""
    return _int64(_digest(key, event.trigger.start, event.trigger.end, _code(event.source),
                          _code(event.target), event.code))


def story_event_id(story_id: str, event: Event) -> int:
    """Stable id of one event across a story: the same source, target and code."""
    return _int64(_digest(story_id, _code(event.source), _code(event.target), event.code))


def _code(actor: EventActor | None) -> str | None:
    return actor.code if actor else None


def parse_day(text: str | None) -> date | None:
    """The calendar day of an ISO date or date-time; None when there is none."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def count_words(text: str) -> int:
    return len(text.split())


def lead_end(article: Article) -> int:
    """End offset of the lead: the headline plus the first paragraph of the body."""
    end = article.text.find("\n\n", article.body_start)
    return len(article.text) if end < 0 else end


def article_row(article: Article, key: str, raw: str, versions: str, now: datetime,
                tone: float | None, origin: str | None) -> Row:
    dateline = article.dateline
    return {
        "article_key": key, "raw_hash": raw, "id": article.id or None, "url": article.url,
        "source": article.source, "title": article.title, "date": parse_day(article.date),
        "published": article.date, "author": article.author, "lang": article.lang,
        "dateline": dateline.text if dateline else None,
        "dateline_place": dateline.place if dateline else None,
        "dateline_agency": dateline.agency if dateline else None,
        "text": article.text, "body_start": article.body_start,
        "sentence_starts": [s.start for s in article.sentences],
        "sentence_ends": [s.end for s in article.sentences],
        "warnings": list(article.warnings), "n_words": count_words(article.text), "tone": tone,
        "origin": origin, "versions": versions, "ingested_at": now,
    }


def mention_rows(article: Article, key: str, versions: str) -> list[Row]:
    return [{
        "article_key": key, "idx": index, "span_start": m.start, "span_end": m.end, "text": m.text,
        "code": m.code, "country": m.country, "role": m.role, "name": m.name, "kind": m.kind,
        "how": m.how, "dictionary_entry": m.dictionary_entry, "refers_to": m.refers_to,
        "versions": versions,
    } for index, m in enumerate(article.actors)]


def actor_country(actor: EventActor, mentions: tuple[ActorMention, ...]) -> tuple[str | None, str | None]:
    """(country, role) of an event actor: as the coder gave them (from its mention).

    An actor with neither (an article built by hand, or read from a shard written before event
    actors carried them) falls back to the mention at its span, then to its code.
    """
    if actor.country is not None or actor.role is not None:
        return actor.country, actor.role
    for mention in mentions:
        if mention.start == actor.start and mention.end == actor.end and mention.code == actor.code:
            return mention.country, mention.role
    prefix = actor.code[:3]
    if len(prefix) == 3 and prefix.isalpha() and prefix.isupper() and prefix not in GROUP_PREFIXES:
        role = actor.code[3:6] or None
        return prefix, role
    return None, None


def _actor_fields(prefix: str, actor: EventActor | None, mentions: tuple[ActorMention, ...]) -> Row:
    if actor is None:
        return {f"{prefix}_{name}": None for name in ("code", "text", "country", "role", "start", "end")}
    country, role = actor_country(actor, mentions)
    return {f"{prefix}_code": actor.code, f"{prefix}_text": actor.text, f"{prefix}_country": country,
            f"{prefix}_role": role, f"{prefix}_start": actor.start, f"{prefix}_end": actor.end}


def location_fields(location: Location | None) -> Row:
    """The event's location as `location_*` columns (all None when it has none)."""
    values = dataclasses.asdict(location) if location else {}
    return {f"location_{name}": values.get(name) for name in LOCATION_NAMES}


def event_rows(article: Article, key: str, story_id: str, versions: str,
               tones: list[float | None]) -> list[Row]:
    """One row per event mention; an exact repeat (same id) is the same event and kept once."""
    rows: list[Row] = []
    seen: set[int] = set()
    lead = lead_end(article)
    for index, (event, tone) in enumerate(zip(article.events, tones, strict=True)):
        ident = event_id(key, event)
        if ident in seen:
            continue
        seen.add(ident)
        row: Row = {
            "event_id": ident, "article_key": key, "story_id": story_id,
            "story_event_id": story_event_id(story_id, event), "idx": index, "code": event.code,
            "root": event.root, "name": event.name, "quad_class": event.quad_class,
            "goldstein": event.goldstein, "plover": event.plover,
            "trigger_text": event.trigger.text, "trigger_start": event.trigger.start,
            "trigger_end": event.trigger.end, "sentence_start": event.sentence.start,
            "sentence_end": event.sentence.end,
            "sentence": article.text[event.sentence.start:event.sentence.end],
            "modality": event.modality, "confidence": event.confidence, "rule": event.rule or None,
            "is_root": event.sentence.start < lead, "tone": tone, "versions": versions,
        }
        row.update(_actor_fields("source", event.source, article.actors))
        row.update(_actor_fields("target", event.target, article.actors))
        row.update(_actor_fields("reporter", event.reporter, article.actors))
        row.update(location_fields(event.location))
        rows.append(row)
    return rows
