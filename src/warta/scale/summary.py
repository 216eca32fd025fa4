"""What an ingest did, and the pieces of the loop that do not depend on where stages run.

`IngestSummary` counts stored / already present / skipped records (with reasons); `batched` cuts
the input into lists of raw documents; `pipeline_versions` names the rules each stage loaded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from warta.article import Failure, RawDocument
from warta.pipeline import Pipeline
from warta.version import __version__

# 200 records per transaction: ~0.5 s of pipeline work, so a kill loses little, while the fixed cost
# of a DuckDB commit (a WAL fsync) stays under a few percent of the batch.
BATCH_SIZE = 200


@dataclass
class IngestSummary:
    """What an ingest did: stored / already present / skipped (with reasons) / already skipped.

    `already_skipped` counts records an earlier run failed to analyse, passed over unanalysed.
    """

    read: int = 0
    stored: int = 0
    present: int = 0
    skipped: int = 0
    already_skipped: int = 0
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
    out = {"warta": __version__}
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
