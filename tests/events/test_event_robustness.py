"""No text crashes the coder: random sentences from dictionary words, trigger verbs and actors."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.article import ActorMention, Article, Event
from warta.events.coder import LanguageCoder
from warta.lang import language_dir
from warta.language.sentences import load_abbreviations, split_sentences

with gzip.open(str(language_dir("id").joinpath("id-roots-1.txt.gz")), "rt", encoding="utf-8") as fh:
    ROOTS = [w.strip() for w in fh][::97]  # a spread of the 30k roots
with gzip.open(str(language_dir("id").joinpath("id-lemmas-1.tsv.gz")), "rt", encoding="utf-8") as fh:
    FORMS = [line.split("\t")[0] for line in fh][::7]  # inflected forms of trigger roots
FUNCTION = ["yang", "dan", ",", "bahwa", "oleh", "ke", "kepada", "untuk", "tidak", "akan", "kata",
            "menurut", "di", ".", "dengan", "tersebut", "(", ")", "-", "the", "by", "that", "said", "not"]
ACTORS = [("Rusia", "RUS"), ("Korea Utara", "PRK"), ("Amerika Serikat", "USA"), ("keduanya", "RUSGOV"),
          ("PBB", "IGOUNO"), ("Israel", "ISR")]
ABBREVIATIONS = load_abbreviations(("id", "en"))

piece = st.one_of(st.sampled_from(ROOTS), st.sampled_from(FORMS), st.sampled_from(FUNCTION),
                  st.sampled_from(ACTORS), st.text(max_size=6))


def build(pieces: list[object]) -> Article:
    text, actors = "", []
    for item in pieces:
        if text:
            text += " "
        if isinstance(item, tuple):
            actors.append(ActorMention(len(text), len(text) + len(item[0]), item[0], item[1]))
            text += item[0]
        else:
            text += str(item)
    return Article(id="h", text=text, lang="id", sentences=tuple(split_sentences(text, ABBREVIATIONS)),
                   actors=tuple(actors))


def check(events: list[Event], article: Article) -> None:
    for e in events:
        assert article.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.source is not None and article.text[e.source.start:e.source.end] == e.source.text
        assert e.modality in ("asserted", "reported", "hypothetical", "negated")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece, max_size=40))
def test_random_indonesian_sentences_never_crash(coders: dict[str, LanguageCoder],
                                                 pieces: list[object]) -> None:
    article = build(pieces)
    check(coders["id"].code(article.text, article.sentences, article.actors), article)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece, max_size=40))
def test_random_sentences_never_crash_the_english_coder(coders: dict[str, LanguageCoder],
                                                        pieces: list[object]) -> None:
    article = build(pieces)
    check(coders["en"].code(article.text, article.sentences, article.actors), article)


def test_overlapping_and_odd_mentions(coders: dict[str, LanguageCoder]) -> None:
    text = "Rusia-Korea Utara mengecam ( PBB ) ,, yang yang oleh oleh."
    actors = (ActorMention(0, 5, "Rusia", "RUS"), ActorMention(2, 17, "sia-Korea Utara", "PRK"),
              ActorMention(28, 31, "PBB", "IGOUNO"), ActorMention(28, 31, "PBB", "IGOUNO"))
    article = Article(id="o", text=text, lang="id", sentences=tuple(split_sentences(text, ABBREVIATIONS)),
                      actors=actors)
    check(coders["id"].code(text, article.sentences, actors), article)


def test_empty_inputs(coders: dict[str, LanguageCoder], tmp_path: Path) -> None:
    assert coders["id"].code("", (), ()) == []
    assert coders["en"].code("x", (), ()) == []
