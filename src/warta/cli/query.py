"""Quick looks at the event database: `warta actors --top`, `warta events`, `warta sql "..."`.

Each opens the database read-only, so a query can never change it; output is a table for people
or `--format jsonl|csv` for other programs.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from warta.errors import WartaError
from warta.store import DEFAULT_DB, Store, StoreError
from warta.store.filters import Unit

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB database file.")]
EVENT_COLUMNS = ("day", "source_code", "code", "target_code", "name", "goldstein", "num_mentions",
                 "num_sources", "num_articles", "sentence")


class Output(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = Annotated[Output, typer.Option("--format", "-f", help="table, jsonl or csv.")]


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: Output,
         title: str | None = None) -> None:
    """Print rows as a rich table, JSON Lines or CSV on stdout."""
    if fmt is Output.jsonl:
        for row in rows:
            record = {c: _plain(v) for c, v in zip(columns, row, strict=True)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if fmt is Output.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        return
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(_plain(v)) for v in row))
    Console().print(table)


UnitOption = Annotated[Unit, typer.Option("--unit", help="Count story events (stories) or event "
                                                       "mentions (mentions).")]


def actors_command(
    top: Annotated[int, typer.Option(min=1, help="How many actors to list.")] = 20,
    prefix: Annotated[str | None, typer.Option(help="Only codes that start with this (RUS).")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles from this day (YYYY-MM-DD).")] = None,
    unit: UnitOption = "stories",
    db: DbOption = Path(DEFAULT_DB),
    fmt: FormatOption = Output.table,
) -> None:
    """The most mentioned actors (CAMEO codes): how many articles name them, how many events they are in."""
    try:
        with Store(db, read_only=True) as store:
            rows = store.actors(top, prefix=prefix, since=since, unit=unit)
    except WartaError as exc:
        _fail(str(exc))
    columns = ["code", "name", "country", "kind", "mentions", "articles", "events"]
    emit(columns, [[r[c] for c in columns] for r in rows], fmt, title=f"top {top} actors")


def dyads_command(
    top: Annotated[int, typer.Option(min=1, help="How many pairs to list.")] = 10,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    countries: Annotated[bool, typer.Option(
        "--countries", help="Country pairs only: the edges of the dashboard's network.")] = False,
    unit: UnitOption = "stories",
    db: DbOption = Path(DEFAULT_DB),
    fmt: FormatOption = Output.table,
) -> None:
    """The pairs of actors with the most events, with mean Goldstein and cooperative share."""
    try:
        with Store(db, read_only=True) as store:
            ask = store.network if countries else store.top_dyads
            rows = ask(top, since=since, until=until, unit=unit)
    except WartaError as exc:
        _fail(str(exc))
    columns = ["a", "b", "events", "mean_goldstein", "cooperative_share"]
    emit(columns, [[r[c] for c in columns] for r in rows], fmt, title=f"top {top} dyads ({unit})")


def events_command(
    actor: Annotated[str | None, typer.Option(help="Country (RUS) or start of an actor code.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO event code or its start (19, 190, 0311).")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many events.")] = 50,
    db: DbOption = Path(DEFAULT_DB),
    fmt: FormatOption = Output.table,
) -> None:
    """Story events (one row per event per story, with mention counts), newest first."""
    try:
        with Store(db, read_only=True) as store:
            rows = store.events(actor=actor, code=code, since=since, until=until, limit=limit)
    except WartaError as exc:
        _fail(str(exc))
    if fmt is Output.table:
        print_events(rows)
        return
    columns = list(rows[0]) if rows else list(EVENT_COLUMNS)
    emit(columns, [[r[c] for c in columns] for r in rows], fmt)


def print_events(rows: list[dict[str, Any]]) -> None:
    """Story events for people: who did what to whom, how widely reported, and the evidence."""
    table = Table(title=f"{len(rows)} events", show_lines=True)
    table.add_column("day", no_wrap=True)
    table.add_column("who → whom", no_wrap=True)
    table.add_column("event")
    table.add_column("G", justify="right", no_wrap=True)
    table.add_column("mentions", justify="right", no_wrap=True)
    table.add_column("evidence", ratio=1)
    for r in rows:
        who = f"{r['source_code'] or '?'} → {r['target_code'] or '?'}"
        reach = f"{r['num_mentions']} in {r['num_articles']} art., {r['num_sources']} src."
        table.add_row(str(r["day"] or ""), who, f"{r['code']} {r['name'] or ''}", f"{r['goldstein']:+.1f}",
                      reach, r["sentence"] or "")
    Console().print(table)


def sql_command(
    query: Annotated[str, typer.Argument(help="Any SQL, e.g. \"SELECT code, count(*) FROM events "
                                              "GROUP BY 1\".")],
    db: DbOption = Path(DEFAULT_DB),
    fmt: FormatOption = Output.table,
) -> None:
    """Run SQL over the database (read-only). Tables and views: see docs/schema.md."""
    try:
        refuse_file_writes(query)
        with Store(db, read_only=True) as store:
            result = store.sql(query)
    except WartaError as exc:
        _fail(str(exc))
    emit(result.columns, result.rows, fmt)


# A read-only database still lets these write files (COPY ... TO, EXPORT DATABASE, COPY FROM
# DATABASE); reading Parquet shards in place (SELECT ... FROM '*.parquet') stays allowed.
FILE_WRITES = frozenset({duckdb.StatementType.COPY, duckdb.StatementType.COPY_DATABASE,
                         duckdb.StatementType.EXPORT})


def refuse_file_writes(query: str) -> None:
    """`StoreError` for a statement that would write a file, as DuckDB refuses DROP or ATTACH."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {str(exc).strip().splitlines()[0]}") from None
    for statement in statements:
        if statement.type in FILE_WRITES:
            raise StoreError(f"query failed: warta sql is read-only; a {statement.type.name} statement "
                             "would write a file")


def _fail(message: str) -> NoReturn:
    typer.echo(f"warta: error: {message}", err=True)
    raise typer.Exit(1)
