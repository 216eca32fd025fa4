"""`--dask local[2]`: Dask workers write Parquet shards; loaded, they give the single-process database."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_helpers import snapshot

from warta.ingest.readers import read_paths
from warta.scale.cluster import DaskExecutor
from warta.scale.ingest import ingest_parallel
from warta.scale.summary import IngestSummary
from warta.settings import Settings
from warta.store import Store

SETTINGS = Settings(dask="local[2]", chunk_size=3)
BATCH = 5


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaskExecutor]:
    """One LocalCluster of two worker processes for the module (starting one takes seconds)."""
    shards = tmp_path_factory.mktemp("shards")
    with DaskExecutor(SETTINGS, "local[2]", shard_dir=shards) as executor:
        yield executor


def run(db: Path, paths: list[str], executor: DaskExecutor, **kwargs: object) -> IngestSummary:
    with Store(db) as store:
        return ingest_parallel(store, SETTINGS, read_paths(paths), executor=executor, batch_size=BATCH,
                               **kwargs)  # type: ignore[arg-type]


def test_a_local_cluster_gives_the_single_process_database(tmp_path: Path, sample_paths: list[str],
                                                           reference_db: Path, cluster: DaskExecutor) -> None:
    assert cluster.workers == 2
    summary = run(tmp_path / "dask.duckdb", sample_paths, cluster)
    assert summary.stored == 17 and summary.skipped == 0
    assert snapshot(tmp_path / "dask.duckdb") == snapshot(reference_db)


def test_the_shards_have_the_store_columns_and_can_be_queried_in_place(
        cluster: DaskExecutor, reference_db: Path) -> None:
    shards = cluster.shard_dir
    assert shards is not None and list((shards / "events").glob("part-*.parquet"))
    with Store(reference_db, read_only=True) as store:
        for table in ("articles", "actor_mentions", "events"):
            in_db = store.sql(f"SELECT * FROM {table} LIMIT 0").columns
            in_shards = store.sql(f"SELECT * FROM '{shards}/{table}/*.parquet' LIMIT 0").columns
            assert in_shards == in_db, table
        stored = store.sql("SELECT event_id FROM events ORDER BY 1").rows
        sharded = store.sql(f"SELECT event_id FROM '{shards}/events/*.parquet' ORDER BY 1").rows
        assert sharded == stored and stored
        assert store.sql(f"SELECT count(*) FROM '{shards}/quarantine/*.parquet'").rows == [(0,)]


def test_a_killed_dask_worker_loses_no_article(tmp_path: Path, sample_paths: list[str],
                                               reference_db: Path, cluster: DaskExecutor) -> None:
    cluster.shard_dir = tmp_path / "fresh-shards"  # parts from the first test would be reused, not rerun
    killed: list[int] = []

    def kill_once(summary: IngestSummary) -> None:
        if not killed:  # after the first commit, with chunks still in flight on both workers
            killed.append(next(iter(cluster.worker_pids().values())))
            os.kill(killed[0], signal.SIGKILL)

    summary = run(tmp_path / "killed.duckdb", sample_paths, cluster, on_batch=kill_once)
    assert killed
    assert summary.stored == 17 and summary.skipped == 0
    assert snapshot(tmp_path / "killed.duckdb") == snapshot(reference_db)
