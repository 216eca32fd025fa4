"""The events stage: CAMEO events from the sentences and actors of an article."""

from __future__ import annotations

from warta.article import Article
from warta.events.coder import LanguageCoder
from warta.events.matcher import Matcher
from warta.events.morphology import EnglishMorphology, IndonesianMorphology
from warta.events.ontology import Ontology
from warta.events.patterns import PATTERN_FILE, PatternSet, load_patterns
from warta.lang import language_dir
from warta.settings import Settings


def build_coders(languages: tuple[str, ...], ontology: Ontology | None = None) -> dict[str, LanguageCoder]:
    """One coder per loaded language that ships an events.toml; loaded once per pipeline."""
    ontology = ontology or Ontology.load()
    coders = {}
    for code in languages:
        if not language_dir(code).joinpath(PATTERN_FILE).is_file():
            continue
        patterns = load_patterns(code, ontology)
        coders[code] = LanguageCoder(patterns, Matcher(patterns, _morphology(patterns)), ontology)
    return coders


def _morphology(patterns: PatternSet) -> IndonesianMorphology | EnglishMorphology:
    if patterns.language == "id":
        return IndonesianMorphology.load(extra_roots=patterns.lemmas)
    return EnglishMorphology(patterns.lemmas)


class EventStage:
    """Who did what to whom: `Event` records with their evidence, for id and en articles."""

    name = "events"
    requires: tuple[str, ...] = ("text", "sentences", "actors")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, settings: Settings) -> None:
        self.coders = build_coders(settings.languages)

    def __call__(self, article: Article) -> Article:
        coder = self.coders.get(article.lang or "")
        if coder is None or not article.actors:
            return article
        events = coder.code(article.text, article.sentences, article.actors)
        return article.evolve(events=tuple(events))
