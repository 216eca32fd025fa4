"""The sentence splitter is linear in its input: the shapes that were quadratic run in well under a second."""

from __future__ import annotations

import time

import pytest

from warta.language.sentences import load_abbreviations, split_sentences

ABBREVIATIONS = load_abbreviations(("id", "en"))


@pytest.mark.parametrize(("text", "count"), [
    ("Ab cd. " * 32_000, 32_000),  # 224 KB; took 151 s before (a search from offset 0 per full stop)
    ("Russia attacked Ukraine. " * 16_000, 16_000),
    ("kata" + "." * 200_000 + " B", 2),  # one run of stops is one boundary attempt, not one per dot
    ("Dr. A. B. Kirby. " * 20_000, 20_000),  # every dot asks the abbreviation list
    ("x" * 200_000 + ". Y", 2),  # the word before the dot is read back only as far as it matters
])
def test_splitting_the_issues_shapes_is_fast(text: str, count: int) -> None:
    started = time.process_time()
    spans = split_sentences(text, ABBREVIATIONS)
    assert time.process_time() - started < 2.0
    assert len(spans) == count


def test_abbreviations_and_initials_still_do_not_split() -> None:
    text = "Kata Dr. Kirby, J. Kirby dan A.S. di U.S. hari ini. Besok lagi."
    assert [text[s.start:s.end] for s in split_sentences(text, ABBREVIATIONS)] == [
        "Kata Dr. Kirby, J. Kirby dan A.S. di U.S. hari ini.", "Besok lagi."]
