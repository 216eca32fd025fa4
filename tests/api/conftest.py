"""Fixtures for the service tests: one sample database, one app, one TestClient per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import warta
from warta.settings import Settings
from warta.web import create_app

from .servicedata import TOKEN, build_sample_db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("service") / "sample.duckdb")


@pytest.fixture(scope="session")
def service_settings() -> Settings:
    """Rate limit off (its own tests turn it on), a token for ingest, a small body limit."""
    return Settings(ingest_token=TOKEN, rate_limit_per_second=0, max_request_bytes=200_000,
                    page_size_max=20)


@pytest.fixture(scope="session")
def client(sample_db: Path, service_settings: Settings, pipeline: warta.Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(service_settings, sample_db, pipeline=pipeline)) as test_client:
        yield test_client
