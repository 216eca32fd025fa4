"""`warta ingest PATH... [--db FILE]`: analyze news into the event database, resumably."""

from __future__ import annotations

import glob
import gzip
import time
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from warta.article import Failure
from warta.errors import WartaError
from warta.ingest.readers import expand_paths, kind_of, read_paths
from warta.pipeline import Pipeline
from warta.scale.ingest import run_ingest, scale_settings
from warta.scale.summary import BATCH_SIZE, IngestSummary
from warta.settings import Settings
from warta.store import DEFAULT_DB, Store
from warta.store.tone import ToneScorer

MAX_SKIP_LINES = 20  # beyond this, skips are only counted by reason in the summary


class RateColumn(ProgressColumn):
    """Articles per second, smoothed by rich over its recent samples."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} articles/s" if speed else "– articles/s", style="progress.data.speed")


def expand_globs(paths: list[str]) -> list[str]:
    """Paths as given, with quoted globs ('corpus/*.jsonl.gz') expanded in a stable order."""
    out: list[str] = []
    for name in paths:
        if name != "-" and not Path(name).exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise WartaError(f"{name}: no file matches this pattern")
            out += matches
        else:
            out.append(name)
    return out


def count_records(paths: list[str]) -> int | None:
    """How many records the inputs hold (a line per JSONL record, one per page), for the ETA."""
    if "-" in paths:
        return None
    total = 0
    for path in expand_paths(paths):
        if kind_of(path) in ("warc", "feed"):
            return None  # records per WARC or feed are known only by reading it all: no ETA
        if kind_of(path) != "jsonl":
            total += 1
            continue
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        try:
            with opener(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except (OSError, EOFError):
            total += 1  # unreadable: the reader reports it as one skipped record
    return total


def ingest_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders, globs; .jsonl(.gz), HTML, .txt; '-' is stdin.")],
    db: Annotated[Path, typer.Option("--db", help="The DuckDB database file (created if missing).")] = (
        Path(DEFAULT_DB)),
    lexicon: Annotated[Path | None, typer.Option(
        help="Folder with InSet's inset-positive.tsv / inset-negative.tsv for Indonesian tone "
             "(not shipped: no licence). English tone uses VADER.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Records per committed transaction.")] = BATCH_SIZE,
    progress_bar: Annotated[bool, typer.Option(
        "--progress/--no-progress",
        help="A progress bar; without it, one log line per committed batch.")] = True,
    workers: Annotated[int, typer.Option(
        min=0, help="Worker processes; 0 = one per core, 1 = this process only.")] = 0,
    dask: Annotated[str | None, typer.Option(
        help="Run on Dask: tcp://scheduler:8786, or local[N] for a local cluster.")] = None,
    shards: Annotated[Path | None, typer.Option(
        help="Folder for the Dask workers' Parquet shards (default: DB.shards).")] = None,
    lang: Annotated[str | None, typer.Option(
        help="Keep only these languages, e.g. id,en; the rest are counted and skipped.")] = None,
    dictionary: Annotated[list[str] | None, typer.Option(
        help="An extra actor dictionary (warta TSV or PETRARCH/Phoenix file); repeatable.")] = None,
    memory_limit: Annotated[str, typer.Option(
        help="Cap on DuckDB's buffer while ingesting, e.g. 128MB or 1GB.")] = Settings.db_memory_limit,
) -> None:
    """Analyze news into the event database; run it again to resume an interrupted ingest."""
    err = Console(stderr=True)
    try:
        names = expand_globs(paths)
        total = count_records(names)
        tone = ToneScorer.load(lexicon)
        base = Settings(actor_dictionaries=tuple(dictionary or ()), db_memory_limit=memory_limit)
        pipeline = Pipeline(scale_settings(base, workers=workers, dask=dask, lang=lang))
    except WartaError as exc:
        _fail(str(exc))
    shown = 0

    def report_skip(failure: Failure) -> None:
        nonlocal shown
        if failure.filtered:
            return  # --lang: counted by reason in the summary, not a line each
        shown += 1
        if shown <= MAX_SKIP_LINES:
            typer.echo(f"warta: skipped {failure.reason}", err=True)

    columns: list[ProgressColumn] = [TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                                     TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn()]
    started = time.monotonic()
    summary = IngestSummary()
    with Progress(*columns, console=err, disable=not progress_bar, transient=False) as progress:
        task = progress.add_task("ingest", total=total)
        try:
            with Store(db, tone=tone, memory_limit=base.db_memory_limit) as store:
                items = read_paths(names)

                def on_batch(done: IngestSummary) -> None:
                    # Advanced per committed batch, so the rate and ETA count finished work.
                    progress.update(task, completed=done.read)
                    if not progress_bar:
                        _log_batch(done)

                summary = run_ingest(store, pipeline, items, records=total, batch_size=batch_size,
                                     shard_dir=shards or db.with_name(db.name + ".shards"),
                                     on_error=report_skip, on_batch=on_batch)
                counts = store.counts()
        except KeyboardInterrupt:
            progress.stop()
            typer.echo("warta: interrupted; everything committed so far is kept. "
                       "Run the same command again to resume.", err=True)
            raise typer.Exit(130) from None
        except WartaError as exc:
            progress.stop()
            _fail(str(exc))
    _print_summary(summary, time.monotonic() - started, counts, shown)
    if summary.read == 0:
        _fail("no input records found")
    raise typer.Exit(0 if summary.stored + summary.present else 1)


def _log_batch(summary: IngestSummary) -> None:
    typer.echo(f"warta: committed batch {summary.batches}: read {summary.read}, stored {summary.stored}, "
               f"already present {summary.present}, skipped {summary.skipped}, "
               f"already skipped {summary.already_skipped}", err=True)


def _print_summary(summary: IngestSummary, seconds: float, counts: dict[str, int],
                   shown: int) -> None:
    rate = summary.stored / seconds if seconds > 0 else 0.0
    typer.echo(f"warta: read {summary.read}: stored {summary.stored}, already present {summary.present}, "
               f"skipped {summary.skipped}, already skipped {summary.already_skipped} "
               f"in {seconds:.1f} s ({rate:,.0f} articles/s)", err=True)
    if shown > MAX_SKIP_LINES:
        typer.echo(f"warta: ({shown - MAX_SKIP_LINES} more skips not shown)", err=True)
    for reason, count in summary.reasons.most_common(10):
        typer.echo(f"warta:   skipped {count}: {reason}", err=True)
    typer.echo(f"warta: database now has {counts['articles']} articles in {counts['stories']} stories, "
               f"{counts['events']} event mentions ({counts['story_events']} story events)", err=True)
    if counts["skipped"]:
        typer.echo(f"warta: {counts['skipped']} skipped records are listed in its table 'skipped' "
                   "(warta sql \"SELECT * FROM skipped\")", err=True)


def _fail(message: str) -> NoReturn:
    typer.echo(f"warta: error: {message}", err=True)
    raise typer.Exit(1)
