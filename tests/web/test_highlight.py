"""Cutting article text into marked runs: overlaps, bad spans, hover text, colours."""

from __future__ import annotations

from typing import Any

from warta.web.highlight import colour_class, run_classes, run_title, split_runs

TEXT = "Presiden Rusia Vladimir Putin mengunjungi Pyongyang."


def article(actors: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"text": TEXT, "actors": actors, "events": events}


def mention(start: int, end: int, code: str) -> dict[str, Any]:
    return {"start": start, "end": end, "text": TEXT[start:end], "code": code, "how": "dictionary",
            "name": None}


def event(start: int, end: int, modality: str = "asserted") -> dict[str, Any]:
    return {"code": "042", "name": "Make a visit", "goldstein": 1.9, "quad_class": 1, "modality": modality,
            "rule": "id-events-1:visit", "trigger": {"start": start, "end": end, "text": TEXT[start:end]},
            "source": {"code": "RUSGOV", "text": "Vladimir Putin"},
            "target": {"code": "PRK", "text": "Pyongyang"}}


def test_runs_cover_the_text_exactly_once() -> None:
    doc = article([mention(0, 29, "RUSGOV"), mention(9, 14, "RUS"), mention(42, 51, "PRK")], [event(30, 41)])
    runs = split_runs(doc)
    assert "".join(r.text for r in runs) == TEXT
    nested = next(r for r in runs if r.text == "Rusia")
    assert nested.actors == (0, 1)  # inside "Presiden Rusia Vladimir Putin" and itself
    trigger = next(r for r in runs if r.events)
    assert trigger.text == "mengunjungi" and trigger.actors == ()


def test_overlapping_trigger_and_actor_split_cleanly() -> None:
    runs = split_runs(article([mention(15, 29, "RUSGOV")], [event(24, 41)]))
    assert [(r.text, r.actors, r.events) for r in runs if r.marked] == [
        ("Vladimir ", (0,), ()), ("Putin", (0,), (0,)), (" mengunjungi", (), (0,))]


def test_spans_outside_the_text_are_ignored() -> None:
    runs = split_runs(article([mention(40, 400, "PRK"), {"start": "0", "end": 3, "code": "X"}],
                              [event(-1, 5), {"trigger": None}]))
    assert runs == [runs[0]] and runs[0].text == TEXT and not runs[0].marked


def test_empty_article_has_no_runs() -> None:
    assert split_runs({"text": ""}) == []


def test_hover_text_and_classes_name_code_goldstein_modality_rule() -> None:
    doc = article([mention(15, 29, "RUSGOV")], [event(30, 41, "hypothetical")])
    runs = split_runs(doc)
    actor_run = next(r for r in runs if r.actors)
    assert run_title(actor_run, doc) == "RUSGOV · Vladimir Putin (dictionary)"
    assert run_classes(actor_run, doc) == f"actor {colour_class('RUSGOV')}"
    event_run = next(r for r in runs if r.events)
    title = run_title(event_run, doc)
    for part in ("042", "Make a visit", "+1.9", "hypothetical", "id-events-1:visit", "RUSGOV", "PRK"):
        assert part in title
    assert run_classes(event_run, doc) == "trigger quad1 unreal"


def test_colour_follows_the_country() -> None:
    assert colour_class("RUS") == colour_class("RUSGOV") == colour_class("RUSMIL")
    assert colour_class("RUS").startswith("actor-c")
