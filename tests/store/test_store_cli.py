"""The store's commands: ingest, export, actors, events, sql — output, summaries and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import WIRE, WIRE_SPECS, Spec, make_article
from typer.testing import CliRunner

from support import REPO
from warta.cli.main import app
from warta.store import Store

SAMPLE = REPO / "src" / "warta" / "data" / "sample"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def events_db(tmp_path: Path) -> Path:
    """A database with hand-built Russia–North Korea articles (the event stage's output)."""
    db = tmp_path / "events.duckdb"
    strike = Spec(("Russia", "RUS", "RUS"), ("North Korea", "PRK", "PRK"), "signed", "190")
    with Store(db) as store:
        store.add_articles([make_article(WIRE, WIRE_SPECS, source=f"s{i}", url=f"https://s{i}.example/")
                            for i in range(3)])
        store.add_articles([make_article("Russia signed off on a strike at North Korea.", [strike],
                                         source="other", date="2023-01-02")])
    return db


def test_ingest_twice_reports_stored_then_already_present(tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    code, _, err = invoke("ingest", str(SAMPLE), "--db", db, "--no-progress")
    assert code == 0, err
    summary = next(line for line in err.splitlines() if line.startswith("warta: read "))
    stored = int(summary.split("stored ")[1].split(",")[0])
    assert stored > 10 and "already present 0" in summary and "articles/s" in summary
    code, _, err = invoke("ingest", str(SAMPLE), "--db", db, "--no-progress")
    assert code == 0 and f"stored 0, already present {stored}," in err
    assert "database now has" in err


def test_ingest_expands_quoted_globs_and_reports_skips_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text((SAMPLE / "clickid-internasional.jsonl").read_text(encoding="utf-8")
                                      .splitlines()[0] + "\n{broken\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "e", "text": ""}\n', encoding="utf-8")
    code, _, err = invoke("ingest", str(tmp_path / "*.jsonl"), "--db", str(tmp_path / "w.duckdb"))
    assert code == 0, err
    assert "stored 1, already present 0, skipped 2" in err
    assert f"warta: skipped {tmp_path / 'a.jsonl'}:2: not valid JSON" in err
    assert "skipped 1: not valid JSON" in err
    assert "2 skipped records are listed in its table 'skipped'" in err


def test_ingest_into_a_corrupt_file_is_one_line_and_leaves_it_alone(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("my notes, not a database\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "warta.cli.main", "ingest", str(SAMPLE), "--db", str(db),
                           "--no-progress"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"warta: error: {db} is not a warta database (corrupt, or another kind of file); choose another --db"]
    assert db.read_text(encoding="utf-8") == "my notes, not a database\n"


def test_actors_top_lists_the_most_mentioned(events_db: Path) -> None:
    code, out, err = invoke("actors", "--top", "2", "--db", str(events_db), "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["code"] for r in rows] == ["PRK", "RUS"]
    assert rows[0]["mentions"] == 7 and rows[0]["articles"] == 4


def test_events_filter_by_actor_code_and_date(events_db: Path) -> None:
    code, out, _ = invoke("events", "--actor", "RUS", "--db", str(events_db), "-f", "jsonl")
    assert code == 0 and sorted(json.loads(x)["code"] for x in out.splitlines()) == ["057", "190"]
    code, out, _ = invoke("events", "--actor", "RUS", "--code", "19", "--db", str(events_db), "-f", "jsonl")
    (row,) = [json.loads(x) for x in out.splitlines()]
    assert row["code"] == "190" and row["day"] == "2023-01-02" and "strike" in row["sentence"]
    code, out, _ = invoke("events", "--since", "2024-01-01", "--db", str(events_db), "-f", "jsonl")
    rows = [json.loads(x) for x in out.splitlines()]
    assert {r["code"] for r in rows} == {"057", "163"} and all(r["num_articles"] == 3 for r in rows)
    code, out, _ = invoke("events", "--db", str(events_db))
    assert code == 0 and "RUS → PRK" in out and "Sign formal agreement" in out  # the table view
    code, _, err = invoke("events", "--since", "March", "--db", str(events_db))
    assert code == 1 and err.strip() == "warta: error: --since must be a date like 2024-03-01, not 'March'"


def test_sql_runs_read_only_queries(events_db: Path) -> None:
    code, out, _ = invoke("sql", "SELECT source, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1",
                          "--db", str(events_db), "-f", "csv")
    assert code == 0
    assert list(csv.reader(io.StringIO(out))) == [["source", "n"], ["other", "1"], ["s0", "1"], ["s1", "1"],
                                                  ["s2", "1"]]
    code, _, err = invoke("sql", "DROP TABLE articles", "--db", str(events_db))
    assert code == 1 and err.startswith("warta: error: query failed:") and len(err.splitlines()) == 1
    assert Store(events_db, read_only=True).counts()["articles"] == 4


def test_export_gdelt_and_parquet_from_the_command_line(events_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.CSV"
    code, _, err = invoke("export", "--format", "gdelt", "-o", str(target), "--db", str(events_db))
    assert code == 0 and "exported 3 story events" in err
    assert all(len(line.split("\t")) == 61 for line in target.read_text(encoding="utf-8").splitlines())
    code, _, err = invoke("export", "-f", "parquet", "--db", str(events_db))
    assert code == 1 and "give --output FILE" in err
    code, _, _ = invoke("export", "-f", "parquet", "--table", "events", "-o", str(tmp_path / "e.parquet"),
                        "--db", str(events_db))
    assert code == 0 and (tmp_path / "e.parquet").stat().st_size > 0


def test_query_commands_on_a_missing_database_say_to_ingest(tmp_path: Path) -> None:
    for command in (["actors"], ["events"], ["sql", "SELECT 1"], ["export", "-f", "csv"]):
        code, _, err = invoke(*command, "--db", str(tmp_path / "none.duckdb"))
        assert code == 1 and err.strip() == (f"warta: error: no database at {tmp_path / 'none.duckdb'}; "
                                             "run 'warta ingest' first")


def test_an_ingest_out_of_memory_says_how_to_give_it_more(tmp_path: Path) -> None:
    code, _, err = invoke("ingest", str(SAMPLE), "--db", str(tmp_path / "w.duckdb"), "--no-progress",
                          "--memory-limit", "1MB")
    assert code == 1
    (line,) = [x for x in err.splitlines() if x.startswith("warta: error:")]
    assert "ran out of memory" in line and line.endswith("give an ingest more with --memory-limit")
    assert "Traceback" not in err and "Possible solutions" not in err
