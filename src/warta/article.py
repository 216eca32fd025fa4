"""The data model: one `Article` flows through every stage.

After cleaning, `Article.text` never changes: it is the coordinate system. The headline, when
there is one, is the first paragraph of `text` (`text[:body_start]`), so headlines can carry
events too. Every later layer is a tuple of frozen records with `start`/`end` offsets into `text`;
`article.text[span.start:span.end]` is always the evidence.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input record before cleaning: HTML, scraped text, or a JSONL record's fields."""

    content: str
    kind: str  # "html" | "text" | "record"
    id: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    lang: str | None = None
    origin: str | None = None  # file path and line, for error messages
    # When a crawler fetched the page (WARC-Date): the publication date of last resort, used only
    # when the page itself gives none. Not part of the record's identity (a re-crawl is the same page).
    crawled: str | None = None
    # What reading the bytes could not do exactly (a dropped NUL, bytes that are not UTF-8);
    # the clean stage copies these into the article's warnings.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not be read or analysed; reported and skipped, the batch goes on.

    It lives beside `RawDocument` because every layer passes it on (readers make it, the pipeline
    adds its own, the store keeps it in `skipped`), so no layer has to import a higher one for it.
    `filtered` marks a record skipped on purpose (the language filter): counted, not quarantined.
    `content_hash` is the failed record's raw hash (`store.records.raw_hash`), set by the ingest
    loop when the record got as far as analysis, so a re-run knows it without analysing it again.
    """

    origin: str
    reason: str
    filtered: bool = False
    content_hash: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the raw page that cleaning cut, and why."""

    kind: str
    text: str
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """'JAKARTA, KOMPAS.com -': where the story was filed and by which agency."""

    text: str
    place: str | None = None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of `text` that names an actor, linked to a CAMEO code."""

    start: int
    end: int
    text: str
    code: str  # full CAMEO actor code, e.g. "RUSMIL", "IGOUNO"
    country: str | None = None  # "RUS"; None for IGOs and unplaced groups
    role: str | None = None  # "MIL", "GOV" ...
    name: str | None = None  # the person named, when there is one
    kind: str = "country"  # country | igo | person | org | group | place
    how: str = "dictionary"  # dictionary | ner | coref
    dictionary_entry: str | None = None
    refers_to: int | None = None  # index of the antecedent mention, for coreference


@dataclass(frozen=True, slots=True)
class EventActor:
    """One side of an event: the mention's span and code, with the country and role it was given.

    `country` and `role` come from the `ActorMention` the coder used, so the store need not look
    the mention up again; None when an article was built without them (older shards, hand-made).
    """

    code: str
    text: str
    start: int
    end: int
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: a gazetteer place, the evidence that names it, and how it was found.

    `how` is "sentence" (a place the trigger's clause puts the event at: "di Washington"),
    "attribution" (the next sentence says where the statement was made), "dateline" or "country"
    (the territory of the source or target, for events that happen there). `start`/`end` point at
    the evidence in `text` (None for a dateline the text does not repeat). `country` is ISO 3166-1
    alpha-3; `adm1` is GDELT's FIPS-style code ("ID04"); `feature` a GeoNames feature code.
    """

    text: str
    start: int | None
    end: int | None
    name: str
    country: str | None
    adm1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str
    how: str


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, CAMEO-coded, with the sentence and trigger that support it."""

    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None
    source: EventActor | None
    target: EventActor | None
    trigger: Trigger
    sentence: Sentence
    modality: str  # asserted | reported | hypothetical | negated
    reporter: EventActor | None = None
    confidence: float = 0.0
    rule: str = ""
    location: Location | None = None  # added by the geo stage


@dataclass(frozen=True, slots=True)
class Article:
    """One news article and every layer the pipeline has added to it."""

    id: str = ""
    url: str | None = None
    source: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    lang: str | None = None
    dateline: Dateline | None = None
    text: str = ""
    body_start: int = 0
    sentences: tuple[Sentence, ...] = ()
    removed: tuple[Removal, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    raw: RawDocument | None = field(default=None, repr=False)

    @property
    def body(self) -> str:
        """The article body without the headline."""
        return self.text[self.body_start :]

    def evidence(self, span: Sentence | ActorMention | Trigger | EventActor) -> str:
        return self.text[span.start : span.end]

    def evolve(self, **changes: Any) -> Article:
        """A copy with some layers added (stages never mutate an article)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The output contract documented in the README (field names are stable)."""
        out = dataclasses.asdict(self)
        out.pop("raw")
        for key in ("sentences", "removed", "actors", "events", "warnings"):
            out[key] = list(out[key])
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The inverse of `to_dict` (the raw input is not part of the contract, so it stays None).

        Shards and the API read articles back through this one mapping; unknown keys are an error,
        so a contract change cannot pass silently.
        """
        fields = dict(data)
        fields.update(
            dateline=Dateline(**data["dateline"]) if data.get("dateline") else None,
            sentences=tuple(Sentence(**s) for s in data.get("sentences", ())),
            removed=tuple(Removal(**r) for r in data.get("removed", ())),
            actors=tuple(ActorMention(**m) for m in data.get("actors", ())),
            events=tuple(_event_from_dict(e) for e in data.get("events", ())),
            warnings=tuple(data.get("warnings", ())),
        )
        return cls(**fields)


def _actor_from_dict(value: dict[str, Any] | None) -> EventActor | None:
    return EventActor(**value) if value else None


def _event_from_dict(value: dict[str, Any]) -> Event:
    fields = dict(value)
    fields.update(source=_actor_from_dict(value.get("source")), target=_actor_from_dict(value.get("target")),
                  reporter=_actor_from_dict(value.get("reporter")), trigger=Trigger(**value["trigger"]),
                  sentence=Sentence(**value["sentence"]),
                  location=Location(**value["location"]) if value.get("location") else None)
    return Event(**fields)
