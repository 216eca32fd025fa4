"""Entity scoring matches seqeval's default reading of BIO."""

from __future__ import annotations

import pytest

from warta.actors.ner.corpus import map_tags
from warta.actors.ner.evaluate import bio_spans, score
from warta.errors import DataFileError


def test_spans_follow_conlleval() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER", "B-LOC"]
    assert bio_spans(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "PER"), (7, 8, "LOC")]


def test_exact_span_and_type_must_match() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC"]
    result = score([(gold, ["B-PER", "O", "O", "B-LOC"]), (["O"], ["B-ORG"])])
    assert (result.gold, result.predicted, result.correct) == (2, 3, 1)
    assert result.precision == pytest.approx(1 / 3)
    assert result.recall == pytest.approx(1 / 2)
    assert result.f1 == pytest.approx(0.4)


def test_no_entities_scores_zero_not_an_error() -> None:
    assert score([(["O"], ["O"])]).f1 == 0.0


def test_tag_names_are_mapped_and_dropped_types_become_o() -> None:
    mapping = {"PPL": "PER", "EVT": None}
    assert map_tags(["B-PPL", "I-PPL", "B-EVT", "O"], mapping, "x") == ["B-PER", "I-PER", "O", "O"]
    with pytest.raises(DataFileError, match="unknown tag 'B-FOO'"):
        map_tags(["B-FOO"], mapping, "train.jsonl:3")
