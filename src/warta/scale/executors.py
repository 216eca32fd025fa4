"""Where the stages run: inline, in a local process pool, or on Dask workers.

Every executor runs the same function, `analyze_chunk`, over chunks of raw documents with a
`Pipeline` built once per worker, and yields `(chunk, outcomes)` in submission order with a
bounded number of chunks in flight, so memory stays flat and one writer can commit in order.
An outcome is the chunk item's `Article`, or its `Failure` with the reason: nothing is dropped.

A dead worker loses nothing. The pool rebuilds itself and runs again every chunk that was in
flight; a chunk that kills a worker on its own is split, and a single record that kills one is
quarantined with that reason. Dask reschedules a dead worker's tasks itself.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from warta.article import Article, Failure, RawDocument
from warta.errors import WartaError
from warta.pipeline import Pipeline
from warta.settings import Settings

Chunk = list[RawDocument]
Outcome = Article | Failure
Result = tuple[Chunk, list[Outcome]]
CHUNKS_PER_WORKER = 2  # in flight per worker: one running, one queued, so no worker waits on the reader
PARENT_CHECK_SECONDS = 1.0  # how soon an orphaned worker notices and exits
MAX_BREAKS = 8  # pool rebuilds in a row without one finished chunk before the run is abandoned
_LOCAL = re.compile(r"^local(?:\[(\d+)\])?$")


def analyze_chunk(pipeline: Pipeline, chunk: Chunk) -> list[Outcome]:
    """The one unit of work every executor runs: each raw document to its article or failure."""
    outcomes: list[Outcome] = []
    for raw in chunk:
        failures: list[Failure] = []
        articles = list(pipeline.pipe([raw], on_error=failures.append))
        if articles:
            outcomes.append(articles[0])
        else:
            origin = raw.origin or "record"
            outcomes.append(failures[0] if failures else Failure(origin, f"{origin}: no article"))
    return outcomes


class Executor(Protocol):
    workers: int

    def analyze(self, chunks: Iterable[Chunk]) -> Iterator[Result]: ...

    def close(self) -> None: ...


def cpu_count() -> int:
    """Cores this process may use (the affinity mask, not the machine's total, under a container)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def parse_local(address: str) -> int | None:
    """`local[4]` → 4, `local` → every core; None for a scheduler address."""
    found = _LOCAL.match(address.strip())
    if not found:
        return None
    return int(found.group(1)) if found.group(1) else cpu_count()


class InlineExecutor:
    """One worker, this process: the reference every other executor must match."""

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None) -> None:
        self.workers = 1
        self.pipeline = pipeline or Pipeline(settings)

    def analyze(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        for chunk in chunks:
            if chunk:
                yield chunk, analyze_chunk(self.pipeline, chunk)

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> InlineExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# Each pool process builds its pipeline once, in the initializer, and keeps it here for the
# process's life; this is per-process state of a worker, never touched in the parent.
_WORKER: dict[str, Pipeline] = {}


def _init_worker(settings: Settings, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="warta-parent-watch").start()
    _WORKER["pipeline"] = Pipeline(settings)


def _exit_with(parent: int) -> None:
    """End this worker when the process that started the pool is gone (`kill -9` leaves no one to
    shut the pool down, and a worker waiting for work would otherwise wait for ever)."""
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # alive, owned by someone else
            continue


def _ping() -> bool:
    return "pipeline" in _WORKER


def _analyze_in_worker(chunk: Chunk) -> list[Outcome]:
    return analyze_chunk(_WORKER["pipeline"], chunk)


class PoolExecutor:
    """`workers` processes on this machine; results come back, in order, to the one writer."""

    def __init__(self, settings: Settings, workers: int,
                 task: Callable[[Chunk], list[Outcome]] | None = None) -> None:
        self.settings = settings
        self.workers = workers
        self.task = task or _analyze_in_worker  # a module-level function, run in the worker
        self.in_flight = CHUNKS_PER_WORKER * workers
        self.restarts = 0
        self._breaks = 0
        # forkserver, not fork: the parent may hold DuckDB's threads, which fork cannot copy safely.
        self._context = multiprocessing.get_context("forkserver")
        # The fork server imports warta once; each worker forks from it instead of importing again.
        self._context.set_forkserver_preload(["warta.pipeline"])
        self._pool = self._start()
        try:  # a worker that cannot build its pipeline is an error now, not a quarantined record later
            self._pool.submit(_ping).result()
        except BrokenProcessPool as exc:
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise WartaError("worker processes could not start the pipeline; run with --workers 1 "
                             "to see why") from exc

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=_init_worker,
                                   initargs=(self.settings, os.getpid()))

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (for monitoring, and for the test that kills one)."""
        processes: dict[int, Any] = getattr(self._pool, "_processes", None) or {}
        return sorted(processes)

    def analyze(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        pending: deque[tuple[Chunk, Future[list[Outcome]]]] = deque()
        for chunk in chunks:
            if not chunk:
                continue
            pending.append((chunk, self._submit(chunk)))
            if len(pending) >= self.in_flight:
                yield self._collect(pending)
        while pending:
            yield self._collect(pending)

    def _submit(self, chunk: Chunk) -> Future[list[Outcome]]:
        try:
            return self._pool.submit(self.task, chunk)
        except BrokenProcessPool:
            self._restart()
            return self._pool.submit(self.task, chunk)

    def _collect(self, pending: deque[tuple[Chunk, Future[list[Outcome]]]]) -> Result:
        chunk, future = pending.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            # Every future of the dead pool failed with it: run the oldest alone (it may be the
            # culprit), then hand the rest to the new pool.
            self._restart()
            outcomes = self._isolated(chunk)
            for index, (waiting, _) in enumerate(pending):
                pending[index] = (waiting, self._submit(waiting))
        self._breaks = 0
        return chunk, outcomes

    def _isolated(self, chunk: Chunk) -> list[Outcome]:
        """The chunk with nothing else running; a record that kills a worker alone is quarantined."""
        try:
            return self._submit(chunk).result()
        except BrokenProcessPool:
            self._restart()
        if len(chunk) == 1:
            origin = chunk[0].origin or "record"
            return [Failure(origin, f"{origin}: a worker process died analysing this record "
                                    "(crash or out of memory); quarantined")]
        outcomes: list[Outcome] = []
        for raw in chunk:
            outcomes += self._isolated([raw])
        return outcomes

    def _restart(self) -> None:
        self._breaks += 1
        if self._breaks > MAX_BREAKS:
            raise WartaError(f"worker processes died {MAX_BREAKS} times in a row; the pipeline "
                             "cannot start in a worker (check memory and data files)")
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()
        self.restarts += 1

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PoolExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ordered(submit: Callable[[Chunk], Any], collect: Callable[[Chunk, Any], list[Outcome]],
            chunks: Iterable[Chunk], limit: int) -> Iterator[Result]:
    """Submit chunks with at most `limit` in flight; collect them in submission order."""
    pending: deque[tuple[Chunk, Any]] = deque()
    for chunk in chunks:
        if not chunk:
            continue
        pending.append((chunk, submit(chunk)))
        if len(pending) >= limit:
            waiting, handle = pending.popleft()
            yield waiting, collect(waiting, handle)
    while pending:
        waiting, handle = pending.popleft()
        yield waiting, collect(waiting, handle)
