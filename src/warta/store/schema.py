"""The database schema as numbered migrations, each recorded in `schema_migrations` when applied.

A migration is applied at most once, in its own transaction; a database whose newest recorded
migration is newer than this code knows is refused rather than guessed at. docs/schema.md
explains every table and column; keep it in step with the DDL here.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from warta.store.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


_V1_TABLES = (
    """CREATE TABLE store_meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL)""",
    """CREATE TABLE articles (
        article_key VARCHAR PRIMARY KEY,
        raw_hash VARCHAR NOT NULL,
        id VARCHAR,
        url VARCHAR,
        source VARCHAR,
        title VARCHAR,
        date DATE,
        published VARCHAR,
        author VARCHAR,
        lang VARCHAR,
        dateline VARCHAR,
        dateline_place VARCHAR,
        dateline_agency VARCHAR,
        text VARCHAR NOT NULL,
        body_start INTEGER NOT NULL,
        sentence_starts INTEGER[],
        sentence_ends INTEGER[],
        warnings VARCHAR[],
        n_words INTEGER NOT NULL,
        tone DOUBLE,
        origin VARCHAR,
        versions VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE actor_mentions (
        article_key VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        country VARCHAR,
        role VARCHAR,
        name VARCHAR,
        kind VARCHAR,
        how VARCHAR,
        dictionary_entry VARCHAR,
        refers_to INTEGER,
        versions VARCHAR NOT NULL)""",
    """CREATE TABLE events (
        event_id BIGINT PRIMARY KEY,
        article_key VARCHAR NOT NULL,
        story_id VARCHAR NOT NULL,
        story_event_id BIGINT NOT NULL,
        idx INTEGER NOT NULL,
        code VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        name VARCHAR,
        quad_class TINYINT NOT NULL,
        goldstein DOUBLE NOT NULL,
        plover VARCHAR,
        source_code VARCHAR,
        source_text VARCHAR,
        source_country VARCHAR,
        source_role VARCHAR,
        source_start INTEGER,
        source_end INTEGER,
        target_code VARCHAR,
        target_text VARCHAR,
        target_country VARCHAR,
        target_role VARCHAR,
        target_start INTEGER,
        target_end INTEGER,
        reporter_code VARCHAR,
        reporter_text VARCHAR,
        trigger_text VARCHAR NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        sentence VARCHAR NOT NULL,
        modality VARCHAR NOT NULL,
        confidence DOUBLE,
        rule VARCHAR,
        is_root BOOLEAN NOT NULL,
        tone DOUBLE,
        versions VARCHAR NOT NULL)""",
    """CREATE TABLE stories (
        story_id VARCHAR PRIMARY KEY,
        first_article VARCHAR NOT NULL,
        title VARCHAR,
        created_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE story_articles (
        article_key VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        matched_article VARCHAR,
        similarity DOUBLE)""",
    """CREATE TABLE minhashes (
        article_key VARCHAR PRIMARY KEY,
        signature BLOB NOT NULL)""",
    """CREATE TABLE minhash_bands (
        band UTINYINT NOT NULL,
        bucket BIGINT NOT NULL,
        article_key VARCHAR NOT NULL)""",
)

# GDELT-style story-level events: the mentions of one (source, target, code) in the articles of one
# story fold into one row. Negated and hypothetical events are mentions, not happenings: left out.
_V1_VIEWS = (
    """CREATE VIEW story_events AS
    SELECT e.story_event_id,
        any_value(e.story_id) AS story_id,
        min(a.date) AS day,
        any_value(e.code) AS code,
        any_value(e.root) AS root,
        any_value(e.name) AS name,
        any_value(e.quad_class) AS quad_class,
        any_value(e.goldstein) AS goldstein,
        any_value(e.plover) AS plover,
        any_value(e.source_code) AS source_code,
        arg_min(e.source_text, a.ingested_at) AS source_text,
        any_value(e.source_country) AS source_country,
        any_value(e.source_role) AS source_role,
        any_value(e.target_code) AS target_code,
        arg_min(e.target_text, a.ingested_at) AS target_text,
        any_value(e.target_country) AS target_country,
        any_value(e.target_role) AS target_role,
        bool_or(e.is_root) AS is_root,
        count(*) AS num_mentions,
        count(DISTINCT coalesce(a.source, a.url, a.article_key)) AS num_sources,
        count(DISTINCT e.article_key) AS num_articles,
        avg(a.tone) AS avg_tone,
        arg_min(a.article_key, a.ingested_at) AS first_article,
        arg_min(coalesce(a.url, a.source || ' ' || coalesce(a.id, a.article_key)),
                a.ingested_at) AS source_url,
        arg_min(e.sentence, a.ingested_at) AS sentence,
        min(a.ingested_at) AS date_added
    FROM events e JOIN articles a USING (article_key)
    WHERE e.modality IN ('asserted', 'reported')
    GROUP BY e.story_event_id""",
)

# Tables that grow with the corpus lose their primary keys: DuckDB holds an ART index wholly in
# memory to insert under it (~0.3 MB per 1,000 articles), so under `db_memory_limit` a large corpus
# would fail its inserts, and without the cap the index grows resident memory for good. Keys stay
# unique because the one writer checks them before every insert (Store.known_keys, known_raw);
# tests/store/test_keys.py checks it after repeated and resumed ingests.
_UNKEYED = ("articles", "events", "stories", "story_articles", "minhashes")


def _without_primary_key(table: str) -> tuple[str, ...]:
    """Rebuild `table` from its v1 definition with NOT NULL in place of PRIMARY KEY."""
    ddl = next(s for s in _V1_TABLES if s.startswith(f"CREATE TABLE {table} ("))
    rebuilt = ddl.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_v2 (", 1)
    return (rebuilt.replace(" PRIMARY KEY", " NOT NULL", 1),
            f"INSERT INTO {table}_v2 SELECT * FROM {table}",
            f"DROP TABLE {table}",
            f"ALTER TABLE {table}_v2 RENAME TO {table}")


# Each article keeps its story's first day, so folding checks the story window (store/stories.py)
# without joining the stories and articles tables on every batch.
_STORY_DAY = (
    "ALTER TABLE story_articles ADD COLUMN story_day DATE",
    """UPDATE story_articles SET story_day = a.date FROM stories st JOIN articles a
       ON a.article_key = st.first_article WHERE st.story_id = story_articles.story_id""",
)

# Records an ingest could not analyse (not those a --lang filter skipped on purpose), committed with
# the batch they were read in, so what a long run skipped can be queried after it.
_SKIPPED = """CREATE TABLE skipped (
    origin VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    skipped_at TIMESTAMP NOT NULL)"""

# A record that failed analysis is known by its raw hash (`records.raw_hash`), as a stored one is,
# so a re-run skips it before analysis instead of failing on it again. Rows from before v5 have
# none; the next run that meets their record again fills it in (Store._skipped).
_SKIPPED_HASH = ("ALTER TABLE skipped ADD COLUMN content_hash VARCHAR",)

# A reporter ("said X") keeps its span, country and role like the event's other actors, so a stored
# article reads back as the very `Article` the pipeline produced (store/articles.py).
_REPORTER = tuple(f"ALTER TABLE events ADD COLUMN reporter_{name} {kind}" for name, kind in
                  (("country", "VARCHAR"), ("role", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER")))

# Where each event happened (the geo stage's `Location`, flattened), and on the story event the
# most direct of its mentions' locations: a place in the sentence before one from the dateline or
# the actors' country, the first ingested among equals (so it does not change as a story grows).
LOCATION_FIELDS = (("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("name", "VARCHAR"),
                   ("country", "VARCHAR"), ("adm1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
                   ("geonames_id", "BIGINT"), ("feature", "VARCHAR"), ("how", "VARCHAR"))
_HOW_RANK = "coalesce(list_position(['sentence', 'attribution', 'dateline', 'country'], e.location_how), 9)"
_STORY_LOCATION = ", ".join(f"'{name}': e.location_{name}" for name, _ in LOCATION_FIELDS
                            if name not in ("start", "end"))
_LOCATION = (
    *(f'ALTER TABLE events ADD COLUMN "location_{name}" {kind}' for name, kind in LOCATION_FIELDS),
    "CREATE OR REPLACE VIEW story_events AS SELECT g.* EXCLUDE (loc), "
    + ", ".join(f"g.loc.{name} AS location_{name}" for name, _ in LOCATION_FIELDS
                if name not in ("start", "end"))
    + " FROM (" + _V1_VIEWS[0].split(" AS\n", 1)[1].replace(
        "min(a.ingested_at) AS date_added", "min(a.ingested_at) AS date_added, "
        f"arg_min({{{_STORY_LOCATION}}}, ({_HOW_RANK}, a.ingested_at)) AS loc")
    + ") g",
)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, actor mentions, events, stories, minhashes; story_events view",
              _V1_TABLES + _V1_VIEWS),
    Migration(2, "no primary-key indexes on tables that grow with the corpus; story_articles.story_day; "
                 "skipped", tuple(s for table in _UNKEYED for s in _without_primary_key(table))
              + _STORY_DAY + (_SKIPPED,)),
    Migration(3, "events.reporter_country, reporter_role, reporter_start, reporter_end", _REPORTER),
    Migration(4, "events.location_*; story_events.location_* (the most direct mention's)", _LOCATION),
    Migration(5, "skipped.content_hash (a failed record is not analysed again)", _SKIPPED_HASH),
)
LATEST = MIGRATIONS[-1].version

_LEDGER = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"""


def table_names(conn: duckdb.DuckDBPyConnection) -> set[str]:
    rows = conn.execute("SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = 'main'").fetchall()
    return {str(row[0]) for row in rows}


def applied_versions(conn: duckdb.DuckDBPyConnection) -> list[int]:
    return [int(row[0]) for row in
            conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()]


def check_warta_database(conn: duckdb.DuckDBPyConnection, label: str) -> list[int]:
    """The applied migrations, or a `StoreError` when the file is some other program's database."""
    names = table_names(conn)
    if not names:
        return []
    if "schema_migrations" not in names:
        raise StoreError(f"{label} is a DuckDB database but not a warta one "
                         f"(no schema_migrations table); choose another --db")
    versions = applied_versions(conn)
    if versions and versions[-1] > LATEST:
        raise StoreError(f"{label} has schema version {versions[-1]}, newer than this warta "
                         f"knows ({LATEST}); upgrade warta")
    return versions


def migrate(conn: duckdb.DuckDBPyConnection, label: str) -> list[int]:
    """Apply every migration not yet recorded; returns the versions applied now."""
    done = set(check_warta_database(conn, label))
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(_LEDGER)
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                         [migration.version, migration.name])
            conn.execute("COMMIT")
        except duckdb.Error:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
