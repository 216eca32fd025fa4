"""Schema and migrations: recorded once, refused when foreign, corrupt or newer than this code."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import duckdb
import pytest

from warta.store import Store, StoreError
from warta.store.schema import LATEST, MIGRATIONS

TABLES = {"schema_migrations", "store_meta", "articles", "actor_mentions", "events", "stories",
          "story_articles", "minhashes", "minhash_bands", "story_events"}


def test_new_database_records_every_migration(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        rows = store.sql("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").rows
        assert [r[0] for r in rows] == [m.version for m in MIGRATIONS]
        assert all(r[1] and r[2] is not None for r in rows)
        names = {r[0] for r in store.sql("SELECT table_name FROM information_schema.tables").rows}
        assert names >= TABLES
    with Store(db) as again:  # reopening applies nothing twice
        assert again.schema_versions == [m.version for m in MIGRATIONS]
        assert again.sql("SELECT count(*) FROM schema_migrations").rows == [(len(MIGRATIONS),)]


def test_read_only_store_cannot_write(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    Store(db).close()
    with Store(db, read_only=True) as store, pytest.raises(StoreError, match="query failed"):
        store.sql("DELETE FROM articles")


def test_missing_database_for_reading_says_to_ingest(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no database at .*run 'warta ingest'"):
        Store(tmp_path / "none.duckdb", read_only=True)


@pytest.mark.parametrize("content", [b"id,text\n1,hello\n", bytes(range(256)) * 64, b"\x00" * 4096])
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "data.duckdb"
    db.write_bytes(content)
    with pytest.raises(StoreError, match="not a warta database") as info:
        Store(db)
    assert "\n" not in str(info.value)
    assert db.read_bytes() == content


def test_an_sqlite_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not a warta database"):
        Store(db)
    assert db.read_bytes() == before


def test_a_truncated_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    Store(db).close()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreError) as info:
        Store(db)
    assert "\n" not in str(info.value)


def test_another_programs_duckdb_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "theirs.duckdb"
    with duckdb.connect(str(db)) as conn:
        conn.execute("CREATE TABLE sales (id INTEGER)")
    with pytest.raises(StoreError, match="not a warta one"):
        Store(db)
    with duckdb.connect(str(db)) as conn:
        assert {r[0] for r in conn.execute("SHOW TABLES").fetchall()} == {"sales"}


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    Store(db).close()
    with duckdb.connect(str(db)) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, 'future')", [LATEST + 1])
    with pytest.raises(StoreError, match="newer than this warta"):
        Store(db)


def read_only_folder(tmp_path: Path) -> Path:
    """A folder this user cannot create files in: chmod 555, or sysfs for root (who ignores modes)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "probe").touch()
    except PermissionError:
        return folder
    (folder / "probe").unlink()
    return Path("/sys")


def test_read_only_folder_fails_cleanly(tmp_path: Path) -> None:
    folder = read_only_folder(tmp_path)
    before = sorted(p.name for p in folder.iterdir())
    try:
        with pytest.raises(StoreError, match="read-only") as info:
            Store(folder / "w.duckdb")
        assert "\n" not in str(info.value)
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        (tmp_path / "ro").chmod(0o755)


def test_a_v4_database_migrates_to_v5_keeping_its_skipped_rows(tmp_path: Path) -> None:
    from warta.article import Failure
    from warta.store.schema import migrate

    db = tmp_path / "v4.duckdb"
    with duckdb.connect(str(db)) as conn:
        for migration in (m for m in MIGRATIONS if m.version <= 4):  # what a v4 warta made
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                         "name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                         [migration.version, migration.name])
        conn.execute("INSERT INTO skipped VALUES ('old.jsonl:2', 'old.jsonl:2: bad', now())")
        assert migrate(conn, "v4") == [5]
        rows = conn.execute("SELECT origin, content_hash FROM skipped").fetchall()
        assert rows == [("old.jsonl:2", None)]
    with Store(db) as store:
        assert store.schema_versions == [1, 2, 3, 4, 5]
        # the old row's record met again fills in its hash instead of adding a second row
        store.add_articles([], skipped=[Failure("old.jsonl:2", "old.jsonl:2: bad", content_hash="ab" * 16)])
        assert store.sql("SELECT origin, content_hash FROM skipped").rows == [("old.jsonl:2", "ab" * 16)]
        assert store.known_skipped(["ab" * 16, "cd" * 16]) == {"ab" * 16}
