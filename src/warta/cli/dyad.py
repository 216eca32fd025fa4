"""`warta dyad A B`: how relations between two actors moved, per direction, with the evidence."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from warta.cli.query import DbOption, _fail
from warta.errors import WartaError
from warta.relations import DyadReport, dyad_report, report_to_dict
from warta.relations.series import PERIODS, QUAD_NAMES
from warta.relations.stored import stored_dyad_events
from warta.store import DEFAULT_DB, Store


def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor: a country or IGO code (RUS, IGOUNO).")],
    b: Annotated[str, typer.Argument(help="Second actor (PRK).")],
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    by: Annotated[str, typer.Option(help="Period: day, week or month.")] = "month",
    plot: Annotated[Path | None, typer.Option(help="Write a chart (.png or .svg).")] = None,
    evidence: Annotated[int, typer.Option(min=0, help="How many evidence events to print.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Counts by quad class, mean Goldstein, cooperation index and a trend verdict, per direction."""
    a, b = a.upper(), b.upper()
    if by not in PERIODS:
        _fail(f"--by must be day, week or month, not {by!r}")
    if a == b:
        _fail("a dyad needs two different actors")
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        _fail(f"--plot must end in .png or .svg, not {plot.name!r}")
    try:
        with Store(db, read_only=True) as store:
            events = stored_dyad_events(store, a, b, since, until)
    except WartaError as exc:
        _fail(str(exc))
    report = dyad_report(events, a, b, by)
    if as_json:
        sys.stdout.write(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(report, evidence)
    if plot is not None:
        from warta.relations.plot import plot_dyad

        if not any(report.series.periods.values()):
            _fail("no dated events between these actors: nothing to plot")
        plot_dyad(report.series, report.trends, plot)
        typer.echo(f"wrote {plot}", err=True)


def print_report(report: DyadReport, evidence: int, console: Console | None = None) -> None:
    console = console or Console()
    series = report.series
    if not series.events:
        console.print(f"no asserted or reported events between {series.a} and {series.b}")
        return
    for name, periods in series.periods.items():
        table = Table(title=f"{name}, per {series.by}", title_justify="left")
        table.add_column(series.by)
        for quad in (1, 2, 3, 4):
            table.add_column(QUAD_NAMES[quad], justify="right")
        table.add_column("mean Goldstein", justify="right")
        table.add_column("coop index", justify="right")
        for p in periods:
            if p.total:
                table.add_row(p.start.isoformat()[: 7 if series.by == "month" else 10],
                              *(str(p.counts[q]) for q in (1, 2, 3, 4)), _num(p.mean_goldstein),
                              _num(p.cooperation_index))
        if table.row_count:
            console.print(table)
    for name in [*series.periods, "both"]:
        level, trend = report.levels[name], report.trends[name]
        console.print(f"[bold]{name}[/bold]: {level.verdict} (mean Goldstein {_num(level.mean_goldstein)}"
                      f"{_interval(level.low, level.high)}, {level.events} events); "
                      f"trend: {trend.describe()}")
    if report.undated:
        console.print(f"{report.undated} events come from undated articles: counted in the level, "
                      "not in the series or trend")
    if evidence:
        table = Table(title="evidence", show_lines=True, title_justify="left")
        for column in ("date", "who → whom", "event", "G", "sentence"):
            table.add_column(column, ratio=1 if column == "sentence" else None)
        for e in series.events[-evidence:]:
            table.add_row(e.date.isoformat() if e.date else "—", f"{e.source} → {e.target}", e.code,
                          f"{e.goldstein:+.1f}", e.sentence)
        console.print(table)


def _num(value: Any) -> str:
    return "—" if value is None else f"{value:+.2f}"


def _interval(low: float | None, high: float | None) -> str:
    return "" if low is None or high is None else f", 95% CI {low:+.2f} to {high:+.2f}"
