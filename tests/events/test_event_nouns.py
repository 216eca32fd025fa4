"""Event nouns (lang/<code>/triggers-nouns.tsv): "a meeting of", "serangan", decided by the model."""

from __future__ import annotations

import pytest

import warta
from warta.events.candidates import Candidate
from warta.events.lexicon import read_lexicon
from warta.events.ontology import Ontology
from warta.events.stage import EventStage
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
