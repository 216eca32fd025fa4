"""Schema v2: the tables that grow with the corpus carry no primary-key index, yet keys stay unique."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import WIRE, WIRE_SPECS, make_article, repeated_keys

from warta.store import Store, schema
from warta.store import store as store_module

GROWING = ("articles", "events", "stories", "story_articles", "minhashes")
# The columns a version 1 database had, where later migrations added some.
_LOCATION = [f"location_{name}" for name, _ in schema.LOCATION_FIELDS]
_STORY_LOCATION = ", ".join(c for c in _LOCATION if c not in ("location_start", "location_end"))
V1_COLUMNS = {"story_articles": "* EXCLUDE (story_day)",
              "events": "* EXCLUDE (reporter_country, reporter_role, reporter_start, reporter_end, "
                        f"{', '.join(_LOCATION)})",
              "story_events": f"* EXCLUDE ({_STORY_LOCATION})"}


def primary_keys(store: Store) -> set[str]:
    rows = store.sql("SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'").rows
    return {str(row[0]) for row in rows}


def wire_copies(prefix: str, count: int) -> list:
    return [make_article(WIRE, WIRE_SPECS, source=f"{prefix}{i}", url=f"https://{prefix}{i}.example/")
            for i in range(count)]


def test_a_version_1_database_keeps_its_rows_and_loses_its_growing_indexes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    current, db = tmp_path / "current.duckdb", tmp_path / "v1.duckdb"
    with Store(current) as store:
        store.add_articles(wire_copies("s", 3))
    with monkeypatch.context() as patch:  # an empty database as the first release made it
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        patch.setattr(schema, "LATEST", 1)
        patch.setattr(store_module, "LATEST", 1)
        with Store(db) as old:
            assert primary_keys(old) >= set(GROWING)
            old.sql(f"ATTACH '{current}' AS src (READ_ONLY)")
            for table in (*GROWING, "actor_mentions", "minhash_bands"):  # the rows, in v1's columns
                old.sql(f"INSERT INTO {table} SELECT {V1_COLUMNS.get(table, '*')} FROM src.{table}")
            old.sql("DETACH src")
            before = {t: old.sql(f"SELECT * FROM {t} ORDER BY ALL").rows for t in GROWING}
            story_events = old.sql("SELECT * FROM story_events ORDER BY story_event_id").rows
    with Store(db) as new:
        assert new.schema_versions == [m.version for m in schema.MIGRATIONS]
        assert primary_keys(new) == {"store_meta", "schema_migrations"}
        kept = {t: new.sql(f"SELECT {V1_COLUMNS.get(t, '*')} FROM {t} ORDER BY ALL").rows for t in GROWING}
        assert kept == before
        days = new.sql("SELECT DISTINCT s.story_day = a.date FROM story_articles s JOIN stories st "
                       "USING (story_id) JOIN articles a ON a.article_key = st.first_article").rows
        assert days == [(True,)]  # backfilled from each story's first article
        assert new.sql(f"SELECT {V1_COLUMNS['story_events']} FROM story_events "
                       "ORDER BY story_event_id").rows == story_events
        not_null = new.sql("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'articles' "
                           "AND list_contains(constraint_column_names, 'article_key') "
                           "AND constraint_type = 'NOT NULL'").rows
        assert not_null == [(1,)]
        again = new.add_articles(wire_copies("s", 3) + wire_copies("t", 2))
        assert (len(again.stored), again.present) == (2, 3)
        assert set(repeated_keys(new.conn).values()) == {0}
        assert new.sql("SELECT count(*) FROM articles").rows == [(5,)]


def test_the_same_article_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    article = wire_copies("s", 1)[0]
    with Store(tmp_path / "w.duckdb") as store:
        result = store.add_articles([article, article, article])
        assert (len(result.stored), result.present) == (1, 2)
        assert set(repeated_keys(store.conn).values()) == {0}
        assert store.sql("SELECT count(*) FROM events").rows == [(len(WIRE_SPECS),)]
