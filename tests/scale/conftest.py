"""Fixtures for the scale tests: the bundled corpus and its single-process reference database."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_helpers import SAMPLE

from warta.store import Store


@pytest.fixture(scope="session")
def sample_paths() -> list[str]:
    return [str(SAMPLE)]


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[str]) -> Path:
    """The bundled corpus ingested by the store's own single-process `ingest`: the reference."""
    from warta.ingest.readers import read_paths
    from warta.pipeline import Pipeline
    from warta.scale.ingest import ingest

    db = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    with Store(db) as store:
        summary = ingest(store, Pipeline(), read_paths(sample_paths), batch_size=5)
    assert summary.stored > 10 and summary.events > 0
    return db
