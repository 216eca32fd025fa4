"""The geo stage: every event gets the place it happened at, or None (see locate.py for the rules)."""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import files

from warta.article import Article, Location
from warta.geo.gazetteer import Gazetteer, load_gazetteer
from warta.geo.grammar import load_grammar
from warta.geo.locate import ArticleLocator, Territory, location
from warta.geo.names import normalize
from warta.geo.resolve import choose
from warta.lang.datafile import DataFile
from warta.settings import Settings


def load_territory() -> Territory:
    path = files("warta.geo").joinpath("data", "territory.toml")
    data = DataFile.read(path, "warta/geo/data/territory.toml")
    return Territory(data.strings(data.data, "target"), data.strings(data.data, "source"),
                     data.strings(data.data, "destination"))


class GeoStage:
    """Locations for events, from a gazetteer loaded once per process (see gazetteer.py)."""

    name = "geo"
    requires: tuple[str, ...] = ("text", "sentences", "actors", "events", "dateline")
    provides: tuple[str, ...] = ("locations",)

    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.grammars = {code: load_grammar(code) for code in settings.languages}
        self.territory = load_territory()

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        grammar = self.grammars.get(article.lang or "") or load_grammar(article.lang or "-")
        locator = ArticleLocator(article, self.gazetteer, grammar, self.territory)
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
