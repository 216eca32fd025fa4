"""Hostile and broken inputs from issue 14: each must be one clear outcome, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOOD_ID = ("Presiden Joko Widodo bertemu Perdana Menteri Jepang di Jakarta pada hari Senin untuk "
           "membahas kerja sama ekonomi kedua negara.")
GOOD_EN = ("Russia attacked Ukraine on Monday, officials in Kyiv said, and the United Nations "
           "condemned the strike.")
DEEP = '{"id":"b","text":' + "[" * 100_000 + "]" * 100_000 + "}"
HUGE_INT = '{"id":' + "9" * 5000 + ',"text":"Putin bertemu Kim di Moskow pada hari Selasa."}'


@pytest.fixture
def poison_jsonl(tmp_path: Path) -> Path:
    """Good, deep, huge-number, good: the shape of the issue's batch."""
    path = tmp_path / "poison.jsonl"
    lines = [json.dumps({"id": "a", "text": GOOD_ID}), DEEP, HUGE_INT,
             json.dumps({"id": "c", "text": GOOD_EN})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
