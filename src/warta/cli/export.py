"""`warta export --format gdelt|parquet|jsonl|csv`: the database as files other tools read."""

from __future__ import annotations

import shutil
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from warta.errors import WartaError
from warta.store import DEFAULT_DB, Store
from warta.store.export import TABLES, export


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"


def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="gdelt (61 GDELT 2.0 columns, "
                                              "tab-separated), parquet, jsonl or csv.")],
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; '-' is stdout "
                                        "(not for parquet).")] = "-",
    table: Annotated[str, typer.Option(help=f"What to export (not for gdelt): {', '.join(TABLES)}.")] = (
        "story_events"),
    db: Annotated[Path, typer.Option("--db", help="The DuckDB database file.")] = Path(DEFAULT_DB),
) -> None:
    """Export story events (or any table) in GDELT's event format, Parquet, JSON Lines or CSV."""
    if output == "-" and fmt is ExportFormat.parquet:
        _fail("parquet is binary: give --output FILE")
    try:
        with Store(db, read_only=True) as store:
            if output != "-":
                count = export(store, fmt.value, Path(output), table)
            else:
                with tempfile.TemporaryDirectory() as folder:
                    part = Path(folder) / f"export.{fmt.value}"
                    count = export(store, fmt.value, part, table)
                    with part.open("rb") as handle:
                        shutil.copyfileobj(handle, sys.stdout.buffer)
                    sys.stdout.flush()
    except WartaError as exc:
        _fail(str(exc))
    what = "story events" if fmt is ExportFormat.gdelt else f"{table} rows"
    typer.echo(f"warta: exported {count} {what} as {fmt.value}"
               + (f" to {output}" if output != "-" else ""), err=True)


def _fail(message: str) -> NoReturn:
    typer.echo(f"warta: error: {message}", err=True)
    raise typer.Exit(1)
