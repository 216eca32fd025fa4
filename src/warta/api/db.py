"""The service's database: one `Store` (the one writer), a cursor per reading request.

DuckDB lets one process write a file; inside it, one connection with a cursor per request thread
is the supported way to read concurrently (`Store.reading()`). Writes (POST /ingest) take a lock,
so two ingest requests never interleave their transactions.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from warta.article import Failure, RawDocument
from warta.pipeline import Pipeline
from warta.scale.ingest import ingest
from warta.store import Reader, Store
from warta.store.tone import ToneScorer

T = TypeVar("T")
MEMO_SIZE = 256


class Database:
    """Opens (and, when new, creates) the warta database at `path` for the app's lifetime."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store(path, tone=ToneScorer.load())
        # Many small concurrent queries: DuckDB's parallelism inside each one only adds hand-offs
        # (GET /events at 50 clients: 47 → 79 requests/s with one thread a query; bench/load.py).
        self.store.conn.execute("SET threads TO 1")
        self.write_lock = threading.Lock()
        self._memo: OrderedDict[Hashable, Any] = OrderedDict()
        self._memo_lock = threading.Lock()

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, remembered until the next ingest (this process is the file's only writer).

        For the dyad report: its bootstrap intervals cost ~0.3 s a direction, its inputs change only
        when this service ingests. At most `MEMO_SIZE` results are kept, the oldest dropped first.
        """
        with self._memo_lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return cast(T, self._memo[key])
        value = compute()
        with self._memo_lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        """The store's read methods over a cursor of this request's own; closed when it is done."""
        with self.store.reading() as reader:
            yield reader

    def ingest(self, pipeline: Pipeline, raws: Sequence[RawDocument | Failure],
               pipeline_lock: threading.Lock) -> dict[str, Any]:
        """Analyze and store `raws` in the store's committed batches; a summary of what happened."""
        skipped: list[dict[str, str]] = []

        def skip(failure: Failure) -> None:
            skipped.append({"origin": failure.origin, "reason": failure.reason})

        with self.write_lock, pipeline_lock:
            summary = ingest(self.store, pipeline, raws, on_error=skip)
            with self._memo_lock:
                self._memo.clear()
        return {"read": summary.read, "stored": summary.stored, "present": summary.present,
                "skipped": summary.skipped, "already_skipped": summary.already_skipped,
                "events": summary.events, "skips": skipped}

    def close(self) -> None:
        self.store.close()
