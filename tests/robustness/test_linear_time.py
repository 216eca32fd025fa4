"""Linear in the input: the splitter on the once-quadratic shapes, the event stage on one long sentence."""

from __future__ import annotations

import time

import pytest

from warta.article import Article
from warta.language.sentences import load_abbreviations, split_sentences
from warta.pipeline import Pipeline, to_raw

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


COUNTRIES = ("Russia", "Ukraine", "France", "Spain", "Germany", "Italy", "Poland", "Turkey", "Iran",
             "Iraq", "Syria", "Egypt", "Israel", "Jordan", "Lebanon", "Libya", "Sudan", "Kenya",
             "Nigeria", "Brazil", "Mexico", "Canada", "Japan", "China", "India")


def _event_stage_seconds(pipeline: Pipeline, clauses: int) -> tuple[float, int]:
    """Best-of-five CPU seconds of the event stage alone on one sentence of `clauses` clauses, each
    an attack between another two countries (a sentence gives each event once)."""
    pairs = [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b][:clauses]
    article = Article(raw=to_raw("".join(f"{a} attacked {b}, " for a, b in pairs) + "and so on."))
    for stage in pipeline.stages:
        if stage.name == "events":
            break
        article = stage(article)
    assert len(article.sentences) == 1
    best, coded = float("inf"), 0
    for _ in range(5):
        started = time.process_time()
        coded = len(stage(article).events)
        best = min(best, time.process_time() - started)
    return best, coded


def test_one_sentence_of_many_clauses_is_coded_in_linear_time(pipeline: Pipeline) -> None:
    # a ratio, not a wall-clock limit: linear is ~4x for 4x the clauses, quadratic 16x (it was
    # 10x before modality bisected its marker lists instead of rescanning the sentence per trigger)
    small, small_events = _event_stage_seconds(pipeline, 100)
    large, large_events = _event_stage_seconds(pipeline, 400)
    assert (small_events, large_events) == (100, 400)
    assert large / small < 7.0, f"100 clauses {small:.3f} s, 400 clauses {large:.3f} s"
