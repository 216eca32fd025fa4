"""The same five questions asked of the CLI, the API and the dashboard give the same numbers.

Top dyads, one dyad, top actors, events by actor and code, and the network: each interface is
a thin layer over one `Store` read method, so a number cannot depend on where it is read. The
database has reprints (one story in several articles), so counting mentions instead of story
events anywhere would show.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import warta
from api.servicedata import sample_articles
from warta.cli.main import app as cli_app
from warta.settings import Settings
from warta.store import Store
from warta.web import create_app

Pair = tuple[str, str, int]


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One database, and a byte-for-byte copy for the CLI (the service holds its own file open)."""
    folder = tmp_path_factory.mktemp("one-answer")
    articles = sample_articles()
    reprints = [a.evolve(source="Other Wire", id=f"{a.id}-reprint") for a in articles[::4]]
    with Store(folder / "service.duckdb") as store:
        store.add_articles(articles + reprints)
        counts = store.counts()
    assert counts["events"] > counts["story_events"] + 3  # reprints fold into their stories
    shutil.copy(folder / "service.duckdb", folder / "cli.duckdb")
    return folder / "service.duckdb", folder / "cli.duckdb"


@pytest.fixture(scope="module")
def service(databases: tuple[Path, Path], pipeline: warta.Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(rate_limit_per_second=0), databases[0], pipeline=pipeline)) as client:
        yield client


def cli(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli_app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output


def cli_rows(db: Path, *args: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in cli(db, *args, "--format", "jsonl").splitlines() if line.strip()]


def page_pairs(html: str) -> list[Pair]:
    found = re.findall(r'data-a="(\w+)" data-b="(\w+)" data-events="(\d+)"', html)
    return [(a, b, int(n)) for a, b, n in found]


def test_top_dyads(databases: tuple[Path, Path], service: TestClient) -> None:
    from_cli = [(r["a"], r["b"], r["events"]) for r in cli_rows(databases[1], "dyads", "--top", "5")]
    from_api = [(r["a"], r["b"], r["events"]) for r in service.get("/dyads?limit=5").json()["dyads"]]
    from_page = page_pairs(service.get("/ui/dyads?limit=5").text)
    assert from_cli == from_api == from_page
    assert ("PRK", "RUS", 25) in from_cli  # story events, not the reprinted mentions
    mentions = service.get("/dyads?limit=5&unit=mentions").json()["dyads"]
    assert [(r["a"], r["b"], r["events"]) for r in mentions] != from_api


def test_one_dyad(databases: tuple[Path, Path], service: TestClient) -> None:
    from_cli = json.loads(cli(databases[1], "dyad", "RUS", "PRK", "--json"))
    from_api = service.get("/dyads/RUS/PRK").json()
    assert {k: v for k, v in from_api.items() if k != "mentions"} == from_cli
    page = service.get("/ui/dyads/RUS/PRK").text
    found = re.search(r'id="dyad-counts" data-events="(\d+)" data-mentions="(\d+)"', page)
    assert found and int(found.group(1)) == from_cli["events"] == 25
    assert int(found.group(2)) == len(from_api["mentions"]) > from_cli["events"]
    for quad, name in ((1, "verbal cooperation"), (2, "material cooperation")):
        assert f"{name}: {from_cli['totals'][str(quad)]}</span>" in page


def test_top_actors(databases: tuple[Path, Path], service: TestClient) -> None:
    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return r["code"], r["mentions"], r["articles"], r["events"]

    from_cli = [key(r) for r in cli_rows(databases[1], "actors", "--top", "4")]
    from_api = [key(r) for r in service.get("/actors?limit=4").json()["actors"]]
    page = service.get("/ui/actors?limit=4").text
    from_page = [(c, int(m), int(a), int(e)) for c, m, a, e in re.findall(
        r'data-code="(\w+)" data-mentions="(\d+)" data-articles="(\d+)" data-events="(\d+)"', page)]
    assert from_cli == from_api == from_page and len(from_cli) == 4


def test_events_by_actor_and_code(databases: tuple[Path, Path], service: TestClient) -> None:
    for actor, code in (("RUS", "05"), ("PRK", "07"), ("USA", "16"), ("JPN", "11")):
        rows = cli_rows(databases[1], "events", "--actor", actor, "--code", code, "--limit", "500")
        from_api = service.get("/events", params={"actor": actor, "code": code, "limit": 50}).json()
        page = service.get("/ui/events", params={"actor": actor, "code": code}).text
        found = re.search(r'data-total="(\d+)" data-unit="stories"', page)
        assert found and len(rows) == from_api["total"] == int(found.group(1)) > 0, (actor, code)
        first = [e["story_event_id"] for e in from_api["events"]]
        assert [r["story_event_id"] for r in rows][:20] == first[:20]


def test_network(databases: tuple[Path, Path], service: TestClient) -> None:
    from_cli = [(r["a"], r["b"], r["events"]) for r in cli_rows(databases[1], "dyads", "--countries",
                                                                 "--top", "40")]
    from_api = [(r["a"], r["b"], r["events"]) for r in service.get("/network").json()["edges"]]
    from_page = page_pairs(service.get("/ui/network").text)
    assert from_cli == from_api == from_page and len(from_cli) >= 3
