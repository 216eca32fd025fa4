"""`warta report`: what a database holds, at a glance — top dyads, top event types, one dyad."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from warta.cli.dyad import print_report
from warta.cli.query import DbOption, _fail
from warta.errors import WartaError
from warta.events.ontology import Ontology
from warta.relations import dyad_report
from warta.relations.stored import stored_dyad_events
from warta.store import DEFAULT_DB, Store


def report_command(
    dyad: Annotated[tuple[str, str] | None, typer.Option(
        help="Also show this dyad, e.g. --dyad RUS PRK.")] = ("RUS", "PRK"),
    top: Annotated[int, typer.Option(min=1, help="How many dyads and event types to list.")] = 10,
    by: Annotated[str, typer.Option(help="Period for the dyad: day, week or month.")] = "week",
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """A short report over the database: top dyads, top event types, and one dyad in detail."""
    try:
        with Store(db, read_only=True) as store:
            counts = store.counts()
            dyads = store.top_dyads(top)
            kinds = store.top_event_types(top)
            events = stored_dyad_events(store, *dyad) if dyad else []
    except WartaError as exc:
        _fail(str(exc))
    console = Console()
    console.print(f"[bold]{db}[/bold]: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    table = Table(title=f"top {top} dyads (story events, asserted or reported)", title_justify="left")
    for column in ("dyad", "events", "mean Goldstein", "cooperative share"):
        table.add_column(column, justify="left" if column == "dyad" else "right")
    for r in dyads:
        table.add_row(f"{r['a']} – {r['b']}", str(r["events"]), f"{r['mean_goldstein']:+.2f}",
                      f"{r['cooperative_share']:.0%}")
    console.print(table)
    ontology = Ontology.load()
    table = Table(title=f"top {top} event types", title_justify="left")
    for column in ("root", "name", "events", "mentions", "mean Goldstein"):
        table.add_column(column, justify="right" if column in ("events", "mentions") else "left")
    for r in kinds:
        name = ontology.get(r["root"]).name if r["root"] in ontology else ""
        table.add_row(r["root"], name, str(r["events"]), str(r["mentions"]), f"{r['mean_goldstein']:+.2f}")
    console.print(table)
    if dyad:
        a, b = (code.upper() for code in dyad)
        console.print(f"\n[bold]{a} – {b}[/bold]")
        print_report(dyad_report(events, a, b, by), evidence=5, console=console)
