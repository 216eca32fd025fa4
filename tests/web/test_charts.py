"""The server-side SVG charts: shapes present, labels escaped, colours on the Goldstein scale."""

from __future__ import annotations

from typing import Any

from warta.web.charts import dyad_chart, goldstein_colour, network_chart


def period(start: str, counts: dict[str, int], mean: float | None) -> dict[str, Any]:
    return {"start": start, "counts": counts, "total": sum(counts.values()), "mean_goldstein": mean}


def test_dyad_chart_stacks_both_directions() -> None:
    report = {"a": "RUS", "b": "PRK", "directions": {
        "RUS→PRK": [period("2023-07-01", {"1": 2, "2": 0, "3": 0, "4": 1}, 0.0),
                    period("2023-08-01", {"1": 0, "2": 0, "3": 0, "4": 0}, None)],
        "PRK→RUS": [period("2023-07-01", {"1": 0, "2": 3, "3": 0, "4": 0}, 8.0),
                    period("2023-08-01", {"1": 1, "2": 0, "3": 0, "4": 0}, 2.0)]}}
    svg = str(dyad_chart(report))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count('class="quad1"') == 2 and svg.count('class="quad2"') == 1
    assert svg.count('class="quad4"') == 1
    assert "2023-07-01: mean Goldstein +4.00" in svg  # (0 * 3 events + 8 * 3 events) / 6
    assert 'class="goldstein"' in svg


def test_dyad_chart_without_dated_events_says_so() -> None:
    assert "No dated events" in str(dyad_chart({"a": "A", "b": "B", "directions": {"A→B": [], "B→A": []}}))


def test_network_escapes_labels_and_links_pairs() -> None:
    edges = [{"a": "PRK", "b": "RUS", "events": 25, "mean_goldstein": 5.9},
             {"a": "<b>", "b": "USA", "events": 1, "mean_goldstein": -8.0}]
    svg = str(network_chart(edges))
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert 'href="/ui/dyads/PRK/RUS"' in svg
    assert svg.count('class="edge"') == 2 and svg.count('class="node"') == 4


def test_goldstein_colours() -> None:
    assert goldstein_colour(None) == goldstein_colour(0.0) == "#969696"
    blue, red = goldstein_colour(10.0), goldstein_colour(-10.0)
    assert blue == "#2166ac" and red == "#cb181d"
    assert goldstein_colour(50.0) == blue  # clamped
