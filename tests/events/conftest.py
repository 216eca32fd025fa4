"""Fixtures for the events tests: loaded coders, and Articles built by hand with actor spans."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pytest

from warta.article import ActorMention, Article, Event
from warta.events.coder import LanguageCoder
from warta.events.stage import build_coders
from warta.language.sentences import load_abbreviations, split_sentences

ActorSpec = tuple[str, str] | tuple[str, str, int]
MakeArticle = Callable[..., Article]


@pytest.fixture(scope="session")
def coders() -> dict[str, LanguageCoder]:
    return build_coders(("id", "en"))


def mentions(text: str, specs: Sequence[ActorSpec]) -> tuple[ActorMention, ...]:
    """ActorMentions for (surface, code[, occurrence]) specs; the same surface twice = coreference."""
    out = []
    for spec in specs:
        surface, code = spec[0], spec[1]
        nth = spec[2] if len(spec) == 3 else 0
        found = list(re.finditer(rf"\b{re.escape(surface)}\b", text))
        hit = found[nth]
        out.append(ActorMention(hit.start(), hit.end(), surface, code))
    return tuple(sorted(out, key=lambda m: m.start))


@pytest.fixture(scope="session")
def make_article() -> MakeArticle:
    abbreviations = load_abbreviations(("id", "en"))

    def make(text: str, actors: Sequence[ActorSpec], lang: str = "id") -> Article:
        return Article(id="t", text=text, lang=lang, sentences=tuple(split_sentences(text, abbreviations)),
                       actors=mentions(text, actors))

    return make


@pytest.fixture(scope="session")
def code_events(coders: dict[str, LanguageCoder], make_article: MakeArticle) -> Callable[..., list[Event]]:
    def run(text: str, actors: Sequence[ActorSpec], lang: str = "id") -> list[Event]:
        article = make_article(text, actors, lang)
        return coders[lang].code(article.text, article.sentences, article.actors)

    return run


Triples = Callable[[Sequence[Event]], set[tuple[str, str, str, str]]]


def _triples(events: Sequence[Event]) -> set[tuple[str, str, str, str]]:
    return {(e.source.code if e.source else "", e.target.code if e.target else "", e.code, e.modality)
            for e in events}


@pytest.fixture(scope="session")
def triples() -> Triples:
    """(source, target, code, modality) of each event, '' for no target."""
    return _triples
