"""`warta eval events` prints both levels and exits non-zero on unreadable gold."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from warta.cli.main import app

SEED_GOLD = Path(__file__).resolve().parent / "data" / "seed-gold.jsonl"


def test_eval_events_prints_exact_and_lenient() -> None:
    result = CliRunner().invoke(app, ["eval", "events", str(SEED_GOLD)])
    assert result.exit_code == 0, result.output
    assert "exact" in result.output and "lenient" in result.output
    assert "R=1.000" in result.output  # every E1-E11 event found at the exact level


def test_eval_events_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "events", str(SEED_GOLD), "--json"])
    figures = json.loads(result.output)
    assert figures["records"] == 1 and figures["exact"]["recall"] == 1.0


def test_eval_events_bad_gold_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "a", "text": "Rusia mengecam Jepang.", "expected": []}\nnot json\n',
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "events", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2" in result.output
