"""The issue's CLI rows: a poison batch through `warta analyze` and `warta ingest`, escapes, COPY."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from warta.store import Store


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "warta.cli.main", *args], capture_output=True,
                          timeout=300, cwd=cwd)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_analyze_reports_the_poison_lines_and_goes_on(poison_jsonl: Path) -> None:
    proc = run("analyze", str(poison_jsonl))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["a", "c"]
    assert f"warta: skipped {poison_jsonl}:2: JSON nested more than 64 levels deep" in proc.stderr
    assert f"warta: skipped {poison_jsonl}:3: JSON holds a number with 5,000 digits" in proc.stderr
    assert "read 4, ok 2, skipped 2" in proc.stderr


def test_ingest_stores_the_good_records_and_quarantines_the_poison(tmp_path: Path,
                                                                    poison_jsonl: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = run("ingest", "--db", str(db), "--no-progress", "--workers", "1", str(poison_jsonl))
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr and "stored 2" in first.stderr and "skipped 2" in first.stderr
    second = run("ingest", "--db", str(db), "--no-progress", "--workers", "1", str(poison_jsonl))
    assert second.returncode == 0 and "stored 0, already present 2" in second.stderr
    with Store(db, read_only=True) as store:
        counts = store.counts()
        skipped = store.sql("SELECT origin, reason FROM skipped ORDER BY origin").rows
    assert counts["articles"] == 2 and counts["skipped"] == 2  # re-running added nothing
    assert [origin.rsplit(":", 1)[1] for origin, _ in skipped] == ["2", "3"]
    assert "nested more than 64 levels" in skipped[0][1] and "5,000 digits" in skipped[1][1]


def test_sql_refuses_copy_to_a_file_like_other_writes(tmp_path: Path, poison_jsonl: Path) -> None:
    db = tmp_path / "w.duckdb"
    ingested = run("ingest", "--db", str(db), "--no-progress", "--workers", "1", str(poison_jsonl))
    assert ingested.returncode == 0
    target = tmp_path / "leak.csv"
    for query in (f"COPY articles TO '{target}'", f"COPY (SELECT 1) TO '{target}' (FORMAT parquet)",
                  f"SELECT 1; COPY articles TO '{target}'", f"EXPORT DATABASE '{tmp_path / 'dump'}'",
                  "DROP TABLE articles", "SELEC nonsense"):
        proc = run("sql", query, "--db", str(db))
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 1 and len(lines) == 1 and lines[0].startswith("warta: error: query failed:")
    assert not target.exists() and not (tmp_path / "dump" / "articles.csv").exists()
    counted = run("sql", "SELECT count(*) FROM articles", "--db", str(db), "-f", "csv")
    assert counted.stdout.split() == ["count_star()", "2"]
    shard = tmp_path / "shard.parquet"  # reading files in place (the Dask shards) stays allowed
    with Store(db, read_only=True) as store:
        store.sql(f"COPY (SELECT 7 AS n) TO '{shard}' (FORMAT parquet)")
    assert run("sql", f"SELECT n FROM '{shard}'", "--db", str(db), "-f", "csv").stdout.split() == ["n", "7"]


def test_pretty_shows_terminal_escapes_escaped(tmp_path: Path) -> None:
    page = tmp_path / "esc.txt"
    page.write_text("Putin \x1b[31mbertemu\x1b[0m Kim di Moskow pada hari Selasa untuk membahas kerja sama "
                    "militer kedua negara. \x1b]0;judul\x07 Lagi \u202eterbalik.\n", encoding="utf-8")
    proc = run("analyze", "--format", "pretty", str(page))
    assert proc.returncode == 0
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "\u202e" not in proc.stdout
    assert "\\x1b[31mbertemu\\x1b[0m" in proc.stdout and "\\x07" in proc.stdout and "\\u202e" in proc.stdout
