"""GET /events, /dyads, /articles, /actors, /network over the sample database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from .servicedata import build_sample_db


def events(client: TestClient, **params: object) -> dict:
    response = client.get("/events", params={"limit": 20, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_events_are_story_events_by_default(client: TestClient) -> None:
    page = events(client)
    assert page["unit"] == "stories"
    assert page["total"] == 34  # 11 asserted or reported kinds x 3 stories + the hostile one
    row = page["events"][0]
    assert row["num_mentions"] == 1 and row["sentence"] and row["first_article"]
    assert events(client, modality="hypothetical")["total"] == 0  # mentions, never story events


def test_events_page_has_rows_with_evidence(client: TestClient) -> None:
    page = events(client, unit="mentions")
    assert page["total"] == 37  # 12 event kinds x 3 reports + the hostile one
    row = page["events"][0]
    assert row["sentence"][row["trigger_start"]:row["trigger_end"]] == row["trigger_text"]
    for key in ("code", "root", "quad_class", "goldstein", "modality", "source_code", "target_code",
                "article_key", "date", "rule"):
        assert key in row


def test_filters_narrow_the_rows(client: TestClient) -> None:
    assert events(client, actor="USA")["total"] == 6
    assert {e["source_code"] for e in events(client, source="USA")["events"]} == {"USA"}
    assert events(client, dyad="RUS-PRK")["total"] == 25
    assert events(client, dyad="RUS-PRK", unit="mentions")["total"] == 28
    assert events(client, dyad="prk,rus", unit="mentions")["total"] == 28
    assert {e["code"] for e in events(client, code="057")["events"]} == {"057"}
    assert {e["root"] for e in events(client, root="07")["events"]} == {"07"}
    assert {e["quad_class"] for e in events(client, quad_class=4)["events"]} == {4}
    assert events(client, modality="hypothetical", unit="mentions")["total"] == 3
    dated = events(client, since="2023-09-01", until="2023-09-30")["events"]
    assert dated and all(e["day"].startswith("2023-09") for e in dated)
    assert events(client, q="signed AGREEMENT")["total"] == 9
    assert events(client, q="100%_")["total"] == 0  # wildcards are literal
    assert events(client, article="test-xss")["total"] == 1


def test_pagination_walks_every_row_once(client: TestClient) -> None:
    seen, url = [], "/events?limit=7&unit=mentions"
    while url:
        page = client.get(url).json()
        seen += [e["event_id"] for e in page["events"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 37


def test_bad_filters_are_422(client: TestClient) -> None:
    for params in ({"quad_class": 5}, {"since": "yesterday"}, {"modality": "rumoured"},
                   {"actor": "RUS; DROP TABLE events"}, {"dyad": "RUS"}, {"code": "abc"},
                   {"limit": 0}, {"limit": 21}, {"offset": -1}, {"unit": "bogus"}):
        response = client.get("/events", params=params)
        assert response.status_code == 422, params
        assert response.json()["error"]["status"] == 422


def test_blank_filters_mean_no_filter(client: TestClient) -> None:
    assert events(client, actor="", since="", quad_class="", unit="")["total"] == 34


def test_dyad_series_verdict_and_evidence(client: TestClient) -> None:
    report = client.get("/dyads/RUS/PRK").json()
    assert report["a"] == "RUS" and report["b"] == "PRK"
    months = [p["start"] for p in report["directions"]["RUS→PRK"]]
    assert months[0] == "2023-07-01" and months[-1] == "2024-01-01"
    assert report["trend"]["RUS→PRK"]["verdict"] == "closer"
    assert report["level"]["both"]["verdict"] == "cooperative"
    assert report["totals"]["3"] == report["totals"]["4"] == 0
    assert report["mean_goldstein"] > 0
    assert len(report["mentions"]) == 28
    assert len(report["evidence"]) == report["events"] == 28 - 3  # hypothetical reports are not events
    assert all(e["sentence"] and e["article_key"] for e in report["mentions"])


def test_dyad_against_the_us_is_conflictual(client: TestClient) -> None:
    report = client.get("/dyads/usa/prk").json()
    assert report["mean_goldstein"] < 0
    assert report["trend"]["both"]["verdict"] == "too little data"  # three sanctions in one month


def test_dyad_by_week_and_bad_input(client: TestClient) -> None:
    assert client.get("/dyads/RUS/PRK?by=week").json()["by"] == "week"
    assert client.get("/dyads/RUS/PRK?by=year").status_code == 422
    assert client.get("/dyads/RUS/RUS").status_code == 422
    assert client.get("/dyads/R%3Cb%3E/PRK").status_code == 422


def test_article_by_key_and_by_id(client: TestClient) -> None:
    article = client.get("/articles/test-xss").json()
    assert article["events"][0]["code"] == "042"
    assert article["text"][article["events"][0]["trigger"]["start"]:
                           article["events"][0]["trigger"]["end"]] == "visited"
    key = events(client, article="test-xss", unit="mentions")["events"][0]["article_key"]
    assert client.get(f"/articles/{key}").json() == article
    missing = client.get("/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["error"]["message"]


def test_actors_by_mentions(client: TestClient) -> None:
    actors = client.get("/actors").json()["actors"]
    assert [a["code"] for a in actors][:2] == ["PRK", "RUS"]
    assert actors[0]["events"] == 31  # story events with PRK on either side: 25 with RUS, 3 USA, 3 JPN
    assert client.get("/actors?unit=mentions").json()["actors"][0]["events"] == 31
    assert client.get("/actors?prefix=US").json()["actors"][0]["code"] == "USA"


def test_network_edges(client: TestClient) -> None:
    edges = {(e["a"], e["b"]): e for e in client.get("/network").json()["edges"]}
    assert edges[("PRK", "RUS")]["events"] == 25  # the hypothetical ones are left out
    assert edges[("PRK", "USA")]["mean_goldstein"] == -8.0


def test_the_api_and_warta_dyad_judge_a_dyad_alike(client: TestClient, tmp_path: Path) -> None:
    api = client.get("/dyads/RUS/PRK").json()
    copy = build_sample_db(tmp_path / "copy.duckdb")  # the service holds its own file open
    run = subprocess.run([sys.executable, "-m", "warta.cli.main", "dyad", "RUS", "PRK", "--json",
                          "--db", str(copy)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    cli = json.loads(run.stdout)
    assert api["directions"] == cli["directions"]
    assert {k: v for k, v in api.items() if k != "mentions"} == cli  # one report, one JSON
