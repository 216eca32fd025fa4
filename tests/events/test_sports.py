"""A match report is no event: two words of lang/<code>/sports_words.txt make a sentence sport."""

from __future__ import annotations

import pytest

import warta
from warta.events.coder import sports_report
from warta.events.stage import sports_words


@pytest.mark.parametrize(("text", "lang"), [
    ("Persija Jakarta menjamu Persib Bandung dalam laga Liga 1 di Stadion Gelora Bung Karno, Sabtu.", "id"),
    ("Timnas Indonesia ditahan imbang Thailand pada pertandingan Piala AFF di Bangkok.", "id"),
    ("England beat Germany 2-1 in the World Cup match in Moscow on Saturday.", "en"),
    ("Japan attacked relentlessly but Spain scored the winning goal in the second half of the match.", "en"),
])
def test_a_match_report_has_no_events(pipeline: warta.Pipeline, text: str, lang: str) -> None:
    # without the lists each gives one or two (hosting 043, arrest 173, assault 182, fighting 190)
    article = pipeline.analyze({"id": "s", "text": text, "lang": lang})
    assert article.actors and not article.events


def test_the_same_verbs_in_political_news_are_events(pipeline: warta.Pipeline) -> None:
    # one sports-list word ("stadion") is no match report: the attack stays an event
    text = "Rusia menyerang Ukraina di dekat stadion kota Kharkiv, Sabtu."
    article = pipeline.analyze({"id": "s", "text": text, "lang": "id"})
    assert [e.code[:2] for e in article.events] == ["19"]


def test_lists_ship_for_both_languages() -> None:
    for lang in ("id", "en"):
        words = sports_words(lang)
        match = ["liga", "gol"] if lang == "id" else ["league", "goal"]
        assert len(words) > 50 and sports_report(match, words)
        assert not sports_report(["menyerang", "pemerintah", "pasukan"], words)
