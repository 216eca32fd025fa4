"""`Store`: warta's event database, one DuckDB file behind a small verb-named API.

One `Store` holds one connection and is the only writer; every batch of articles is one
transaction, so a crash loses at most the batch in flight and never leaves half of one.
Readers in other threads take `store.reading()`; other processes open the file `read_only`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warta.article import Article, Failure
from warta.store.connect import connect, describe_error
from warta.store.errors import StoreError
from warta.store.reads import Reader, Reads
from warta.store.records import Row, article_key, article_row, event_rows, mention_rows, parse_day
from warta.store.schema import LATEST, applied_versions, check_warta_database, migrate
from warta.store.stories import CONFIG as STORY_CONFIG
from warta.store.stories import StoryIndex
from warta.store.tone import ToneScorer

DEFAULT_DB = "warta.duckdb"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a stored article came from: the raw input's hash and its file:line."""

    raw_hash: str
    origin: str | None = None


@dataclass
class AddResult:
    """What one `add_articles` call did."""

    stored: list[str] = field(default_factory=list)
    present: int = 0
    new_stories: int = 0
    events: int = 0


class Store(Reads):
    """An event database at `path` (created and migrated on first write); reads are `Reads` methods.

    `memory_limit` caps DuckDB's buffer (`warta ingest` passes `Settings.db_memory_limit`); None
    leaves DuckDB's own limit, 80% of RAM, which aggregations over a large database need.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False,
                 tone: ToneScorer | None = None, memory_limit: str | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.tone = tone
        self.conn = connect(self.path, read_only, memory_limit)
        try:
            self._prepare()
        except duckdb.Error as exc:
            self.conn.close()
            raise StoreError(describe_error(exc, self.label)) from exc
        except StoreError:
            self.conn.close()
            raise
        self._types = self._column_types()
        self._stories: StoryIndex | None = None

    @property
    def stories(self) -> StoryIndex:
        """The story index, built on the first write (readers never load datasketch)."""
        if self._stories is None:
            self._stories = StoryIndex()
        return self._stories

    @property
    def label(self) -> str:
        return str(self.path)

    def _prepare(self) -> None:
        if self.read_only:
            versions = check_warta_database(self.conn, self.label)
            if not versions or versions[-1] < LATEST:
                raise StoreError(f"{self.label} needs a schema upgrade (or is empty); "
                                 "run 'warta ingest' on it first")
            return
        migrate(self.conn, self.label)
        meta = dict(self.conn.execute("SELECT key, value FROM store_meta").fetchall())
        if "stories" not in meta:
            self.conn.execute("INSERT INTO store_meta VALUES ('stories', ?)", [STORY_CONFIG])
        elif meta["stories"] != STORY_CONFIG:
            raise StoreError(f"{self.label} folds stories with '{meta['stories']}', this warta with "
                             f"'{STORY_CONFIG}'; ingest into a new --db")

    def _column_types(self) -> dict[str, dict[str, str]]:
        rows = self.conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall()
        types: dict[str, dict[str, str]] = {}
        for table, column, kind in rows:
            types.setdefault(table, {})[column] = kind
        return types

    def close(self) -> None:
        """Checkpoint and close. DuckDB alone swallows a failed checkpoint at close, so a full disk
        would go unreported; checkpointing here first makes it an error the user sees."""
        try:
            if not self.read_only:
                self.conn.execute("CHECKPOINT")
        except duckdb.Error as exc:
            with suppress(duckdb.Error):
                self.conn.close()
            reason = describe_error(exc, self.label).split(";")[0]
            raise StoreError(f"{reason}; every committed batch is kept in {self.label}.wal and is "
                             "recovered when the database is next opened with room to write") from exc
        try:
            self.conn.close()
        except duckdb.Error as exc:
            raise StoreError(describe_error(exc, self.label)) from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.close()
            return
        with suppress(StoreError):  # the error already on its way out is the one to report
            self.close()

    def reader(self) -> duckdb.DuckDBPyConnection:
        """A cursor for another thread in this process (DuckDB connections are not shared)."""
        return self.conn.cursor()

    def reading(self) -> Reader:
        """The store's read methods over a cursor of their own, for another thread; close it after."""
        return Reader(self.conn.cursor())

    @property
    def schema_versions(self) -> list[int]:
        return applied_versions(self.conn)

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: a failed write is rolled back and becomes a `StoreError`."""
        if self.read_only:
            raise StoreError(f"{self.label} was opened read-only")
        try:
            self.conn.execute("BEGIN TRANSACTION")
        except duckdb.Error as exc:
            raise StoreError(describe_error(exc, self.label)) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            # If ROLLBACK fails the transaction is already gone; DuckDB keeps nothing of it.
            with suppress(duckdb.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(describe_error(exc, self.label)) from exc
            raise

    def known_raw(self, hashes: Sequence[str]) -> set[str]:
        """Which raw-input hashes are already stored (so the pipeline can skip them)."""
        return self._known("articles", "raw_hash", hashes)

    def known_keys(self, keys: Sequence[str]) -> set[str]:
        return self._known("articles", "article_key", keys)

    def known_skipped(self, hashes: Sequence[str]) -> set[str]:
        """Which raw-input hashes failed analysis before (so the pipeline skips them too)."""
        return self._known("skipped", "content_hash", hashes)

    def _known(self, table: str, column: str, values: Sequence[str]) -> set[str]:
        """Which of `values` stand in `column` of `table` (both this module's names, never input)."""
        if not values:
            return set()
        rows = self.conn.execute(f"SELECT {column} FROM {table} WHERE {column} IN "
                                 "(SELECT unnest(?::VARCHAR[]))", [list(values)]).fetchall()
        return {row[0] for row in rows}

    def add_articles(self, articles: Iterable[Article], *, versions: Mapping[str, str] | None = None,
                     provenance: Sequence[Provenance] | None = None,
                     skipped: Sequence[Failure] = ()) -> AddResult:
        """Store articles in one transaction; articles already stored (same key) are counted, not added.

        `skipped` are the batch's records that could not be analysed: kept in `skipped`, once each.
        """
        items = list(articles)
        if provenance is not None and len(provenance) != len(items):
            raise StoreError("add_articles: one provenance per article")
        result = AddResult()
        keys = [article_key(article) for article in items]
        present = self.known_keys(keys)
        fresh: list[tuple[str, Article, Provenance]] = []
        for index, (key, article) in enumerate(zip(keys, items, strict=True)):
            if key in present:
                result.present += 1
                continue
            present.add(key)
            fresh.append((key, article, provenance[index] if provenance else Provenance("article:" + key)))
        if not fresh and not skipped:
            return result
        with self.transaction() as conn:
            if fresh:
                self._write(conn, fresh, dict(versions or {}), result)
            if skipped:
                self._skipped(conn, skipped)
        return result

    @staticmethod
    def _skipped(conn: duckdb.DuckDBPyConnection, failures: Sequence[Failure]) -> None:
        """One row per (origin, reason, content hash): a re-run that meets the same bad record adds
        nothing. A row from before schema v5 (no hash) takes the hash of its record when met again."""
        batch = """(SELECT DISTINCT unnest(?::VARCHAR[]) AS origin, unnest(?::VARCHAR[]) AS reason,
                           unnest(?::VARCHAR[]) AS content_hash) q"""
        columns = [[f.origin for f in failures], [f.reason for f in failures],
                   [f.content_hash for f in failures]]
        conn.execute(f"""UPDATE skipped SET content_hash = q.content_hash FROM {batch}
                         WHERE skipped.content_hash IS NULL AND q.content_hash IS NOT NULL
                           AND skipped.origin = q.origin AND skipped.reason = q.reason""", columns)
        conn.execute(f"""INSERT INTO skipped (origin, reason, skipped_at, content_hash)
                         SELECT q.origin, q.reason, ?::TIMESTAMP, q.content_hash FROM {batch}
                         WHERE NOT EXISTS (SELECT 1 FROM skipped s
                                           WHERE s.origin = q.origin AND s.reason = q.reason
                                             AND s.content_hash IS NOT DISTINCT FROM q.content_hash)""",
                     [datetime.now(UTC).replace(tzinfo=None), *columns])

    def _write(self, conn: duckdb.DuckDBPyConnection, fresh: list[tuple[str, Article, Provenance]],
               versions: dict[str, str], result: AddResult) -> None:
        if self.tone is not None:
            versions.setdefault("tone", self.tone.version)
        stamp = "; ".join(f"{k}={v}" for k, v in sorted(versions.items()))
        now = datetime.now(UTC).replace(tzinfo=None)
        keys = [key for key, _, _ in fresh]
        signatures = [self.stories.signature(article.text) for _, article, _ in fresh]
        days = [parse_day(article.date) for _, article, _ in fresh]
        assignments = self.stories.assign(conn, keys, signatures, days)
        tables: dict[str, list[Row]] = {name: [] for name in
                                        ("articles", "actor_mentions", "events", "stories", "story_articles")}
        for (key, article, prov), story in zip(fresh, assignments, strict=True):
            tone = self._tone(article.text, article.lang)
            tables["articles"].append(article_row(article, key, prov.raw_hash, stamp, now, tone, prov.origin))
            tables["actor_mentions"] += mention_rows(article, key, versions.get("actors", ""))
            tones = [self._tone(article.text[e.sentence.start:e.sentence.end], article.lang)
                     for e in article.events]
            tables["events"] += event_rows(article, key, story.story_id, versions.get("events", ""), tones)
            tables["story_articles"].append({"article_key": key, "story_id": story.story_id,
                                             "matched_article": story.matched,
                                             "story_day": story.story_day,
                                             "similarity": story.similarity})
            if story.is_new_story:
                tables["stories"].append({"story_id": key, "first_article": key,
                                          "title": article.title, "created_at": now})
        for table, rows in tables.items():
            self._insert(conn, table, rows)
        hashes: dict[str, list[object]] = {"article_key": list(keys),
                                           "signature": [s.tobytes() for s in signatures]}
        self._insert_columns(conn, "minhashes", hashes)
        self._insert_columns(conn, "minhash_bands", StoryIndex.band_rows(keys, signatures))
        result.stored += keys
        result.new_stories += len(tables["stories"])
        result.events += len(tables["events"])

    def _tone(self, text: str, lang: str | None) -> float | None:
        return self.tone.score(text, lang) if self.tone is not None else None

    def _insert(self, conn: duckdb.DuckDBPyConnection, table: str, rows: list[Row]) -> None:
        if rows:
            self._insert_columns(conn, table, {col: [row.get(col) for row in rows] for col in rows[0]})

    def _insert_columns(self, conn: duckdb.DuckDBPyConnection, table: str,
                        columns: Mapping[str, list[object]]) -> None:
        """One INSERT per table per batch: columns travel as typed lists and are unnested."""
        names = list(columns)
        if not names or not columns[names[0]]:
            return
        types = self._types[table]
        select = ", ".join(f"unnest(?::{types[name]}[])" for name in names)
        quoted = ", ".join(f'"{name}"' for name in names)
        conn.execute(f"INSERT INTO {table} ({quoted}) SELECT {select}", [columns[n] for n in names])
