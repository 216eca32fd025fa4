"""The one ingest loop: records out to an executor in chunks, articles back to one writer.

A record whose raw hash is stored, or is in `skipped` because its analysis failed on an earlier
run, is skipped before analysis (a poison record costs its analysis once, not once per run).
Outcomes return in input order and are committed in batches of about `batch_size` records, each
one transaction, so the database ends the same whichever executor ran the stages
(`InlineExecutor` for one worker, the process pool, Dask), and a run killed mid-way (Ctrl-C,
`kill -9`) is resumed by running it again: nothing is lost (every record is read again) and
nothing is stored twice (every stored record is known by its hash, every stored article by its
key). The store only writes; it never runs the pipeline.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import duckdb

from warta.article import Article, Failure, RawDocument
from warta.errors import PipelineError
from warta.pipeline import Pipeline
from warta.scale.executors import Chunk, Executor, InlineExecutor, Outcome, PoolExecutor, cpu_count
from warta.scale.summary import BATCH_SIZE, IngestSummary, batched, pipeline_versions
from warta.settings import Settings
from warta.store.records import raw_hash
from warta.store.store import Provenance, Store


def make_executor(settings: Settings, pipeline: Pipeline | None = None,
                  shard_dir: Path | None = None) -> Executor:
    """The executor the settings ask for: `dask` wins, then `workers` (0 = every core, 1 = inline).

    It lives here, not in executors.py, so the executors never import the Dask cluster (which
    imports them): the choice is made at the edge, by the loop that uses it."""
    if settings.dask:
        try:
            from warta.scale.cluster import DaskExecutor
        except ImportError as exc:
            raise PipelineError(f"--dask needs Dask and pyarrow ({exc.name} is missing): "
                                "pip install 'warta[dask]'") from exc

        return DaskExecutor(settings, settings.dask, shard_dir=shard_dir)
    workers = settings.workers or cpu_count()
    if workers < 0:
        raise PipelineError(f"workers must be 0 (every core) or more, not {settings.workers}")
    if workers == 1:
        return InlineExecutor(settings, pipeline)
    return PoolExecutor(settings, workers)


def plan_workers(settings: Settings, records: int | None) -> int:
    """Worker processes worth starting: no more than there are chunks (a pool costs ~1 s to start)."""
    workers = settings.workers or cpu_count()
    if records is None:
        return workers
    return max(1, min(workers, math.ceil(records / max(1, settings.chunk_size))))


class _Writer:
    """The one writer: skips stored records before analysis, commits outcomes in batches."""

    def __init__(self, store: Store, versions: dict[str, str], batch_size: int,
                 on_error: Callable[[Failure], None] | None,
                 on_batch: Callable[[IngestSummary], None] | None) -> None:
        self.store, self.versions, self.batch_size = store, versions, batch_size
        self.on_error, self.on_batch = on_error, on_batch
        self.summary = IngestSummary()
        self.articles: list[Article] = []
        self.provenance: list[Provenance] = []
        self.analysed = 0

    def fresh(self, chunks: Iterable[list[RawDocument]]) -> Iterator[Chunk]:
        """Each chunk without the records already stored or already failed, as `ingest` skips them."""
        for chunk in chunks:
            hashes = [raw_hash(raw) for raw in chunk]
            known = self.store.known_raw(hashes)
            failed = self.store.known_skipped(hashes)
            keep: Chunk = []
            for raw, digest in zip(chunk, hashes, strict=True):
                if digest in failed:
                    self.summary.already_skipped += 1
                    continue
                if digest in known:
                    self.summary.present += 1
                    continue
                known.add(digest)
                keep.append(raw)
            yield keep

    def add(self, chunk: Chunk, outcomes: list[Outcome]) -> None:
        for raw, outcome in zip(chunk, outcomes, strict=True):
            if isinstance(outcome, Failure):
                outcome = dataclasses.replace(outcome, content_hash=raw_hash(raw))
                self.summary.skip(outcome)
                if self.on_error:
                    self.on_error(outcome)
            else:
                self.articles.append(outcome)
                self.provenance.append(Provenance(raw_hash(raw), raw.origin))
        self.analysed += len(chunk)
        if self.analysed >= self.batch_size:
            self.commit()

    def commit(self) -> None:
        if not self.analysed and not self.articles and not self.summary.unsaved:
            return
        result = self.store.add_articles(self.articles, versions=self.versions, provenance=self.provenance,
                                         skipped=self.summary.take_unsaved())
        summary = self.summary
        summary.stored += len(result.stored)
        summary.present += result.present
        summary.events += result.events
        summary.new_stories += result.new_stories
        summary.batches += 1
        self.articles, self.provenance, self.analysed = [], [], 0
        if self.on_batch:
            self.on_batch(summary)


def ingest_parallel(store: Store, settings: Settings, items: Iterable[RawDocument | Failure], *,
                    pipeline: Pipeline | None = None, executor: Executor | None = None,
                    shard_dir: Path | None = None, batch_size: int = BATCH_SIZE,
                    on_error: Callable[[Failure], None] | None = None,
                    on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Analyze every new record with the settings' executor (or the one given) and store it.

    `pipeline` is the parent's own (built anyway to check the settings and stamp versions); an
    inline run reuses it. `shard_dir` is where Dask workers write Parquet parts.
    """
    pipeline = pipeline or Pipeline(settings)
    writer = _Writer(store, pipeline_versions(pipeline), batch_size, on_error, on_batch)
    runner = executor or make_executor(settings, pipeline, shard_dir)
    try:
        # inline, a chunk is at most a batch, so one worker commits every `batch_size` records
        size = settings.chunk_size if runner.workers > 1 else min(settings.chunk_size, batch_size)
        chunks = writer.fresh(batched(items, size, writer.summary, on_error))
        for chunk, outcomes in runner.analyze(chunks):
            writer.add(chunk, outcomes)
        writer.commit()
    except Exception as exc:
        if _interrupted(exc):  # Ctrl-C during a DuckDB query surfaces as a query error
            raise KeyboardInterrupt from exc
        raise
    finally:
        if executor is None:  # ours to close; a caller's executor is the caller's
            runner.close()
    return writer.summary


