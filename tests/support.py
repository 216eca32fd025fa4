"""Paths every test folder may import (`from support import REPO`); `tests/` is on pytest's path."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO / ".." / "shared" / "data"
SEED = REPO / "src" / "warta" / "data" / "sample" / "seed-jagatbisnis-rusia-korut.txt"
