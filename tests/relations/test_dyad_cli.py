"""`warta dyad` and `warta report` over a database built from the bundled sample by `warta ingest`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO

SAMPLE = REPO / "src" / "warta" / "data" / "sample"


def warta(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warta.cli.main", *args], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("dyad") / "sample.duckdb"
    proc = warta("ingest", "--db", str(db), "--workers", "1", str(SAMPLE))
    assert proc.returncode == 0, proc.stderr
    return db


def test_seed_dyad_reads_cooperative(sample_db: Path) -> None:
    proc = warta("dyad", "RUS", "PRK", "--db", str(sample_db), "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["level"]["both"]["verdict"] == "cooperative"
    assert report["level"]["both"]["mean_goldstein"] > 0
    sentences = " ".join(e["sentence"] for e in report["evidence"])
    assert "berjanji untuk meningkatkan kerja sama" in sentences
    # the hypothetical "mungkin sedang mempertimbangkan memberikan dukungan militer" is not evidence
    assert "mempertimbangkan memberikan dukungan militer" not in sentences
    # the seed has no date: its events count in the level but cannot make a trend
    assert report["undated_events"] == len(report["evidence"])
    assert report["trend"]["both"]["verdict"] == "too little data"


def test_dyad_table_and_plot(sample_db: Path, tmp_path: Path) -> None:
    proc = warta("dyad", "USA", "IRN", "--db", str(sample_db), "--by", "day", "--plot",
                 str(tmp_path / "usa-irn.svg"))
    assert proc.returncode == 0, proc.stderr
    assert "USA→IRN" in proc.stdout and "mean Goldstein" in proc.stdout
    assert (tmp_path / "usa-irn.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_dyad_bad_arguments_are_one_line_errors(sample_db: Path, tmp_path: Path) -> None:
    for args in (["RUS", "RUS"], ["RUS", "PRK", "--by", "year"], ["RUS", "PRK", "--plot", "x.pdf"]):
        proc = warta("dyad", *args, "--db", str(sample_db))
        assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    missing = warta("dyad", "RUS", "PRK", "--db", str(tmp_path / "nope.duckdb"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_report_lists_dyads_event_types_and_the_seed_dyad(sample_db: Path) -> None:
    proc = warta("report", "--db", str(sample_db), "--dyad", "RUS", "PRK")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "top 10 dyads" in out and "PRK – RUS" in out
    assert "top 10 event types" in out and "Make public statement" in out
    assert "RUS→PRK" in out and "cooperative" in out