def _interrupted(exc: BaseException | None) -> bool:
    """True when DuckDB (or the store, wrapping it) stopped a query because of SIGINT."""
    while exc is not None:
        if isinstance(exc, duckdb.InterruptException) or (
                isinstance(exc, RuntimeError) and "interrupted" in str(exc).lower()):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def scale_settings(base: Settings, *, workers: int = 0, dask: str | None = None,
                   lang: str | None = None) -> Settings:
    """The CLI's `--workers`, `--dask` and `--lang id,en` folded into the settings."""
    from dataclasses import replace

    codes = tuple(code.strip().lower() for code in (lang or "").split(",") if code.strip())
    return replace(base, workers=workers, dask=dask or None, lang_filter=codes or base.lang_filter)


def ingest(store: Store, pipeline: Pipeline, items: Iterable[RawDocument | Failure], *,
           batch_size: int = BATCH_SIZE, on_error: Callable[[Failure], None] | None = None,
           on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Analyze and store every new record in this process: the loop with `InlineExecutor`."""
    return ingest_parallel(store, pipeline.settings, items, pipeline=pipeline,
                           executor=InlineExecutor(pipeline.settings, pipeline), batch_size=batch_size,
                           on_error=on_error, on_batch=on_batch)


def run_ingest(store: Store, pipeline: Pipeline, items: Iterable[RawDocument | Failure], *,
               records: int | None = None, shard_dir: Path | None = None,
               batch_size: int = BATCH_SIZE, on_error: Callable[[Failure], None] | None = None,
               on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """The executor is a choice at the edge: one worker runs inline, more (or Dask) in parallel,
    through the same loop. `records` (when known) caps the workers started."""
    from dataclasses import replace

    settings = pipeline.settings
    if not settings.dask:
        settings = replace(settings, workers=plan_workers(settings, records))
    return ingest_parallel(store, settings, items, pipeline=pipeline, shard_dir=shard_dir,
                           batch_size=batch_size, on_error=on_error, on_batch=on_batch)
