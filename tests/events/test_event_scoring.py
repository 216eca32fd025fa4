"""The event scorer: alternatives, levels, one-to-one matching, what counts."""

from __future__ import annotations

from warta.article import Event, EventActor, Sentence, Trigger
from warta.events.evaluate import gold_triples, match_count, predicted_triples


def event(source: str, target: str | None, code: str, modality: str = "asserted") -> Event:
    actor = EventActor(source, source, 0, 1)
    return Event(code=code, root=code[:2], name="", quad_class=1, goldstein=0.0, plover=None,
                 source=actor, target=EventActor(target, target, 2, 3) if target else None,
                 trigger=Trigger("x", 1, 2), sentence=Sentence(0, 3), modality=modality)


def test_only_asserted_and_reported_count() -> None:
    events = [event("USA", "RUS", "111"), event("USA", "RUS", "190", "hypothetical"),
              event("USA", "PRK", "112", "reported"), event("USA", "PRK", "120", "negated")]
    assert predicted_triples(events) == [("USA", "RUS", "111"), ("USA", "PRK", "112")]


def test_alternatives_levels_and_empty_target() -> None:
    gold = gold_triples({"expected": [{"source": "DEU|IGO", "target": "IRN", "code": "03|01"},
                                      {"source": "IND", "target": "", "code": "17"}]})
    predicted = [("IGOEUREEC", "IRNGOV", "036"), ("INDCOP", "", "173")]
    assert match_count(gold, predicted, lenient=True) == 2
    assert match_count(gold, predicted, lenient=False) == 0


def test_root_only_gold_and_unknown_country() -> None:
    record = {"cameo_root": "14", "expected": [{"source": "RWALEG", "target": "---", "code": None}]}
    gold = gold_triples(record)
    assert gold == [("RWALEG", "---", "14")]
    assert match_count(gold, [("RWALEG", "", "141")], lenient=False) == 0
    assert match_count(gold, [("RWALEG", "", "141")], lenient=True) == 1
    assert match_count(gold, [("RWALEG", "---", "141")], lenient=False) == 1


def test_matching_is_one_to_one_and_maximal() -> None:
    gold = [("USA|RUS", "PRK", "01"), ("USA", "PRK", "01")]
    assert match_count(gold, [("USA", "PRK", "010"), ("RUS", "PRK", "010")], lenient=False) == 2
    assert match_count(gold, [("USA", "PRK", "010")], lenient=False) == 1
