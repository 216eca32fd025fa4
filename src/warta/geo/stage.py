"""The geo stage: every event gets the place it happened at, or None (see locate.py for the rules)."""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import files
from typing import Any

from warta.article import Article, Location
from warta.geo.gazetteer import Gazetteer, load_gazetteer
from warta.geo.grammar import load_grammar
from warta.geo.locate import ArticleLocator, Territory, location
from warta.geo.names import normalize
from warta.geo.resolve import choose
from warta.geo.syntax import words_of
from warta.lang.datafile import DataFile
from warta.settings import Settings
from warta.syntax.memo import ParseMemo


def load_territory() -> Territory:
    path = files("warta.geo").joinpath("data", "territory.toml")
    data = DataFile.read(path, "warta/geo/data/territory.toml")
    return Territory(data.strings(data.data, "target"), data.strings(data.data, "source"),
                     data.strings(data.data, "destination"), data.optional_strings(data.data, "origin"),
                     data.optional_strings(data.data, "verbal"),
                     data.optional_strings(data.data, "weak_entries"))


class GeoStage:
    """Locations for events, from a gazetteer loaded once per process (see gazetteer.py)."""

    name = "geo"
    requires: tuple[str, ...] = ("text", "sentences", "actors", "events", "dateline")
    provides: tuple[str, ...] = ("locations",)

    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None,
                 parses: ParseMemo | None = None) -> None:
        """`parses` are the events stage's parses of the article in hand (reused, not redone)."""
        self.gazetteer = gazetteer or load_gazetteer()
        self.grammars = {code: load_grammar(code) for code in settings.languages}
        self.territory = load_territory()
        self.memo = parses
        self.use_parser = settings.use_parser

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        grammar = self.grammars.get(article.lang or "") or load_grammar(article.lang or "-")
        locator = ArticleLocator(article, self.gazetteer, grammar, self.territory)
        locator.parses = self.parse(article, locator)
        dateline = self.dateline(article, locator)
        events = []
        for event in article.events:
            try:
                found = locator.locate(event, dateline)
            except Exception as exc:  # one event's failure must not unlocate the rest
                locator.warnings.append(f"geo: event at {event.trigger.start} not located: "
                                        f"{exc.__class__.__name__}: {exc}")
                found = None
            events.append(replace(event, location=found))
        warnings = tuple(dict.fromkeys(locator.warnings))
        return article.evolve(events=tuple(events), warnings=article.warnings + warnings)

    def parse(self, article: Article, locator: ArticleLocator) -> dict[int, tuple[Any, list[int]]]:
        """Parses of the sentences that hold an event and a place (the rest need none): the events
        stage's where it made one, else one batch here. Keyed by sentence start."""
        from warta.syntax.parse import LANGS, parse_batch

        if not self.use_parser or article.lang not in LANGS:
            return {}
        out: dict[int, tuple[Any, list[int]]] = {}
        missing: list[tuple[int, list[str], list[bool], list[int]]] = []
        for sentence in {e.sentence.start: e.sentence for e in article.events}.values():
            if not locator.phrases(sentence):
                continue
            words, spaces, starts = words_of(article.text, sentence.start, sentence.end)
            doc = self.memo.get(words) if self.memo is not None else None
            if doc is not None:
                out[sentence.start] = (doc, starts)
            elif words:
                missing.append((sentence.start, words, spaces, starts))
        docs = parse_batch(article.lang, ((words, spaces) for _, words, spaces, _ in missing))
        for (start, _, _, starts), doc in zip(missing, docs, strict=True):
            out[start] = (doc, starts)
        return out

    def dateline(self, article: Article, locator: ArticleLocator) -> Location | None:
        """The dateline's place ("JAKARTA, KOMPAS.com"), with its span when the text repeats it."""
        place = article.dateline.place.split(",")[0].strip() if article.dateline and article.dateline.place \
            else None  # "Mataram, NTB": the city, then its province
        if not place or not normalize(place):
            return None
        result = choose(self.gazetteer.lookup(place), None, locator.countries)
        if result.place is None:
            locator.warnings.append(f"geo: dateline place {place!r}: {result.problem}; left unlocated")
            return None
        at = article.text.find(place, article.body_start, article.body_start + 200)
        start, end = (at, at + len(place)) if at >= 0 else (None, None)
        return location(result.place, place, start, end, "dateline")
