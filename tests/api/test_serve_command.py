"""`warta serve`: options reach the settings; a bad database is one line and exit code 1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from warta.cli import serve
from warta.cli.main import app


def test_bad_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_bytes(b"this is not a database at all, just text" * 10)
    result = CliRunner().invoke(app, ["serve", "--db", str(bad)])
    assert result.exit_code == 1
    assert "not a warta database" in result.output
    assert "Traceback" not in result.output


def test_options_and_token_reach_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_create_app(settings: Any, db: Path) -> str:
        seen["settings"], seen["db"] = settings, db
        return "app"

    def fake_run(app_: str, **options: Any) -> None:
        seen["run"] = options

    import uvicorn

    import warta.web

    monkeypatch.setattr(warta.web, "create_app", fake_create_app)
    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv(serve.TOKEN_ENV, "from-env")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--port", "9123",
                                      "--rate-limit", "0", "--max-request-bytes", "1000"])
    assert result.exit_code == 0, result.output
    settings = seen["settings"]
    assert settings.serve_port == 9123 and settings.rate_limit_per_second == 0
    assert settings.max_request_bytes == 1000
    assert settings.ingest_token == "from-env" and "from-env" not in repr(settings)
    assert seen["run"]["host"] == "127.0.0.1" and seen["run"]["port"] == 9123
    assert "ingest on" in result.output
