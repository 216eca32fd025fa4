"""Fixtures for the actor tests: one ActorStage for the run, and hand-built Articles."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from warta.actors.stage import ActorStage
from warta.article import ActorMention, Article
from warta.language.sentences import load_abbreviations, split_sentences
from warta.settings import Settings

ABBREVIATIONS = load_abbreviations(("id", "en"))


@pytest.fixture(scope="session")
def actor_stage() -> ActorStage:
    """Dictionaries load once for the whole run, as in a Pipeline."""
    return ActorStage(Settings())


def make_article(text: str, lang: str | None = "id", date: str | None = None) -> Article:
    """An Article as the earlier stages leave it: text, sentences, language and date."""
    return Article(text=text, lang=lang, date=date, sentences=tuple(split_sentences(text, ABBREVIATIONS)))


Finder = Callable[..., tuple[ActorMention, ...]]


@pytest.fixture(scope="session")
def actors_of(actor_stage: ActorStage) -> Finder:
    """`actors_of(text, lang="id", date=None)` -> the stage's mentions for a hand-built Article."""

    def find(text: str, lang: str | None = "id", date: str | None = None) -> tuple[ActorMention, ...]:
        return actor_stage(make_article(text, lang, date)).actors

    return find
