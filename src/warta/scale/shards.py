"""Parquet shards: what a Dask worker writes for one chunk, with the store's own columns.

A shard is one file per table under `<dir>/<table>/part-<id>.parquet`. `articles`,
`actor_mentions` and `events` have exactly the columns and types of the DuckDB tables (the
Arrow schemas are read from a database migrated in memory), so `warta sql` can query the shards
in place: `SELECT code, count(*) FROM 'shards/events/*.parquet' GROUP BY code`. Before loading,
each article is its own story (`story_id` = `article_key`) and tone is empty: story folding and
tone need the whole database and are done by the one writer when the shards are loaded.

`documents` holds each article losslessly as JSON, so loading rebuilds the very `Article`s a
single process would have produced; `quarantine` holds every failure with its reason. A part's
`documents` file is written last, atomically, and marks the part complete: a part whose
`documents` file exists is reused when an interrupted run is started again. A resumed run may
cut its chunks differently, so the shards can hold an article twice where the database, which
deduplicates, holds it once: count distinct `article_key` / `event_id` when querying shards.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warta.article import Article, Failure
from warta.scale.executors import Chunk, Outcome
from warta.store.records import article_key, article_row, event_rows, mention_rows, raw_hash
from warta.store.schema import migrate

STORE_TABLES = ("articles", "actor_mentions", "events")
DOCUMENTS = pa.schema([("idx", pa.int32()), ("article_key", pa.string()), ("raw_hash", pa.string()),
                       ("origin", pa.string()), ("article", pa.string())])
QUARANTINE = pa.schema([("idx", pa.int32()), ("raw_hash", pa.string()), ("origin", pa.string()),
                        ("reason", pa.string()), ("filtered", pa.bool_())])


@dataclass(frozen=True)
class ShardSchemas:
    """Arrow schemas of the store's tables, taken from a freshly migrated in-memory database."""

    tables: dict[str, pa.Schema]

    @classmethod
    def from_store(cls) -> ShardSchemas:
        conn = duckdb.connect(":memory:")
        try:
            migrate(conn, ":memory:")
            return cls({name: conn.execute(f"SELECT * FROM {name} LIMIT 0").to_arrow_table().schema
                        for name in STORE_TABLES})
        finally:
            conn.close()


def part_id(chunk: Chunk) -> str:
    """A chunk's name from its records' hashes: the same chunk gets the same part on a re-run."""
    digest = hashlib.sha256("\n".join(raw_hash(raw) for raw in chunk).encode()).hexdigest()
    return digest[:20]


def part_path(shard_dir: Path, table: str, part: str) -> Path:
    return shard_dir / table / f"part-{part}.parquet"


def is_complete(shard_dir: Path, part: str) -> bool:
    return part_path(shard_dir, "documents", part).is_file()


def write_part(shard_dir: Path, part: str, chunk: Chunk, outcomes: list[Outcome],
               schemas: ShardSchemas) -> None:
    """Every table's file for one chunk; `documents` last, so it marks a finished part."""
    now = datetime.now(UTC).replace(tzinfo=None)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (*STORE_TABLES, "documents", "quarantine")}
    for index, (raw, outcome) in enumerate(zip(chunk, outcomes, strict=True)):
        digest = raw_hash(raw)
        if isinstance(outcome, Failure):
            rows["quarantine"].append({"idx": index, "raw_hash": digest, "origin": outcome.origin,
                                       "reason": outcome.reason, "filtered": outcome.filtered})
            continue
        key = article_key(outcome)
        rows["articles"].append(article_row(outcome, key, digest, "", now, None, raw.origin))
        rows["actor_mentions"] += mention_rows(outcome, key, "")
        rows["events"] += event_rows(outcome, key, key, "", [None] * len(outcome.events))
        rows["documents"].append({"idx": index, "article_key": key, "raw_hash": digest,
                                  "origin": raw.origin,
                                  "article": json.dumps(outcome.to_dict(), ensure_ascii=False)})
    all_schemas = {**schemas.tables, "documents": DOCUMENTS, "quarantine": QUARANTINE}
    for table in (*STORE_TABLES, "quarantine", "documents"):
        _write_atomic(pa.Table.from_pylist(rows[table], schema=all_schemas[table]),
                      part_path(shard_dir, table, part))


def _write_atomic(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, path)  # a reader never sees half a file; a retried task overwrites


def read_part(shard_dir: Path, part: str, size: int) -> list[Outcome]:
    """The outcomes of one written part, in chunk order, rebuilt from `documents` and `quarantine`."""
    found: dict[int, Outcome] = {}
    for row in pq.read_table(part_path(shard_dir, "documents", part)).to_pylist():
        found[row["idx"]] = Article.from_dict(json.loads(row["article"]))
    for row in pq.read_table(part_path(shard_dir, "quarantine", part)).to_pylist():
        found[row["idx"]] = Failure(row["origin"], row["reason"], filtered=row["filtered"])
    missing = [index for index in range(size) if index not in found]
    if missing:
        raise ValueError(f"shard part {part} lacks records {missing[:5]}; delete it and run again")
    return [found[index] for index in range(size)]
