"""Shared fixtures: where the project's shared data lives (beside the clone, as in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

import warta
from support import REPO, SEED, SHARED_DATA

__all__ = ["REPO", "SEED", "SHARED_DATA"]


MISSING = (f"shared data not found at {SHARED_DATA.resolve()}: the quality floors and the tests on "
           "real corpora need it (clone it beside the repository, as CI does)")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`<repo>/../shared/data`. A test that needs it fails when it is missing, never skips: a quality
    floor that can silently vanish is no gate. (The seed's floor needs nothing: its gold ships here.)"""
    if not SHARED_DATA.is_dir():
        pytest.fail(MISSING, pytrace=False)
    return SHARED_DATA.resolve()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say once, at the end, why the tests on shared data failed."""
    if not SHARED_DATA.is_dir():
        terminalreporter.write_line(f"warta: {MISSING}", red=True, bold=True)


@pytest.fixture(scope="session")
def pipeline() -> warta.Pipeline:
    """One pipeline for the whole run: rules, dictionaries and models load once."""
    return warta.Pipeline()



@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed page as the scraper left it (bundled copy of shared/seed)."""
    return SEED.read_text(encoding="utf-8")
