"""Is a relation getting closer or more hostile? A slope with a bootstrap interval, or no verdict.

The statistic is the least-squares slope of events' Goldstein scores against time (per period),
with a 95% bootstrap interval over events. Thresholds: at least `MIN_EVENTS` events spread over
`MIN_PERIODS` periods, else "too little data" — a trend from three events is noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from warta.relations.series import DyadEvent, period_start

MIN_EVENTS = 12  # fewer events than this give bootstrap intervals wider than the Goldstein scale
MIN_PERIODS = 3  # a slope needs at least three distinct periods
MIN_LEVEL_EVENTS = 3  # one or two events say what happened, not where a relation stands
BOOTSTRAP_SAMPLES = 2000
SEED = 20231104  # fixed, so the same events always give the same interval


@dataclass(frozen=True)
class Trend:
    verdict: str  # "closer" | "more hostile" | "no clear change" | "too little data"
    statistic: str
    value: float | None
    low: float | None
    high: float | None
    events: int
    periods: int

    def describe(self) -> str:
        if self.value is None:
            return f"{self.verdict} ({self.events} events over {self.periods} periods)"
        return (f"{self.verdict}: {self.statistic} {self.value:+.2f} "
                f"(95% CI {self.low:+.2f} to {self.high:+.2f}; {self.events} events, "
                f"{self.periods} periods)")


@dataclass(frozen=True)
class Level:
    """Where a relation stands, whatever its trend: mean Goldstein with a bootstrap interval."""

    verdict: str  # "cooperative" | "conflictual" | "mixed" | "too few events"
    mean_goldstein: float | None
    low: float | None
    high: float | None
    events: int


def _ordinals(events: Sequence[DyadEvent], by: str) -> np.ndarray:
    starts = sorted({period_start(e.date, by) for e in events if e.date is not None})
    index = {start: i for i, start in enumerate(starts)}
    return np.array([index[period_start(e.date, by)] for e in events if e.date is not None], dtype=float)


def assess_trend(events: Sequence[DyadEvent], by: str = "month") -> Trend:
    """Slope of Goldstein per period, with a bootstrap 95% interval; a verdict only when it is clear.

    Undated events cannot be placed in time and are left out of the slope.
    """
    statistic = f"Goldstein slope per {by}"
    events = [e for e in events if e.date is not None]
    x = _ordinals(events, by) if events else np.array([])
    periods = len(set(x.tolist()))
    if len(events) < MIN_EVENTS or periods < MIN_PERIODS:
        return Trend("too little data", statistic, None, None, None, len(events), periods)
    y = np.array([e.goldstein for e in events], dtype=float)
    slope = float(np.polyfit(x, y, 1)[0])
    rng = np.random.default_rng(SEED)
    slopes = []
    for _ in range(BOOTSTRAP_SAMPLES):
        pick = rng.integers(0, len(events), len(events))
        if len(set(x[pick].tolist())) >= 2:
            slopes.append(np.polyfit(x[pick], y[pick], 1)[0])
    low, high = (float(v) for v in np.percentile(slopes, [2.5, 97.5]))
    verdict = "closer" if low > 0 else "more hostile" if high < 0 else "no clear change"
    return Trend(verdict, statistic, slope, low, high, len(events), periods)


def assess_level(events: Sequence[DyadEvent]) -> Level:
    """Cooperative when the whole 95% interval of mean Goldstein is above zero, conflictual below."""
    if len(events) < MIN_LEVEL_EVENTS:
        mean = sum(e.goldstein for e in events) / len(events) if events else None
        return Level("too few events", mean, None, None, len(events))
    y = np.array([e.goldstein for e in events], dtype=float)
    mean = float(y.mean())
    rng = np.random.default_rng(SEED)
    means = y[rng.integers(0, len(y), (BOOTSTRAP_SAMPLES, len(y)))].mean(axis=1)
    low, high = (float(v) for v in np.percentile(means, [2.5, 97.5]))
    verdict = "cooperative" if low > 0 else "conflictual" if high < 0 else "mixed"
    return Level(verdict, mean, low, high, len(events))
