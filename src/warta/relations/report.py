"""One dyad report for every interface: series per direction, trend and level verdicts, evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from warta.relations.series import QUAD_NAMES, DyadEvent, DyadSeries, Period, dyad_series
from warta.relations.trend import Level, Trend, assess_level, assess_trend


@dataclass(frozen=True)
class DyadReport:
    series: DyadSeries
    trends: dict[str, Trend]  # per direction ("RUS→PRK") and "both"
    levels: dict[str, Level]

    @property
    def undated(self) -> int:
        return sum(1 for e in self.series.events if e.date is None)


def dyad_report(events: Iterable[DyadEvent], a: str, b: str, by: str = "month") -> DyadReport:
    """Bin, then judge each direction and the pair as a whole."""
    series = dyad_series(events, a, b, by)
    groups = {name: [e for e in series.events if f"{e.source}→{e.target}" == name]
              for name in series.periods}
    groups["both"] = list(series.events)
    return DyadReport(series, {name: assess_trend(group, by) for name, group in groups.items()},
                      {name: assess_level(group) for name, group in groups.items()})


def period_to_dict(p: Period) -> dict[str, object]:
    return {"start": p.start.isoformat(), "counts": {str(k): v for k, v in p.counts.items()},
            "total": p.total, "mean_goldstein": p.mean_goldstein, "cooperation_index": p.cooperation_index}


def report_to_dict(report: DyadReport, mentions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The report as JSON-ready data: `warta dyad --json`, GET /dyads/{a}/{b} and the dyad page.

    `events` are story events (what the series and verdicts count); `mentions`, when given, are
    every event mention behind them, any modality, with its article (the dashboard's evidence).
    """
    series = report.series
    out: dict[str, Any] = {
        "a": series.a, "b": series.b, "by": series.by, "events": len(series.events),
        "undated_events": report.undated,
        "mean_goldstein": (sum(e.goldstein for e in series.events) / len(series.events)
                           if series.events else None),
        "totals": {str(q): sum(1 for e in series.events if e.quad_class == q) for q in QUAD_NAMES},
        "directions": {name: [period_to_dict(p) for p in periods]
                       for name, periods in series.periods.items()},
        "trend": {name: {"verdict": t.verdict, "statistic": t.statistic, "value": t.value, "low": t.low,
                         "high": t.high, "events": t.events, "periods": t.periods, "summary": t.describe()}
                  for name, t in report.trends.items()},
        "level": {name: {"verdict": lv.verdict, "mean_goldstein": lv.mean_goldstein, "low": lv.low,
                         "high": lv.high, "events": lv.events} for name, lv in report.levels.items()},
        "evidence": [{"date": e.date.isoformat() if e.date else None, "source": e.source,
                      "target": e.target, "code": e.code, "quad_class": e.quad_class,
                      "goldstein": e.goldstein, "sentence": e.sentence, "article_id": e.article_id,
                      "event_id": e.event_id} for e in series.events],
    }
    if mentions is not None:
        out["mentions"] = [{k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}
                           for row in mentions]
    return out
