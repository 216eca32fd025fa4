"""Event nouns (lang/<code>/triggers-nouns.tsv): "a meeting of", "serangan", decided by the model."""

from __future__ import annotations

import pytest

import warta
from warta.events.candidates import Candidate, between_groups, sentence_candidates
from warta.events.coder import _actors_by_sentence
from warta.events.lexicon import read_lexicon
from warta.events.ontology import Ontology
from warta.events.stage import EventStage
from warta.events.tokens import build_view
from warta.lang import language_dir


@pytest.mark.parametrize("lang", ["id", "en"])
def test_noun_lexicon_loads_with_codebook_codes(lang: str) -> None:
    lexicon = read_lexicon(language_dir(lang).joinpath("triggers-nouns.tsv"), Ontology.load())
    assert lexicon.version == f"{lang}-triggers-nouns-1"
    roots = {e.code[:2] for e in lexicon.entries}
    assert {"04", "14", "17", "19"} <= roots and all(e.kind == "noun" for e in lexicon.entries)


@pytest.mark.parametrize(("text", "lang", "word", "root"), [
    ("Kunjungan Presiden Rusia ke Korea Utara menimbulkan kekhawatiran di Seoul.", "id", "Kunjungan", "04"),
    ("Aid from Japan to Indonesia reached Aceh on Monday.", "en", "Aid", "07"),
])
def test_a_noun_is_a_candidate_the_model_decides(pipeline: warta.Pipeline, text: str, lang: str,
                                                 word: str, root: str) -> None:
    article = pipeline.analyze({"id": "n", "text": text, "lang": lang})
    coder = next(s for s in pipeline.stages if isinstance(s, EventStage)).coders[lang]
    found: list[Candidate] = []
    coder.code(article.text, article.sentences, article.actors, collect=found)
    nouns = [c for c in found if c.match.pattern.rule.startswith(f"{lang}-triggers-nouns-1:codebook:")]
    assert nouns and all(c.match.pattern.code[:2] == root for c in nouns)
    # a noun's event, when there is one, is the model's decision and names it
    for event in article.events:
        if event.trigger.text.startswith(word):
            assert event.rule.startswith(f"events-{lang}-1:")


def _noun_pairs(pipeline: warta.Pipeline, text: str, lang: str, word: str) -> set[tuple[str, str]]:
    """(source, target) countries of every candidate of the trigger `word`, as the coder builds them."""
    article = pipeline.analyze({"id": "n", "text": text, "lang": lang})
    coder = next(s for s in pipeline.stages if isinstance(s, EventStage)).coders[lang]
    m = coder.patterns.markers
    for sentence, inside in _actors_by_sentence(article.sentences, article.actors):
        view = build_view(article.text, sentence, inside)
        for match in coder.matcher.find(view):
            if view.tokens[match.first].text == word:
                between = between_groups(view, match, m["between"], m["between_idiom"], m["coordinators"])
                return {(c.source.actors[0].code[:3], c.target.actors[0].code[:3] if c.target else "")
                        for c in sentence_candidates(view, None, match, (set(), set()), "asserted", between)}
    raise AssertionError(f"no trigger {word!r}")


@pytest.mark.parametrize(("text", "lang", "word", "inside"), [
    # the seed's sentence: the agreement is Russia's and North Korea's ("kedua negara", by coreference
    # with the sentence before), not that of the United States, the sentence's subject
    ("Hubungan antara Rusia dan Korea Utara semakin dekat. Sebagai respons, Amerika Serikat baru-baru ini "
     "memberlakukan sanksi terhadap tiga entitas yang diduga terlibat dalam perjanjian senjata antara "
     "kedua negara.", "id", "perjanjian", {"RUS", "PRK"}),
    ("Amerika Serikat khawatir akan perundingan senjata antara Rusia dan Korea Utara.", "id",
     "perundingan", {"RUS", "PRK"}),
    ("The United States is worried about arms talks between Russia and North Korea.", "en", "talks",
     {"RUS", "PRK"}),
])
def test_a_noun_between_two_actors_is_theirs(pipeline: warta.Pipeline, text: str, lang: str, word: str,
                                             inside: set[str]) -> None:
    pairs = _noun_pairs(pipeline, text, lang, word)
    assert pairs and {s for s, _ in pairs} <= inside and {t for _, t in pairs} <= inside | {""}


def test_among_others_is_no_between_phrase(pipeline: warta.Pipeline) -> None:
    # "antara lain" (among others): the sentence's actors stay candidates of the noun
    text = "Amerika Serikat mengecam serangan antara lain terhadap Rusia dan Korea Utara."
    assert "USA" in {s for s, _ in _noun_pairs(pipeline, text, "id", "serangan")}
