"""`--workers N`: a process pool gives the same database as one process, even when a worker dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_helpers import snapshot

from warta.article import Article, Failure, RawDocument
from warta.ingest.readers import read_paths
from warta.scale.executors import InlineExecutor, Outcome, PoolExecutor
from warta.scale.ingest import ingest_parallel, plan_workers
from warta.scale.summary import IngestSummary
from warta.settings import Settings
from warta.store import Store

# Small chunks and batches so the 17 sample records make several chunks in flight and several commits.
SETTINGS = Settings(workers=2, chunk_size=3)
BATCH = 5


def run(db: Path, paths: list[str], executor: InlineExecutor | PoolExecutor,
        **kwargs: object) -> IngestSummary:
    with Store(db) as store:
        return ingest_parallel(store, SETTINGS, read_paths(paths), executor=executor, batch_size=BATCH,
                               **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def pool() -> Iterator[PoolExecutor]:
    """One pool of two processes for the module: workers load their pipelines once."""
    with PoolExecutor(SETTINGS, 2) as executor:
        yield executor


def test_two_workers_store_what_one_process_stores(tmp_path: Path, sample_paths: list[str],
                                                   reference_db: Path, pool: PoolExecutor) -> None:
    summary = run(tmp_path / "pool.duckdb", sample_paths, pool)
    with InlineExecutor(SETTINGS) as inline:
        inline_summary = run(tmp_path / "inline.duckdb", sample_paths, inline)
        again = run(tmp_path / "inline.duckdb", sample_paths, inline)
    assert snapshot(tmp_path / "pool.duckdb") == snapshot(reference_db)
    assert snapshot(tmp_path / "inline.duckdb") == snapshot(reference_db)
    assert (summary.read, summary.stored, summary.skipped, summary.events) == (
        inline_summary.read, inline_summary.stored, inline_summary.skipped, inline_summary.events)
    assert summary.stored == 17 and summary.events > 0
    assert again.stored == 0 and again.present == 17  # a second run stores nothing twice


def test_a_killed_pool_worker_loses_no_article(tmp_path: Path, sample_paths: list[str],
                                               reference_db: Path, pool: PoolExecutor) -> None:
    killed: list[int] = []
    restarts = pool.restarts

    def kill_once(summary: IngestSummary) -> None:
        if not killed:  # after the first commit, with chunks still in flight
            killed.append(pool.worker_pids()[0])
            os.kill(killed[0], signal.SIGKILL)

    summary = run(tmp_path / "killed.duckdb", sample_paths, pool, on_batch=kill_once)
    assert killed and pool.restarts > restarts
    assert killed[0] not in pool.worker_pids()
    assert summary.stored == 17 and summary.skipped == 0
    assert snapshot(tmp_path / "killed.duckdb") == snapshot(reference_db)


def test_no_more_workers_start_than_there_are_chunks() -> None:
    assert plan_workers(Settings(workers=8, chunk_size=32), 17) == 1
    assert plan_workers(Settings(workers=8, chunk_size=4), 17) == 5
    assert plan_workers(Settings(workers=2, chunk_size=4), None) == 2


def die_on_poison(chunk: list[RawDocument]) -> list[Outcome]:
    """A worker task that crashes its process on one record, as a segfault or the OOM killer would.

    The others become hand-built articles: this test is about the pool's recovery, not analysis,
    and skipping the stages keeps each of the pool's restarts quick.
    """
    if any((raw.origin or "").endswith("antara-lombok.html") for raw in chunk):
        os._exit(1)
    return [Article(id=raw.origin or "", text=f"Berita dari {raw.origin}.", lang="id") for raw in chunk]


def test_a_record_that_kills_its_worker_is_quarantined_and_the_rest_stored(tmp_path: Path,
                                                                         sample_paths: list[str]) -> None:
    paths = [str(Path(sample_paths[0]) / name) for name in
             ("aljazeera-afghanistan.html", "antara-lombok.html", "kompas-lhokseumawe.html",
              "merdeka-guantanamo.html", "seed-jagatbisnis-rusia-korut.txt")]
    skipped: list[Failure] = []
    with PoolExecutor(SETTINGS, 1, task=die_on_poison) as pool:  # one process: cheaper restarts
        summary = run(tmp_path / "poison.duckdb", paths, pool, on_error=skipped.append)
    assert summary.stored == 4 and summary.skipped == 1
    (failure,) = skipped
    assert failure.origin.endswith("antara-lombok.html") and "worker process died" in failure.reason
    with Store(tmp_path / "poison.duckdb", read_only=True) as store:  # and it is on file
        assert store.sql("SELECT origin, reason FROM skipped").rows == [(failure.origin, failure.reason)]


def test_pool_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    """`kill -9` on `warta ingest` leaves no one to shut the pool down: its workers must go too."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import sys, time\n"
        "from warta.scale.executors import PoolExecutor\n"
        "from warta.settings import Settings\n"
        "if __name__ == '__main__':\n"
        "    pool = PoolExecutor(Settings(), 2)\n"
        "    print(*pool.worker_pids(), flush=True)\n"
        "    time.sleep(120)\n", encoding="utf-8")
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True) as parent:
        try:
            assert parent.stdout is not None
            pids = [int(pid) for pid in parent.stdout.readline().split()]
            assert pids and all(alive(pid) for pid in pids)
        finally:
            parent.kill()  # SIGKILL: no cleanup runs in the parent
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in pids)


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"
