"""Short Indonesian text is coded Indonesian, with its confidence; other short texts stay what they are."""

from __future__ import annotations

import pytest

import warta
from warta.language.detect import LanguageIdentifier


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(("id", "en"))


@pytest.mark.parametrize(("text", "lang"), [
    ("Putin bertemu Kim.", "id"),  # lingua over every language says Malay
    ("Harga BBM naik lagi", "id"),
    ("Polisi tangkap pelaku", "id"),
    ("Jokowi Bertemu PM Jepang", "id"),
    ("AMMDes Jamilah Berhasil Pukau Menkes", "id"),  # lingua: Finnish, 0.98
    ("Russia attacked Ukraine.", "en"),
    ("Perdana Menteri Malaysia berkata kerajaan akan meningkatkan peruntukan pertahanan.", "ms"),
    ("Kerajaan umum bantuan baharu", "ms"),
    ("Le ministre des affaires étrangères a déclaré que le gouvernement augmenterait son budget.", "fr"),
])
def test_short_texts(identifier: LanguageIdentifier, text: str, lang: str) -> None:
    assert identifier.identify(text) == lang


def test_the_rule_off_reproduces_the_old_answer() -> None:
    assert LanguageIdentifier(("id", "en"), short_chars=0).identify("Putin bertemu Kim.") == "ms"


def test_the_article_reports_how_a_short_text_was_decided(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze({"text": "Putin bertemu Kim."})
    assert article.lang == "id"
    note = next(w for w in article.warnings if w.startswith("short text"))
    assert "among en, id" in note and "confidence 0." in note


def test_one_loaded_language_takes_short_text_as_its_own() -> None:
    assert LanguageIdentifier(("id",)).detect("Putin bertemu Kim.").lang == "id"
