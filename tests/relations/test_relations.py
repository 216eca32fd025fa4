"""Dyad series, trend and level verdicts on constructed event streams with known answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from warta.relations import DyadEvent, assess_level, assess_trend, dyad_series
from warta.relations.plot import plot_dyad
from warta.relations.stored import stored_dyad_events
from warta.store import Reader, StoreError

GOLDSTEIN = {1: 3.0, 2: 7.0, 3: -2.0, 4: -9.0}


def stream(quads_by_month: list[list[int]], source: str = "RUS", target: str = "PRK",
           modality: str = "asserted") -> list[DyadEvent]:
    out = []
    for month, quads in enumerate(quads_by_month, start=1):
        for i, quad in enumerate(quads):
            day = dt.date(2023, month, 1 + i)
            out.append(DyadEvent(day, source, target, quad, GOLDSTEIN[quad], modality,
                                 event_id=f"{source}{month}-{i}"))
    return out


def test_periods_count_quad_classes_per_direction_and_fill_gaps() -> None:
    events = stream([[1, 2], [], [4]]) + stream([[3]], source="PRK", target="RUS")
    series = dyad_series(events, "RUS", "PRK", by="month")
    forward = series.periods["RUS→PRK"]
    assert [p.start for p in forward] == [dt.date(2023, 1, 1), dt.date(2023, 2, 1), dt.date(2023, 3, 1)]
    assert [p.total for p in forward] == [2, 0, 1]
    assert forward[0].cooperation_index == 1.0 and forward[2].cooperation_index == -1.0
    assert forward[0].mean_goldstein == 5.0 and forward[1].mean_goldstein is None
    assert [p.total for p in series.periods["PRK→RUS"]] == [1, 0, 0]


def test_weeks_start_on_monday() -> None:
    events = [DyadEvent(dt.date(2023, 9, 7), "RUS", "PRK", 1, 3.0)]  # a Thursday
    series = dyad_series(events, "RUS", "PRK", by="week")
    assert series.periods["RUS→PRK"][0].start == dt.date(2023, 9, 4)


def test_hypothetical_and_negated_events_do_not_count() -> None:
    events = stream([[2]]) + stream([[2]], modality="hypothetical") + stream([[4]], modality="negated")
    assert len(dyad_series(events, "RUS", "PRK").events) == 1


def test_other_dyads_are_left_out() -> None:
    events = stream([[1]]) + stream([[4]], source="USA", target="PRK")
    assert {(e.source, e.target) for e in dyad_series(events, "RUS", "PRK").events} == {("RUS", "PRK")}


def test_warming_relation_is_closer() -> None:
    events = stream([[4, 4, 3], [4, 3, 3], [3, 1, 3], [1, 1, 2], [2, 2, 1], [2, 2, 2]])
    trend = assess_trend(events)
    assert trend.verdict == "closer"
    assert trend.low is not None and trend.low > 0


def test_cooling_relation_is_more_hostile() -> None:
    events = stream([[2, 2, 1], [2, 1, 1], [1, 3, 1], [3, 3, 4], [4, 4, 3], [4, 4, 4]])
    assert assess_trend(events).verdict == "more hostile"


def test_flat_noisy_relation_has_no_clear_change() -> None:
    events = stream([[1, 4, 2, 3], [4, 1, 3, 2], [2, 3, 1, 4], [3, 2, 4, 1]])
    assert assess_trend(events).verdict == "no clear change"


def test_too_little_data_gives_no_verdict() -> None:
    trend = assess_trend(stream([[1, 2], [4]]))
    assert trend.verdict == "too little data" and trend.value is None
    assert "too little data" in trend.describe()


def test_level_reads_cooperative_and_conflictual() -> None:
    assert assess_level(stream([[1, 2, 2, 1, 2]])).verdict == "cooperative"
    assert assess_level(stream([[4, 3, 4, 4]])).verdict == "conflictual"
    assert assess_level(stream([[1]])).verdict == "too few events"


def test_plot_writes_png_and_svg(tmp_path: Path) -> None:
    events = stream([[1, 2], [3], [4, 1]]) + stream([[2]], source="PRK", target="RUS")
    series = dyad_series(events, "RUS", "PRK")
    trends = {name: assess_trend(series.events) for name in series.periods}
    png = plot_dyad(series, trends, tmp_path / "dyad.png")
    svg = plot_dyad(series, trends, tmp_path / "dyad.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:400]


def test_a_failed_dyad_query_is_a_one_line_store_error() -> None:
    with duckdb.connect() as conn, pytest.raises(StoreError, match="query failed") as info:
        stored_dyad_events(Reader(conn), "RUS", "PRK")  # no story_events here
    assert "\n" not in str(info.value)
