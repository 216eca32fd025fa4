"""Ingest: idempotent by content hash, bad records skipped, failed writes leave nothing half-done."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from store_helpers import WIRE, WIRE_SPECS, corpus_records, make_article, repeated_keys, write_jsonl

from support import REPO
from warta.article import Article, RawDocument
from warta.ingest.readers import read_paths
from warta.pipeline import Pipeline
from warta.scale.ingest import ingest
from warta.scale.summary import pipeline_versions
from warta.store import Store, StoreError

SAMPLE = REPO / "src" / "warta" / "data" / "sample"
TABLES = ("articles", "actor_mentions", "events", "stories", "story_articles", "minhashes", "minhash_bands")


def counts(store: Store) -> dict[str, int]:
    return {t: store.sql(f"SELECT count(*) FROM {t}").rows[0][0] for t in TABLES}


def test_reingesting_the_bundled_sample_adds_nothing(tmp_path: Path, pipeline: Pipeline) -> None:
    with Store(tmp_path / "w.duckdb") as store:
        first = ingest(store, pipeline, read_paths([str(SAMPLE)]), batch_size=4)
        before = counts(store)
        second = ingest(store, pipeline, read_paths([str(SAMPLE)]), batch_size=4)
        assert counts(store) == before
        assert set(repeated_keys(store.conn).values()) == {0}
    assert first.stored == before["articles"] > 10 and first.present == 0
    assert second.stored == 0 and second.present == first.stored and second.skipped == first.skipped


def test_the_same_article_in_another_input_format_is_already_present(tmp_path: Path,
                                                                      pipeline: Pipeline) -> None:
    record = json.loads((SAMPLE / "clickid-internasional.jsonl").read_text(encoding="utf-8").splitlines()[0])
    twice = write_jsonl(tmp_path / "twice.jsonl", [record, record])
    reordered = write_jsonl(tmp_path / "reordered.jsonl", [dict(reversed(list(record.items())))])
    with Store(tmp_path / "w.duckdb") as store:
        summary = ingest(store, pipeline, read_paths([str(twice)]))
        assert (summary.stored, summary.present) == (1, 1)
        again = ingest(store, pipeline, read_paths([str(reordered)]))
        assert (again.stored, again.present) == (0, 1)
        assert counts(store)["articles"] == 1


def test_bad_records_are_reported_and_skipped_the_rest_stored(tmp_path: Path, pipeline: Pipeline) -> None:
    good = json.loads((SAMPLE / "clickid-internasional.jsonl").read_text(encoding="utf-8").splitlines()[1])
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"id": "x", "text": ""}),
                                 json.dumps({"id": "y", "text": 42})]) + "\n", encoding="utf-8")
    failures = []
    with Store(tmp_path / "w.duckdb") as store:
        summary = ingest(store, pipeline, read_paths([str(corpus)]), on_error=failures.append)
        assert counts(store)["articles"] == 1
        kept = store.sql("SELECT origin, reason FROM skipped ORDER BY origin").rows
        assert [origin for origin, _ in kept] == [f"{corpus}:2", f"{corpus}:3", f"{corpus}:4"]
        assert "not valid JSON" in kept[0][1]
        again = ingest(store, pipeline, read_paths([str(corpus)]))  # the same bad records again
        assert again.skipped == 3 and store.sql("SELECT count(*) FROM skipped").rows == [(3,)]
    assert (summary.read, summary.stored, summary.skipped) == (4, 1, 3)
    assert [f.origin for f in failures] == [f"{corpus}:2", f"{corpus}:3", f"{corpus}:4"]
    assert sum(summary.reasons.values()) == 3 and "not valid JSON" in next(iter(summary.reasons))


def test_a_record_that_fails_analysis_is_analysed_once_not_on_every_run(
        tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = (SAMPLE / "clickid-internasional.jsonl").read_text(encoding="utf-8").splitlines()
    poison = {"id": "p", "text": "Presiden Joko Widodo bertemu \ud800 Kim di Jakarta."}
    corpus = tmp_path / "poison.jsonl"  # json.dumps escapes the lone surrogate, as a scraper's file would
    corpus.write_text("\n".join([lines[0], json.dumps(poison), lines[1]]) + "\n", encoding="utf-8")
    analysed: list[str | None] = []
    real_pipe = pipeline.pipe

    def counting_pipe(items: list[RawDocument], **options: Any) -> Iterator[Article]:
        analysed.extend(item.origin for item in items)
        return real_pipe(items, **options)

    monkeypatch.setattr(pipeline, "pipe", counting_pipe)
    with Store(tmp_path / "w.duckdb") as store:
        first = ingest(store, pipeline, read_paths([str(corpus)]))
        assert analysed == [f"{corpus}:1", f"{corpus}:2", f"{corpus}:3"]
        assert (first.stored, first.skipped, first.already_skipped) == (2, 1, 0)
        kept = store.sql("SELECT origin, reason, content_hash FROM skipped").rows
        assert len(kept) == 1 and kept[0][0] == f"{corpus}:2" and "lone surrogate" in kept[0][1]
        assert len(kept[0][2]) == 32
        analysed.clear()
        second = ingest(store, pipeline, read_paths([str(corpus)]))
        assert analysed == []  # neither the stored records nor the poison one is analysed again
        assert (second.read, second.present, second.skipped, second.already_skipped) == (3, 2, 0, 1)
        assert store.sql("SELECT count(*) FROM skipped").rows == [(1,)]
        assert counts(store)["articles"] == 2
        mended = {"id": "p", "text": poison["text"].replace("\ud800", "dan")}
        fixed = write_jsonl(tmp_path / "mended.jsonl", [mended])
        third = ingest(store, pipeline, read_paths([str(fixed)]))  # the record mended: analysed anew
        assert analysed == [f"{fixed}:1"] and third.stored == 1 and third.already_skipped == 0


def test_a_failed_write_keeps_earlier_batches_and_nothing_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "w.duckdb"
    first = [make_article(WIRE, WIRE_SPECS, source=f"s{i}", url=f"https://s{i}.example/") for i in range(3)]
    second = [make_article(WIRE, WIRE_SPECS, source=f"t{i}", url=f"https://t{i}.example/") for i in range(3)]
    with Store(db) as store:
        store.add_articles(first)
        before = counts(store)
        real_insert = store._insert

        def failing_insert(conn: duckdb.DuckDBPyConnection, table: str,
                           rows: list[dict[str, object]]) -> None:
            if table == "events":  # articles and mentions of this batch are already inserted
                raise duckdb.IOException("IO Error: No space left on device")
            real_insert(conn, table, rows)

        monkeypatch.setattr(store, "_insert", failing_insert)
        with pytest.raises(StoreError, match="disk is full"):
            store.add_articles(second)
        assert counts(store) == before
        monkeypatch.setattr(store, "_insert", real_insert)
        store.add_articles(second)  # the same batch succeeds once the disk has room
        assert counts(store)["articles"] == 6 and counts(store)["events"] == 12


def test_rows_record_the_rule_versions_that_made_them(tmp_path: Path, pipeline: Pipeline) -> None:
    versions = {**pipeline_versions(pipeline), "events": "cameo-events-1", "actors": "actors-test-1"}
    assert "clean" in versions and "boilerplate" in versions["clean"]
    with Store(tmp_path / "w.duckdb") as store:
        store.add_articles([make_article(WIRE, WIRE_SPECS)], versions=versions)
        (article_versions,) = store.sql("SELECT DISTINCT versions FROM articles").rows[0]
        assert f"clean={versions['clean']}" in article_versions
        event_versions = store.sql("SELECT DISTINCT versions, rule FROM events").rows
        assert event_versions == [("cameo-events-1", "test-rule-1")]
        assert store.sql("SELECT DISTINCT versions FROM actor_mentions").rows == [("actors-test-1",)]


def _limit_file_size() -> None:
    # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG like one on a full disk.
    resource.setrlimit(resource.RLIMIT_FSIZE, (800_000, 800_000))


def test_full_disk_fails_cleanly_and_a_rerun_completes(tmp_path: Path, shared_data: Path) -> None:
    records = corpus_records(shared_data, 160, offset=2000)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    db = tmp_path / "w.duckdb"
    command = [sys.executable, "-m", "warta.cli.main", "ingest", str(corpus), "--db", str(db),
               "--batch-size", "20", "--no-progress"]
    full = subprocess.run(command, capture_output=True, text=True, timeout=120, preexec_fn=_limit_file_size)
    assert full.returncode == 1
    last = full.stderr.splitlines()[-1]
    assert last.startswith("warta: error: cannot write") and "disk is full" in last
    assert "Traceback" not in full.stderr
    with Store(db) as store:  # what was committed is intact and consistent
        partial = counts(store)
        assert 0 < partial["articles"] <= len(records)
        assert partial["story_articles"] == partial["minhashes"] == partial["articles"]
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    with Store(db) as store:
        assert counts(store)["articles"] == len(records)
        assert store.sql("SELECT count(DISTINCT id) FROM articles").rows == [(len(records),)]


def test_every_layer_the_real_pipeline_adds_is_stored_with_its_evidence(tmp_path: Path,
                                                                         pipeline: Pipeline) -> None:
    articles = list(pipeline.pipe(read_paths([str(SAMPLE)]), on_error=lambda failure: None))
    with Store(tmp_path / "w.duckdb") as store:
        store.add_articles(articles)
        stored = {key: (mentions, events) for key, mentions, events in store.sql(
            """SELECT a.article_key,
                      (SELECT count(*) FROM actor_mentions m WHERE m.article_key = a.article_key),
                      (SELECT count(*) FROM events e WHERE e.article_key = a.article_key)
               FROM articles a""").rows}
        bad_evidence = store.sql(
            """SELECT e.event_id FROM events e JOIN articles a USING (article_key)
               WHERE substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) <> e.sentence
                  OR substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) <> e.trigger_text
               UNION ALL
               SELECT m.idx FROM actor_mentions m JOIN articles a USING (article_key)
               WHERE substr(a.text, m.span_start + 1, m.span_end - m.span_start) <> m.text""").rows
    assert len(stored) == len(articles)
    assert sorted(stored.values()) == sorted((len(a.actors), len(a.events)) for a in articles)
    assert bad_evidence == []
