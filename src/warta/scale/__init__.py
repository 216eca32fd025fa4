"""Scale out: the same stages inline, on every local core, or on a Dask cluster.

    executors.py   where `analyze_chunk` runs: inline or a local process pool
    cluster.py     ... or Dask workers (`--dask tcp://host:8786` / `local[N]`)
    ingest.py      `ingest_parallel`: chunks out to an executor, one writer into the `Store`
    shards.py      Parquet shards with the store's columns, written by Dask workers, loaded after

The executor is a choice at the edge: every path calls `analyze_chunk` with a `Pipeline` built
once per worker, so a cluster run and a laptop run give the same articles.
"""
