"""The matcher's nominal and passive tests read their words from [markers], not from the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import DataFileError
from warta.events.coder import LanguageCoder
from warta.events.ontology import Ontology
from warta.events.patterns import parse_patterns
from warta.events.tokens import Token, tokenize


def _tokens(text: str) -> tuple[Token, ...]:
    return tokenize(text, 0, len(text))


@pytest.mark.parametrize(("word", "nominal"), [
    ("serangannya", True), ("penangkapan", True), ("menyerukan", False), ("dilakukan", False),
    ("bertahan", False), ("serang", False),
])
def test_indonesian_nominal(coders: dict[str, LanguageCoder], word: str, nominal: bool) -> None:
    assert coders["id"].matcher.is_nominal(_tokens(word)[0]) is nominal


@pytest.mark.parametrize(("text", "index", "passive"), [
    # "digeruduk": no reading of it at all, so only the di- fallback makes it passive
    ("kantor itu digeruduk", 2, True), ("Digeruduk", 0, False), ("kantor itu dikecam", 2, True),
    ("mereka menyerang", 1, False),
])
def test_indonesian_passive(coders: dict[str, LanguageCoder], text: str, index: int,
                            passive: bool) -> None:
    assert coders["id"].matcher._passive(_tokens(text), index) is passive


@pytest.mark.parametrize(("text", "index", "passive"), [
    ("officials accused of", 1, True), ("a city seized by", 2, True), ("it was not seized", 3, True),
    ("it was reportedly seized", 3, True), ("it has seized", 2, False), ("rebels seized it", 1, False),
])
def test_english_passive(coders: dict[str, LanguageCoder], text: str, index: int, passive: bool) -> None:
    assert coders["en"].matcher._passive(_tokens(text), index) is passive


@pytest.mark.parametrize("value", ['"di"', '["di", 3]', '[""]'])
def test_malformed_marker_names_the_file(tmp_path: Path, value: str) -> None:
    path = tmp_path / "events.toml"
    path.write_text(f'version = "xx-events-1"\n\n[markers]\npassive_fallback_prefixes = {value}\n\n'
                    '[[pattern]]\nid = "a"\ncode = "042"\nphrases = ["kunjung"]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="passive_fallback_prefixes") as caught:
        parse_patterns(path, "xx", Ontology.load())
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(("text", "code"), [
    # exact-word rows (lang/id/triggers-nouns.tsv "=perundingan", "=pembicaraan"): their plural by
    # full reduplication is the same trigger; a word with a different half is not
    ("Setelah perundingan-perundingan yang sulit", "046"), ("Setelah perundingan yang sulit", "046"),
    ("Setelah pembicaraan-pembicaraan yang sulit", "040"), ("Setelah surat-surat yang sulit", None),
    ("Setelah perundingan-pembicaraan yang sulit", None),
])
def test_a_plural_by_reduplication_is_its_word(coders: dict[str, LanguageCoder], text: str,
                                               code: str | None) -> None:
    match = coders["id"].matcher._best_at(_tokens(text), 1)
    assert (match.pattern.code if match else None) == code
