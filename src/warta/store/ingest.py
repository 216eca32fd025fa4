"""Ingest a stream of raw documents into a `Store`, in committed batches, idempotently.

Each batch is one transaction. A raw record whose hash is already stored is skipped before any
analysis, so running the same command again after Ctrl-C or `kill -9` redoes only the batch that
was in flight: nothing is lost (every record is read again) and nothing is stored twice (every
stored record is recognised by its hash, every stored article by its key).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import warta
from warta.article import Article, Failure, RawDocument
from warta.pipeline import Pipeline
from warta.store.records import raw_hash
from warta.store.store import Provenance, Store

# 200 records per transaction: ~0.5 s of pipeline work, so a kill loses little, while the fixed cost
# of a DuckDB commit (a WAL fsync) stays under a few percent of the batch.
BATCH_SIZE = 200


@dataclass
class IngestSummary:
    """What an ingest did: stored / already present / skipped (with reasons)."""

    read: int = 0
    stored: int = 0
    present: int = 0
    skipped: int = 0
    events: int = 0
    new_stories: int = 0
    batches: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    unsaved: list[Failure] = field(default_factory=list)  # skips not yet in the `skipped` table

    def skip(self, failure: Failure) -> None:
        self.skipped += 1
        self.reasons[reason_kind(failure)] += 1
        if not failure.filtered:
            self.unsaved.append(failure)

    def take_unsaved(self) -> list[Failure]:
        """The skips to store with the next commit (and forget here)."""
        out, self.unsaved = self.unsaved, []
        return out


def reason_kind(failure: Failure) -> str:
    """The reason without its file:line, so a summary can group skips."""
    reason = failure.reason
    if reason.startswith(failure.origin):
        reason = reason[len(failure.origin):].lstrip(": ")
    return reason.split(" (")[0][:120]


def pipeline_versions(pipeline: Pipeline) -> dict[str, str]:
    """The rule and dictionary versions each stage loaded, as far as the stage says.

    A stage that has a `versions` (or `version`) attribute is taken at its word; otherwise the
    rule sets it holds are searched a few levels deep (events: `coders[lang].patterns.version`).
    These strings are stored beside every row the run writes.
    """
    out = {"warta": warta.__version__}
    for stage in pipeline.stages:
        found = _find_versions(stage, depth=3)
        if found:
            out[stage.name] = ",".join(dict.fromkeys(found))
    return out


_SMALL = 50  # containers larger than this are data (dictionary entries), not rule sets


def _find_versions(holder: object, depth: int) -> list[str]:
    value = getattr(holder, "versions", None) or getattr(holder, "version", None)
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list) and all(isinstance(v, str) for v in value):
        return list(value)
    if depth == 0:
        return []
    if isinstance(holder, dict):
        children = list(holder.values()) if len(holder) <= _SMALL else []
    elif isinstance(holder, tuple | list):
        children = list(holder) if len(holder) <= _SMALL else []
    else:
        children = list(vars(holder).values()) if hasattr(holder, "__dict__") else []
    found: list[str] = []
    for child in children:
        if not isinstance(child, str | int | float | bytes | None):
            found += _find_versions(child, depth - 1)
    return found


def batched(items: Iterable[RawDocument | Failure], size: int, summary: IngestSummary,
            on_error: Callable[[Failure], None] | None) -> Iterator[list[RawDocument]]:
    """Raw documents in lists of `size`; failures are counted and reported as they pass."""
    batch: list[RawDocument] = []
    for item in items:
        summary.read += 1
        if isinstance(item, Failure):
            summary.skip(item)
            if on_error:
                on_error(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(store: Store, pipeline: Pipeline, items: Iterable[RawDocument | Failure], *,
           batch_size: int = BATCH_SIZE, on_error: Callable[[Failure], None] | None = None,
           on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Analyze and store every new record; returns the counts (also passed to `on_batch`)."""
    summary = IngestSummary()
    versions = pipeline_versions(pipeline)

    def fail(failure: Failure) -> None:
        summary.skip(failure)
        if on_error:
            on_error(failure)

    for batch in batched(items, batch_size, summary, on_error):
        hashes = [raw_hash(raw) for raw in batch]
        known = store.known_raw(hashes)
        articles: list[Article] = []
        provenance: list[Provenance] = []
        for raw, digest in zip(batch, hashes, strict=True):
            if digest in known:
                summary.present += 1
                continue
            known.add(digest)  # the same record twice in one batch is stored once
            for article in pipeline.pipe([raw], on_error=fail):
                articles.append(article)
                provenance.append(Provenance(digest, raw.origin))
        result = store.add_articles(articles, versions=versions, provenance=provenance,
                                    skipped=summary.take_unsaved())
        summary.stored += len(result.stored)
        summary.present += result.present
        summary.events += result.events
        summary.new_stories += result.new_stories
        summary.batches += 1
        if on_batch:
            on_batch(summary)
    if summary.unsaved:  # bad records after the last batch
        store.add_articles([], skipped=summary.take_unsaved())
    return summary
