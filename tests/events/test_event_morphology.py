"""Indonesian and English forms reduce to the roots the patterns are keyed by."""

from __future__ import annotations

import pytest

from warta.events.morphology import EnglishMorphology, IndonesianMorphology


@pytest.fixture(scope="module")
def morph() -> IndonesianMorphology:
    return IndonesianMorphology.load()


@pytest.mark.parametrize(("word", "root"), [
    ("mengunjungi", "kunjung"),  # a stemmer strips this to "unjung"
    ("diberlakukan", "laku"),  # not in the nlp-id dictionary: affix rules
    ("memberlakukan", "laku"),
    ("memperingatkan", "ingat"),
    ("menyerang", "serang"),
    ("menembaki", "tembak"),
    ("menjatuhkan", "jatuh"),
    ("kekhawatiran", "khawatir"),
    ("kunjungannya", "kunjung"),  # clitic
    ("ditangkapnya", "tangkap"),
    ("surat-surat", "surat"),  # reduplication
    ("tembak-menembak", "tembak"),
    ("berunding", "runding"),
    ("perundingan", "runding"),
    ("mengirimkan", "kirim"),
    ("dikirimkan", "kirim"),
    ("menandatangani", "tandatangan"),
])
def test_indonesian_roots(morph: IndonesianMorphology, word: str, root: str) -> None:
    extra = IndonesianMorphology(morph.lexicon, morph.roots | {"tandatangan"})
    assert root in extra.lemmas(word)


def test_diberlakukan_also_reads_as_berlaku(morph: IndonesianMorphology) -> None:
    assert {"laku", "berlaku"} <= morph.lemmas("diberlakukan")


@pytest.mark.parametrize(("word", "passive"), [
    ("ditangkap", True), ("tertangkap", True), ("diberlakukan", True), ("dipertimbangkan", True),
    ("menangkap", False), ("mengunjungi", False), ("bertemu", False),
])
def test_passive_prefixes(morph: IndonesianMorphology, word: str, passive: bool) -> None:
    assert any(a.passive for a in morph.analyze(word)) is passive


def test_unknown_words_do_not_invent_roots(morph: IndonesianMorphology) -> None:
    assert morph.lemmas("xqzv") == frozenset()
    assert morph.analyze("") == ()


@pytest.mark.parametrize(("word", "lemma"), [
    ("visited", "visit"), ("visits", "visit"), ("met", "meet"), ("accuses", "accuse"),
    ("planned", "plan"), ("arrested", "arrest"), ("imposing", "impose"), ("sanctions", "sanction"),
])
def test_english_lemmas(word: str, lemma: str) -> None:
    morph = EnglishMorphology(frozenset({"visit", "meet", "accuse", "plan", "arrest", "impose", "sanction"}))
    assert lemma in morph.lemmas(word)
