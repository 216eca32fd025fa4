"""Hand-built articles with actors and events, and small real corpora, for the store tests."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warta.article import ActorMention, Article, Event, EventActor, Sentence, Trigger

# (code, root, name, quad class, Goldstein) of the CAMEO codes the tests use (GDELT's scale).
CODES = {
    "042": ("04", "Make a visit", 1, 1.9),
    "057": ("05", "Sign formal agreement", 1, 8.0),
    "163": ("16", "Impose embargo, boycott, or sanctions", 4, -8.0),
    "190": ("19", "Use conventional military force", 4, -10.0),
}


@dataclass(frozen=True)
class Spec:
    """One event to place in an article: the actor and trigger words must occur in its text."""

    source: tuple[str, str, str | None]  # (words in text, CAMEO code, country)
    target: tuple[str, str, str | None]
    trigger: str
    code: str
    modality: str = "asserted"


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _sentence_of(text: str, at: int) -> Sentence:
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = text.find(".", at)
    return Sentence(start, len(text) if end < 0 else end + 1)


def make_article(text: str, specs: list[Spec], *, source: str = "Example News",
                 url: str | None = None, date: str | None = "2024-03-05", lang: str = "en",
                 title: str | None = None, ident: str = "") -> Article:
    """An article as the actor and event stages would leave it."""
    mentions: list[ActorMention] = []
    events: list[Event] = []
    for spec in specs:
        actors = []
        for words, code, country in (spec.source, spec.target):
            start, end = _span(text, words)
            kind = "igo" if code.startswith("IGO") else "country"
            mentions.append(ActorMention(start, end, words, code, country=country,
                                         role=code[3:6] or None, kind=kind, dictionary_entry=words))
            actors.append(EventActor(code, words, start, end))
        t_start, t_end = _span(text, spec.trigger)
        root, name, quad, goldstein = CODES[spec.code]
        events.append(Event(code=spec.code, root=root, name=name, quad_class=quad, goldstein=goldstein,
                            plover=None, source=actors[0], target=actors[1],
                            trigger=Trigger(spec.trigger, t_start, t_end),
                            sentence=_sentence_of(text, t_start), modality=spec.modality,
                            confidence=0.9, rule="test-rule-1"))
    head_end = text.find("\n\n")
    return Article(id=ident, url=url, source=source, title=title or text[:max(head_end, 0)] or None,
                   date=date, lang=lang, text=text, body_start=head_end + 2 if head_end > 0 else 0,
                   sentences=(Sentence(0, len(text)),), actors=tuple(mentions), events=tuple(events))


WIRE = ("Russia and North Korea sign defence pact\n\n"
        "MOSCOW - Russia signed a defence agreement with North Korea on Tuesday, the Kremlin said, "
        "in a move that worried officials in Washington and Seoul. "
        "The agreement commits both countries to mutual assistance if either is attacked, and "
        "follows a visit by Russian President Vladimir Putin to Pyongyang earlier this year. "
        "Analysts said the pact marks the closest relations between the two since the Cold War. "
        "The United States imposed sanctions on North Korea last month over its missile tests, "
        "and officials said further measures were being considered.")
WIRE_SPECS = [
    Spec(("Russia", "RUS", "RUS"), ("North Korea", "PRK", "PRK"), "signed", "057"),
    Spec(("The United States", "USA", "USA"), ("North Korea", "PRK", "PRK"), "imposed sanctions", "163"),
]


def corpus_records(shared_data: Path, count: int, offset: int = 0) -> list[dict[str, object]]:
    """`count` real CLICK-ID records with distinct texts (so each is one stored article)."""
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    with gzip.open(shared_data / "corpus" / "clickid-news.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number < offset:
                continue
            record = json.loads(line)
            text = record.get("text")
            if not isinstance(text, str) or len(text) < 200 or text in seen:
                continue
            seen.add(text)
            out.append(record)
            if len(out) == count:
                break
    return out


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# The keys the single writer keeps unique (the tables carry no primary-key index: schema v2).
UNIQUE_KEYS = (("articles", "article_key"), ("articles", "raw_hash"), ("events", "event_id"),
               ("stories", "story_id"), ("story_articles", "article_key"), ("minhashes", "article_key"))


def repeated_keys(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Per table, how many key values are stored more than once (every count should be 0)."""
    out = {}
    for table, column in UNIQUE_KEYS:
        row = conn.execute(f"SELECT count(*) FROM (SELECT {column} FROM {table} "
                           f"GROUP BY {column} HAVING count(*) > 1)").fetchone()
        out[f"{table}.{column}"] = int(row[0]) if row else -1
    return out
