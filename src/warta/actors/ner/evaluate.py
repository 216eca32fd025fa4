"""Entity-level precision, recall and F1 with exact span match, as seqeval computes them.

Chunks follow seqeval's default (conlleval) reading of BIO: an `I-` tag with no matching
`B-` before it starts a new entity, so stray `I-` tags in the corpora still count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    correct: int


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token exclusive, type) for each entity in a BIO sequence."""
    spans: list[tuple[int, int, str]] = []
    begin, kind = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, tag_kind = tag.partition("-")
        inside = prefix == "I" and begin >= 0 and tag_kind == kind
        if inside:
            continue
        if begin >= 0:
            spans.append((begin, i, kind))
            begin, kind = -1, ""
        if prefix in ("B", "I"):
            begin, kind = i, tag_kind
    if begin >= 0:
        spans.append((begin, len(tags), kind))
    return spans


def score(pairs: Iterable[tuple[list[str], list[str]]]) -> Score:
    """Micro-averaged entity scores over (gold tags, predicted tags) sequence pairs."""
    gold = predicted = correct = 0
    for gold_tags, predicted_tags in pairs:
        gold_spans = set(bio_spans(gold_tags))
        predicted_spans = set(bio_spans(predicted_tags))
        gold += len(gold_spans)
        predicted += len(predicted_spans)
        correct += len(gold_spans & predicted_spans)
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, gold, predicted, correct)
