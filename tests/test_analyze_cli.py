"""The CLI's contract: JSON out, one-line errors and exit codes, batches that go on."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "warta.cli.main", *args], input=stdin,
                          capture_output=True, timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(),
                                       proc.stderr.decode())


def assert_one_line_error(proc: subprocess.CompletedProcess[str], needle: str) -> None:
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("warta: error:") and needle in lines[0]
    assert "Traceback" not in proc.stderr


def test_analyze_seed_prints_one_json_line() -> None:
    proc = run("analyze", str(SEED))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["source"] == "JagatBisnis.com"
    keys = ["id", "url", "source", "title", "date", "author", "lang", "dateline", "text",
            "sentences", "removed", "actors", "events", "warnings"]
    assert [k for k in doc if k in keys] == keys


def test_json_format_is_one_document(tmp_path: Path) -> None:
    proc = run("analyze", "--format", "json", str(SEED))
    assert json.loads(proc.stdout)["author"] == "tia"


def test_pretty_format_shows_text_and_removed_pieces() -> None:
    proc = run("analyze", "--format", "pretty", str(SEED))
    assert proc.returncode == 0
    assert "Hubungan antara Rusia" in proc.stdout
    assert "MIXADVERT JASAPRO" in proc.stdout and "related_link" in proc.stdout


def test_missing_file_is_one_line_error() -> None:
    assert_one_line_error(run("analyze", "no/such/page.html"), "no such file")


def test_binary_input_is_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "photo.txt"
    page.write_bytes(bytes(range(256)) * 40)
    assert_one_line_error(run("analyze", str(page)), "binary")


def test_empty_input_is_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_bytes(b"   \n")
    assert_one_line_error(run("analyze", str(page)), "empty")
    assert_one_line_error(run("analyze", "-", stdin=b""), "empty")


def test_undecodable_bytes_are_reported_not_raised(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage")
    proc = run("analyze", str(bad))
    assert_one_line_error(proc, "bad.jsonl.gz")


def test_batch_skips_bad_records_and_counts(tmp_path: Path) -> None:
    records = tmp_path / "batch.jsonl.gz"
    lines = [
        json.dumps({"id": "r1", "text": "Presiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo."}),
        "{not json",
        json.dumps({"id": "r3", "title": "only a title"}),
        json.dumps({"id": "r4", "title": "Judul", "text": "Rusia mengecam sanksi Amerika Serikat."}),
    ]
    with gzip.open(records, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    proc = run("analyze", str(records))
    assert proc.returncode == 0
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == ["r1", "r4"]
    assert f"{records}:2" in proc.stderr and f"{records}:3" in proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "warta: read 4, ok 2, skipped 2"
    assert run("analyze", "--strict", str(records)).returncode == 1


def test_record_title_is_kept_and_text_is_all_body(tmp_path: Path) -> None:
    record = {"id": "x", "title": "Rusia dan Korea Utara", "text": "Berita\n\nIsi berita pertama."}
    proc = run("analyze", "-", stdin=json.dumps(record).encode())
    doc = json.loads(proc.stdout)
    assert doc["title"] == "Rusia dan Korea Utara"
    assert doc["text"].startswith("Rusia dan Korea Utara\n\n")


def test_folder_is_read_recursively() -> None:
    proc = run("analyze", str(SEED.parent))
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) >= 6
    assert "skipped 0" in proc.stderr


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"]])
def test_help_works(args: list[str]) -> None:
    assert run(*args).returncode == 0
