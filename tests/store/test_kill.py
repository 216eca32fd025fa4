"""Crash safety: a real `warta ingest` killed with SIGKILL mid-way resumes to exactly the full result."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from store_helpers import corpus_records, repeated_keys, write_jsonl

RECORDS = 200
BATCH = 10
TABLES = ("articles", "actor_mentions", "events", "stories", "story_articles", "minhashes", "minhash_bands")


def ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "warta.cli.main", "ingest", str(corpus), "--db", str(db),
            "--batch-size", str(BATCH), "--no-progress"]


def snapshot(db: Path) -> dict[str, object]:
    """Row counts of every table and the set of stored records, to compare two databases."""
    with duckdb.connect(str(db), read_only=True) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone() for t in TABLES}
        ids = sorted(r[0] for r in conn.execute("SELECT id FROM articles").fetchall())
        dupes = conn.execute("SELECT id FROM articles GROUP BY id HAVING count(*) > 1").fetchall()
        keys = sorted(r[0] for r in conn.execute("SELECT article_key FROM story_articles").fetchall())
        repeats = repeated_keys(conn)
    return {"counts": counts, "ids": ids, "dupes": dupes, "story_keys": keys, "repeats": repeats}


def test_kill_9_mid_ingest_then_rerun_stores_every_article_exactly_once(
        tmp_path: Path, shared_data: Path) -> None:
    records = corpus_records(shared_data, RECORDS)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # Its own process group, so SIGKILL reaches the ingest and any worker processes it started,
    # as `kill -9` on a whole job does, and leaves no orphans behind.
    proc = subprocess.Popen(ingest_cmd(corpus, db), stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    assert proc.stderr is not None
    committed = 0
    deadline = time.monotonic() + 60
    for line in proc.stderr:  # wait for two committed batches, then kill without warning
        if line.startswith("warta: committed batch"):
            committed += 1
            if committed == 2:
                break
        assert time.monotonic() < deadline, "no batch committed within 60 s"
    assert proc.poll() is None, "the ingest finished before it could be killed; make the corpus larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    partial = snapshot(db)
    assert BATCH * 2 <= len(partial["ids"]) < RECORDS  # type: ignore[arg-type]
    assert partial["dupes"] == []

    rerun = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, env=env, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"already present {len(partial['ids'])}" in rerun.stderr  # type: ignore[arg-type]

    resumed = snapshot(db)
    assert resumed["dupes"] == []
    assert set(resumed["repeats"].values()) == {0}  # type: ignore[attr-defined]
    assert resumed["ids"] == sorted(str(r["id"]) for r in records)
    assert len(resumed["story_keys"]) == len(set(resumed["story_keys"])) == RECORDS  # type: ignore[arg-type]
    with duckdb.connect(str(db), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM articles a ANTI JOIN story_articles s "
                            "USING (article_key)").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM articles a ANTI JOIN minhashes m "
                            "USING (article_key)").fetchone() == (0,)
        bands = conn.execute("SELECT count(*) FROM minhash_bands").fetchone()
        assert bands == (32 * RECORDS,)


def test_ctrl_c_mid_ingest_keeps_what_was_committed_and_a_rerun_completes(
        tmp_path: Path, shared_data: Path) -> None:
    records = corpus_records(shared_data, 120, offset=1000)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    db = tmp_path / "interrupted.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(ingest_cmd(corpus, db), stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("warta: committed batch"):
            break
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's foreground job
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    proc.stderr.close()
    assert proc.returncode == 130, rest
    assert "interrupted; everything committed so far is kept" in rest and "Traceback" not in rest
    partial = snapshot(db)
    assert 0 < len(partial["ids"]) <= len(records)  # type: ignore[arg-type]
    rerun = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, env=env, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    resumed = snapshot(db)
    assert resumed["dupes"] == [] and resumed["ids"] == sorted(str(r["id"]) for r in records)
