"""Fixtures for the dashboard tests; the sample database is the one tests/api builds (servicedata.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import warta
from api.servicedata import build_sample_db
from warta.settings import Settings
from warta.web import create_app


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="session")
def web(web_db: Path, pipeline: warta.Pipeline) -> Iterator[TestClient]:
    settings = Settings(rate_limit_per_second=0)
    with TestClient(create_app(settings, web_db, pipeline=pipeline)) as test_client:
        yield test_client
