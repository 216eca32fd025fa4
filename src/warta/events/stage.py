"""The events stage: CAMEO events from the sentences and actors of an article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from warta.article import Article
from warta.events.coder import LanguageCoder, Parser
from warta.events.loading import load_patterns
from warta.events.matcher import Matcher
from warta.events.model import EventModel
from warta.events.morphology import EnglishMorphology, IndonesianMorphology
from warta.events.ontology import Ontology
from warta.events.patterns import PATTERN_FILE, PatternSet
from warta.events.tokens import SentenceView
from warta.lang import language_dir, word_list
from warta.settings import Settings
from warta.syntax.memo import ParseMemo

SPORTS_FILE = "sports_words.txt"


def build_coders(languages: tuple[str, ...], ontology: Ontology | None = None,
                 use_parser: bool = True, use_model: bool = True,
                 memo: ParseMemo | None = None) -> dict[str, LanguageCoder]:
    """One coder per loaded language that ships an events.toml; loaded once per pipeline. Its
    parses go to `memo` too, when given, for the stages after it (see warta.syntax.memo)."""
    ontology = ontology or Ontology.load()
    coders = {}
    for code in languages:
        if not language_dir(code).joinpath(PATTERN_FILE).is_file():
            continue
        patterns = load_patterns(code, ontology)
        parser = sentence_parser(code, memo) if use_parser else None
        model = EventModel.load(code) if use_model else None
        coders[code] = LanguageCoder(patterns, Matcher(patterns, _morphology(patterns)), ontology, parser,
                                     model, sports_words(code))
    return coders


def sports_words(lang: str) -> frozenset[str]:
    """The words that make a sentence a sports report (scripts/build_sports_words.py); none when the
    language has no list."""
    path = language_dir(lang).joinpath(SPORTS_FILE)
    return frozenset(word.casefold() for _, word in word_list(path)) if path.is_file() else frozenset()


def sentence_parser(lang: str, memo: ParseMemo | None = None) -> Parser | None:
    """A parser over the coder's tokens for `lang`, loaded now (once per pipeline); None when
    warta ships no parser for it. Each parse is also put in `memo`, when given."""
    from warta.syntax.parse import LANGS, load_parser, parse_batch

    if lang not in LANGS:
        return None
    load_parser(lang)

    def parse(views: Sequence[SentenceView]) -> list[Any]:
        batch = []
        for view in views:
            tokens = view.tokens
            spaces = [i + 1 < len(tokens) and tokens[i + 1].start > t.end for i, t in enumerate(tokens)]
            batch.append(([t.text for t in tokens], spaces))
        docs = list(parse_batch(lang, batch))
        if memo is not None:
            for (words, _), doc in zip(batch, docs, strict=True):
                memo.add(words, doc)
        return docs
    return parse


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
        self.parses = ParseMemo()  # this article's parses, for the geo stage after this one
        self.coders = build_coders(settings.languages, use_parser=settings.use_parser, memo=self.parses)

    def __call__(self, article: Article) -> Article:
        self.parses.clear()
        coder = self.coders.get(article.lang or "")
        if coder is None or not article.actors:
            return article
        events = coder.code(article.text, article.sentences, article.actors)
        return article.evolve(events=tuple(events))
