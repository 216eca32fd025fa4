"""Shared fixtures: where the project's shared data lives (beside the clone, as in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

import warta
from support import REPO, SEED, SHARED_DATA

__all__ = ["REPO", "SEED", "SHARED_DATA"]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`<repo>/../shared/data`; tests that need it skip only when the folder is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA.resolve()}")
    return SHARED_DATA.resolve()


@pytest.fixture(scope="session")
def pipeline() -> warta.Pipeline:
    """One pipeline for the whole run: rules, dictionaries and models load once."""
    return warta.Pipeline()



@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed page as the scraper left it (bundled copy of shared/seed)."""
    return SEED.read_text(encoding="utf-8")
