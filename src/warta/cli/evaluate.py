"""`warta eval events GOLD.jsonl`: precision, recall and F1 of coded events against a gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from warta.errors import WartaError

app = typer.Typer(help="Measure warta against gold data.", no_args_is_help=True)


@app.callback()
def eval_root() -> None:
    """Measure warta against gold data (the figures pinned in tests/floors/)."""


@app.command("events")
def eval_events_command(
    gold: Annotated[Path, typer.Argument(
        help="Gold JSONL: {id, text, date, expected:[{source, target, code}]}.")],
    dataset: Annotated[str | None, typer.Option(
        help="Score only records of this `dataset` (e.g. petrarch2_gsr_gigaword).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    misses: Annotated[int, typer.Option(help="Also list this many records that were not coded right.")] = 0,
) -> None:
    """Score asserted and reported events: exact (full codes) and lenient (country, root)."""
    from warta.events.evaluate import evaluate, read_jsonl
    from warta.pipeline import Pipeline

    try:
        pipeline = Pipeline()
        result = evaluate(read_jsonl(gold), lambda record: pipeline.analyze(_record(record)), dataset)
    except WartaError as exc:
        typer.echo(f"warta: error: {exc}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps({"gold": str(gold), "dataset": dataset, **result.as_dict()}))
    else:
        typer.echo(f"{gold.name}{' [' + dataset + ']' if dataset else ''}: {result.records} records")
        for level, score in (("exact", result.exact), ("lenient", result.lenient)):
            typer.echo(f"  {level:8} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
                       f"(tp={score.tp} predicted={score.predicted} gold={score.gold})")
    for miss in result.misses[:misses]:
        typer.echo(json.dumps(miss, ensure_ascii=False))


def _record(record: dict[str, Any]) -> dict[str, Any]:
    """A gold record as analyze input: its text, date and language only, never the answers."""
    return {key: record[key] for key in ("id", "text", "date", "lang") if record.get(key)}
