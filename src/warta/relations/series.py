"""Bin a dyad's events into weeks or months: counts by quad class, mean Goldstein, a coop–conflict index.

Only events the text asserts or reports count by default: a hypothetical or denied event is not
evidence that relations moved (see `COUNTED_MODALITIES`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from warta.store.filters import COUNTED_MODALITIES as STORE_COUNTED
from warta.store.queries import PERIODS as STORE_PERIODS

PERIODS = STORE_PERIODS[:3]  # a series bins by day, week or month (the store also by quarter and year)
COUNTED_MODALITIES = frozenset(STORE_COUNTED)
# The quad classes as every interface names and colours them (CLI tables, plots, the dashboard).
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
QUAD_COLOURS = {1: "#9ecae1", 2: "#3182bd", 3: "#fdae6b", 4: "#d94801"}


@dataclass(frozen=True, slots=True)
class DyadEvent:
    """The few fields of a stored event that relations need."""

    date: dt.date | None  # None when the article has no date: counted in the level, not the series
    source: str  # country (or IGO) code of the source actor
    target: str
    quad_class: int
    goldstein: float
    modality: str = "asserted"
    event_id: str = ""
    sentence: str = ""
    article_id: str = ""
    code: str = ""


@dataclass
class Period:
    """One week or month of one direction of the dyad."""

    start: dt.date
    counts: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    goldstein_sum: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def mean_goldstein(self) -> float | None:
        return self.goldstein_sum / self.total if self.total else None

    @property
    def cooperation_index(self) -> float | None:
        """(cooperation − conflict) / all events, from −1 (all conflict) to +1 (all cooperation)."""
        if not self.total:
            return None
        coop = self.counts[1] + self.counts[2]
        return (coop - (self.counts[3] + self.counts[4])) / self.total


@dataclass
class DyadSeries:
    """Both directions of a dyad, binned; `events` keeps the evidence in date order, undated last."""

    a: str
    b: str
    by: str
    periods: dict[str, list[Period]]  # "A→B", "B→A"
    events: list[DyadEvent]


def _day(event: DyadEvent) -> dt.date:
    if event.date is None:
        raise ValueError("an undated event has no period")
    return event.date


def period_start(day: dt.date, by: str) -> dt.date:
    """The day itself, Monday of the ISO week, or the first of the month."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown period {by!r}: use day, week or month")


def _next_period(start: dt.date, by: str) -> dt.date:
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def dyad_series(events: Iterable[DyadEvent], a: str, b: str, by: str = "month",
                modalities: frozenset[str] = COUNTED_MODALITIES) -> DyadSeries:
    """Bin the events between `a` and `b` (both directions), filling empty periods with zeros."""
    kept = sorted((e for e in events if e.modality in modalities and {e.source, e.target} == {a, b}
                   and a != b), key=lambda e: (e.date or dt.date.max, e.event_id))
    dated = [e for e in kept if e.date is not None]
    directions = {f"{a}→{b}": (a, b), f"{b}→{a}": (b, a)}
    periods: dict[str, list[Period]] = {name: [] for name in directions}
    if dated:
        first, last = period_start(_day(dated[0]), by), period_start(_day(dated[-1]), by)
        for name, (src, dst) in directions.items():
            bins: dict[dt.date, Period] = {}
            start = first
            while start <= last:
                bins[start] = Period(start)
                start = _next_period(start, by)
            for event in dated:
                if event.source == src and event.target == dst:
                    slot = bins[period_start(_day(event), by)]
                    slot.counts[event.quad_class] = slot.counts.get(event.quad_class, 0) + 1
                    slot.goldstein_sum += event.goldstein
            periods[name] = list(bins.values())
    return DyadSeries(a, b, by, periods, kept)
