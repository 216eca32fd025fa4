"""Run the stages on a Dask cluster (dask.distributed): `--dask tcp://host:8786` or `local[N]`.

A worker plugin builds one `Pipeline` per worker process when the worker starts (and again when
a dead worker is replaced). Each task analyses one chunk; with a shard folder it writes the
chunk's Parquet part and returns only failures, so results never travel through the scheduler.
The client rebuilds the articles from the part, in order, for the one writer. The shard folder
must be visible to the client and every worker (local disk for `local[N]`, a shared mount
otherwise).

When a worker dies, the scheduler runs its tasks again elsewhere (tasks are idempotent: a part
is written atomically under a name derived from its records). A chunk that kills workers
repeatedly (`KilledWorker`) is split, and a single record that does is quarantined.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker
from distributed.scheduler import KilledWorker

from warta.article import Failure
from warta.errors import WartaError
from warta.pipeline import Pipeline
from warta.scale import executors
from warta.scale.executors import CHUNKS_PER_WORKER, Chunk, Outcome, Result, analyze_chunk, ordered
from warta.settings import Settings

PLUGIN = "warta-pipeline"
CONNECT_TIMEOUT = "20s"  # a scheduler that does not answer in this time is reported, not waited on


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline (rules, dictionaries, models) once per worker process."""

    def __init__(self, settings: Settings, schemas: Any = None) -> None:
        self.settings = settings
        self.schemas = schemas  # the shards' Arrow schemas, read once by the client
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        self.pipeline = Pipeline(self.settings)


def _loaded() -> tuple[Pipeline, Any]:
    """This worker's pipeline and shard schemas, loaded by the plugin when the worker started."""
    plugin = get_worker().plugins.get(PLUGIN)
    if not isinstance(plugin, PipelinePlugin) or plugin.pipeline is None:
        raise WartaError("the warta worker plugin is not set up on this Dask worker")
    return plugin.pipeline, plugin.schemas


def analyze_task(chunk: Chunk) -> list[Outcome]:
    """A task: the chunk's outcomes, sent back to the client."""
    pipeline, _ = _loaded()
    return analyze_chunk(pipeline, chunk)


def shard_task(chunk: Chunk, shard_dir: str) -> str:
    """A task: analyse the chunk and write its Parquet part; returns the part's id."""
    from warta.scale.shards import is_complete, part_id, write_part

    pipeline, schemas = _loaded()
    part = part_id(chunk)
    if not is_complete(Path(shard_dir), part):
        write_part(Path(shard_dir), part, chunk, analyze_chunk(pipeline, chunk), schemas)
    return part


class DaskExecutor:
    """Chunks out to a Dask cluster; outcomes back in order, through shards when given a folder."""

    def __init__(self, settings: Settings, address: str, shard_dir: Path | None = None) -> None:
        self.shard_dir = shard_dir.resolve() if shard_dir else None
        self.cluster: LocalCluster | None = None
        local = executors.parse_local(address)
        if local is not None and local < 1:
            raise WartaError(f"--dask {address}: a local cluster needs at least one worker, e.g. local[2]")
        try:
            if local is not None:
                # Processes, one thread each: the stages are pure Python and hold the GIL.
                self.cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=local, threads_per_worker=1, processes=True, dashboard_address=None,
                    silence_logs=logging.ERROR)
                self.client = Client(self.cluster)  # type: ignore[no-untyped-call]
            else:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            self._shutdown()
            raise WartaError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        schemas = None
        if self.shard_dir is not None:
            from warta.scale.shards import ShardSchemas

            schemas = ShardSchemas.from_store()
        self.client.register_plugin(PipelinePlugin(settings, schemas), name=PLUGIN)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.in_flight = CHUNKS_PER_WORKER * self.workers

    def worker_pids(self) -> dict[str, int]:
        """Worker address → process id (for monitoring, and for the test that kills one)."""
        import os

        return dict(self.client.run(os.getpid))

    def analyze(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        return ordered(self._submit, self._collect, chunks, self.in_flight)

    def _submit(self, chunk: Chunk) -> Future[Any]:
        if self.shard_dir is not None:
            return self.client.submit(shard_task, chunk, str(self.shard_dir), pure=False)
        return self.client.submit(analyze_task, chunk, pure=False)

    def _collect(self, chunk: Chunk, future: Future[Any]) -> list[Outcome]:
        try:
            value = future.result()
        except KilledWorker:
            return self._split(chunk)
        finally:
            future.release()  # type: ignore[no-untyped-call]
        return self._outcomes(chunk, value)

    def _outcomes(self, chunk: Chunk, value: Any) -> list[Outcome]:
        if self.shard_dir is None:
            return list(value)
        from warta.scale.shards import read_part

        try:
            return read_part(self.shard_dir, str(value), len(chunk))
        except FileNotFoundError as exc:
            raise WartaError(f"a worker wrote shard part {value} where this machine cannot see it "
                             f"({self.shard_dir}); give --shards a folder that every worker and this "
                             "machine share") from exc

    def _split(self, chunk: Chunk) -> list[Outcome]:
        """A chunk that killed workers again and again: one record per task; the culprit is quarantined."""
        if len(chunk) == 1:
            origin = chunk[0].origin or "record"
            return [Failure(origin, f"{origin}: Dask workers died analysing this record; quarantined")]
        outcomes: list[Outcome] = []
        for raw in chunk:
            outcomes += self._collect([raw], self._submit([raw]))
        return outcomes

    def close(self) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
