"""Score a parser on gold sentences: UAS, LAS and UPOS accuracy over every token, punctuation included.

Counting every token (as the CoNLL 2018 shared task does) rather than spaCy's punctuation-free
figure keeps the numbers comparable with published UD scores, up to tokenization: scores here are
on warta's tokens (see `warta.syntax.conllu`), not UD's. LAS wants the full label ("nmod:poss").
Each sentence is parsed alone from its gold words, the way `parse_words` is called.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from warta.syntax.conllu import Sentence


@dataclass(frozen=True, slots=True)
class Scores:
    sentences: int
    tokens: int
    uas: float  # percent
    las: float
    upos: float

    def as_dict(self) -> dict[str, float | int]:
        return {"sentences": self.sentences, "tokens": self.tokens, "uas": self.uas, "las": self.las,
                "upos": self.upos}


def score(nlp: Any, sentences: Iterable[Sentence]) -> Scores:
    """Parse each sentence's gold words with `nlp` and count agreeing heads, labels and UPOS."""
    from warta.syntax.parse import run_pipeline

    count = tokens = heads = labels = tags = 0
    for sentence in sentences:
        words = sentence.words
        doc = run_pipeline(nlp, [w.form for w in words], [w.space_after for w in words])
        count += 1
        for gold, token in zip(words, doc, strict=True):
            tokens += 1
            gold_head = token.i if gold.head < 0 else gold.head
            if token.head.i == gold_head:
                heads += 1
                gold_dep = "ROOT" if gold.head < 0 else gold.deprel
                labels += token.dep_ == gold_dep
            tags += token.pos_ == gold.upos
    if not tokens:
        return Scores(count, 0, 0.0, 0.0, 0.0)
    return Scores(count, tokens, round(100 * heads / tokens, 2), round(100 * labels / tokens, 2),
                  round(100 * tags / tokens, 2))
