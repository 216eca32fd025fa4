"""Score actor coding against event gold sets (petrarch2 GSR, CAMEO manual examples).

The gold lists the source and target of each coded event, so it names the actors that take
part in events, not every actor in the sentence: recall is the real figure, precision is a
lower bound (an actor we find that is in no gold event counts against us).

Two levels: `full` (the whole code: USAGOV = USAGOV) and `country` (the first three letters:
USA, IGO, or the whole code for "---ROLE"). Gold codes are cleaned first: '***' markers are
dropped and empty/'---' codes skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.article import ActorMention


@dataclass
class Tally:
    """Matched/total counts for one level."""

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_right: int = 0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"recall": round(self.recall, 4), "precision_lower_bound": round(self.precision, 4),
                "gold": self.gold, "predicted": self.predicted}


def clean_gold(code: str | None) -> str | None:
    if not code:
        return None
    code = code.replace("*", "").strip()
    return code if code and code != "---" else None


def country_key(code: str) -> str:
    return code if code.startswith("---") else code[:3]


def gold_codes(record: dict[str, Any]) -> set[str]:
    out = set()
    for event in record.get("expected", ()):
        for side in ("source", "target"):
            code = clean_gold(event.get(side))
            if code:
                out.add(code)
    return out


def load_records(path: str | Path, dataset: str | None = None) -> list[dict[str, Any]]:
    """JSONL gold records, optionally only one `dataset` (e.g. petrarch2_gsr_gigaword)."""
    records = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if dataset is None or record.get("dataset") == dataset:
                    records.append(record)
    return records


def score(pairs: Iterable[tuple[set[str], Iterable[ActorMention]]]) -> dict[str, Tally]:
    """Tallies for (gold codes, predicted mentions) pairs, one pair per sentence.

    A gold code may list equally good answers with '|' ("DEU|IGO"): any of them counts.
    """
    tallies = {"full": Tally(), "country": Tally()}
    for gold, mentions in pairs:
        predicted = {m.code for m in mentions if m.kind != "place"}
        for level, key in (("full", str), ("country", country_key)):
            slots = {frozenset(key(alt) for alt in code.split("|") if alt) for code in gold}
            slots.discard(frozenset())
            accepted = set().union(*slots) if slots else set()
            pred_keys = {key(c) for c in predicted}
            tally = tallies[level]
            tally.gold += len(slots)
            tally.gold_found += sum(1 for slot in slots if slot & pred_keys)
            tally.predicted += len(pred_keys)
            tally.predicted_right += len(pred_keys & accepted)
    return tallies


def seed_coverage(text: str, mentions: tuple[ActorMention, ...],
                  expectations: list[dict[str, Any]]) -> tuple[float, list[str]]:
    """Share of seed expectations met, and what is missing.

    An expectation {"text", "codes", "all", "exact"} is met when some occurrence of `text`
    (case-insensitive) is covered by mentions with an acceptable code -- every code in `codes`
    when `all`, one of them otherwise -- and, when `exact`, one mention spans exactly that text.
    """
    missing = []
    low = text.lower()
    for want in expectations:
        if not _met(low, mentions, want):
            missing.append(f"{want['text']} -> {'+'.join(want['codes'])}")
    met = len(expectations) - len(missing)
    return (met / len(expectations) if expectations else 1.0), missing


def _met(low: str, mentions: tuple[ActorMention, ...], want: dict[str, Any]) -> bool:
    phrase = want["text"].lower()
    start = low.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        near = [m for m in mentions if m.kind != "place" and m.start < end and start < m.end
                and (not want.get("exact") or (m.start == start and m.end == end))]
        codes = {m.code for m in near}
        if (want.get("all") and set(want["codes"]) <= codes) or \
                (not want.get("all") and codes & set(want["codes"])):
            return True
        start = low.find(phrase, start + 1)
    return False
