"""Hostile and broken inputs from issue 14: each must be one clear outcome, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_inputs import DEEP, GOOD_EN, GOOD_ID, HUGE_INT


@pytest.fixture
def poison_jsonl(tmp_path: Path) -> Path:
    """Good, deep, huge-number, good: the shape of the issue's batch."""
    path = tmp_path / "poison.jsonl"
    lines = [json.dumps({"id": "a", "text": GOOD_ID}), DEEP, HUGE_INT,
             json.dumps({"id": "c", "text": GOOD_EN})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
