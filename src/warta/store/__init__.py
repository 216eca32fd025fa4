"""The event database: articles, actor mentions, events and stories in one DuckDB file.

    >>> from warta.store import Store
    >>> from warta.scale.ingest import ingest
    >>> with Store("warta.duckdb") as store:
    ...     ingest(store, pipeline, read_paths(["corpus.jsonl.gz"]))
    ...     store.dyad_counts("RUS", "PRK", by="month")

The store writes articles it is given and answers every read question (`reads.py`); it never runs
the pipeline (the one ingest loop is `warta.scale.ingest`).
"""

from __future__ import annotations

from warta.store.errors import StoreError
from warta.store.filters import EventFilter
from warta.store.reads import Page, QueryResult, Reader
from warta.store.store import DEFAULT_DB, AddResult, Provenance, Store

__all__ = ["DEFAULT_DB", "AddResult", "EventFilter", "Page", "Provenance", "QueryResult", "Reader", "Store",
           "StoreError"]
