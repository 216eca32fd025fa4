"""Score coded events against a gold JSONL, and check translation invariance on PANL.

Gold records: `{id, text, date, expected: [{source, target, code}]}`; a field may list
alternatives with "|"; `cameo_root` stands in when `code` is null; a null actor was not coded
(any prediction matches it), '' means the sentence names no target. Only asserted and reported
events count: a hypothetical or negated event is not a claim that something happened.
Two levels: exact (full actor codes, full event code) and lenient (country = first 3 letters,
event root = first 2 digits). Predictions and gold are matched one-to-one per record.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.article import Article, Event
from warta.errors import InputError

COUNTED = ("asserted", "reported")
Triple = tuple[str, str, str]


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


@dataclass
class EvalResult:
    records: int = 0
    exact: Score = field(default_factory=Score)
    lenient: Score = field(default_factory=Score)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"records": self.records, "exact": self.exact.as_dict(), "lenient": self.lenient.as_dict()}


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file (gzip when it ends in .gz); a bad line names file:line."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def gold_triples(record: dict[str, Any]) -> list[tuple[str | None, str | None, str]]:
    """(source, target, code) alternatives strings of a record; events with no code are skipped."""
    out = []
    for event in record.get("expected") or []:
        code = event.get("code") or event.get("cameo_root") or record.get("cameo_root")
        if code:
            out.append((event.get("source"), event.get("target"), str(code)))
    return out


def predicted_triples(events: Iterable[Event]) -> list[Triple]:
    seen: dict[Triple, None] = {}
    for event in events:
        if event.modality in COUNTED and event.source is not None:
            seen[(event.source.code, event.target.code if event.target else "", event.code)] = None
    return list(seen)


def country(code: str) -> str:
    """The lenient actor level: the first three letters; '---' (country unknown) counts as none."""
    return "" if code.startswith("---") else code[:3]


def _actor_ok(gold: str | None, predicted: str, lenient: bool) -> bool:
    if gold is None:
        return True
    for option in gold.split("|"):
        option = option.strip()
        if (lenient and country(option) == country(predicted)) or (not lenient and option == predicted):
            return True
    return False


def root_ok(gold: str, predicted: str) -> bool:
    """Whether a predicted code has the CAMEO root of one of a gold event's alternatives."""
    return _code_ok(gold, predicted, True)


def _code_ok(gold: str, predicted: str, lenient: bool) -> bool:
    for option in gold.split("|"):
        option = option.strip()
        if lenient or len(option) == 2:
            if option[:2] == predicted[:2]:
                return True
        elif option == predicted:
            return True
    return False


def lenient_match(gold: tuple[str | None, str | None, str], predicted: Triple) -> bool:
    """Whether one predicted (source, target, code) fits one gold event at the lenient level."""
    source, target, code = gold
    return (_actor_ok(source, predicted[0], True) and _actor_ok(target, predicted[1], True)
            and _code_ok(code, predicted[2], True))


def match_count(gold: Sequence[tuple[str | None, str | None, str]], predicted: Sequence[Triple],
                lenient: bool) -> int:
    """Largest one-to-one matching between gold events (with alternatives) and predictions."""
    if lenient:
        predicted = list(dict.fromkeys((country(s), country(t), c[:2]) for s, t, c in predicted))
    else:
        predicted = list(predicted)
    fits = [[j for j, (ps, pt, pc) in enumerate(predicted)
             if _actor_ok(s, ps, lenient) and _actor_ok(t, pt, lenient) and _code_ok(c, pc, lenient)]
            for s, t, c in gold]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(assign(i, set()) for i in range(len(gold)))


def evaluate(records: Iterable[dict[str, Any]], analyze: Callable[[dict[str, Any]], Article],
             dataset: str | None = None) -> EvalResult:
    """Run `analyze` over gold records and score the events at both levels."""
    result = EvalResult()
    for record in records:
        if dataset and record.get("dataset") != dataset:
            continue
        gold = gold_triples(record)
        if not gold and record.get("expected"):
            continue  # gold with no code at all (quad class only) cannot be scored
        article = analyze(record)
        predicted = predicted_triples(article.events)
        result.records += 1
        for score, lenient in ((result.exact, False), (result.lenient, True)):
            hits = match_count(gold, predicted, lenient)
            score.tp += hits
            score.gold += len(gold)
            score.predicted += len(predicted) if not lenient else len(lenient_triples(predicted))
        if match_count(gold, predicted, True) < max(len(gold), len(predicted)):
            result.misses.append({"id": record.get("id"), "text": record.get("text"),
                                  "gold": gold, "predicted": predicted})
    return result


def lenient_triples(triples: Iterable[Triple]) -> set[Triple]:
    """(source, target, code) triples at the lenient level: countries and roots."""
    return {(country(s), country(t), c[:2]) for s, t, c in triples}


def lenient_set(article: Article) -> set[Triple]:
    return lenient_triples(predicted_triples(article.events))


@dataclass
class Agreement:
    sentences: int = 0
    with_events: int = 0
    agree: int = 0
    overlap: int = 0
    union: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {"sentences": self.sentences, "with_events": self.with_events,
                "agreement": round(self.agree / self.with_events, 3) if self.with_events else 0.0,
                "triple_jaccard": round(self.overlap / self.union, 3) if self.union else 0.0}


def translation_agreement(records: Iterable[dict[str, Any]],
                          analyze: Callable[[dict[str, Any]], Article]) -> Agreement:
    """How often the Indonesian and English sides of a sentence pair code to the same triples."""
    out = Agreement()
    for record in records:
        if not record.get("text_en"):
            continue
        out.sentences += 1
        indonesian = lenient_set(analyze({"id": record["id"], "text": record["text"], "lang": "id"}))
        english = lenient_set(analyze({"id": record["id"] + "-en", "text": record["text_en"], "lang": "en"}))
        if not indonesian and not english:
            continue
        out.with_events += 1
        out.agree += indonesian == english
        out.overlap += len(indonesian & english)
        out.union += len(indonesian | english)
    return out
