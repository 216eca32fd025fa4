"""POST /analyze: the article JSON for text, HTML and JSON bodies; the right status for bad ones."""

from __future__ import annotations

import json
import threading
import time

from fastapi.testclient import TestClient
from httpx import Response

from warta.api.worker import RESTART_SECONDS
from warta.pipeline import Pipeline
from warta.settings import Settings
from warta.web import create_app

HTML = ("<html><head><title>Rusia dan Korea Utara</title></head><body><article>"
        "<h1>Rusia dan Korea Utara</h1><p>Presiden Rusia Vladimir Putin menerima pemimpin Korea Utara "
        "Kim Jong Un di Moskow untuk membahas kerja sama militer kedua negara.</p>"
        "<p>Amerika Serikat mengecam pertemuan itu dan mengancam akan menjatuhkan sanksi baru.</p>"
        "</article></body></html>")


def test_plain_text_body_returns_the_article_json(client: TestClient, seed_text: str) -> None:
    response = client.post("/analyze", content=seed_text.encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 200
    article = response.json()
    assert article["title"].startswith("Hubungan Rusia dan Korea Utara Semakin Dekat")
    assert article["source"] == "JagatBisnis.com" and article["lang"] == "id"
    assert article["text"][article["body_start"]:].startswith("Hubungan antara Rusia")
    assert "ad" in {r["kind"] for r in article["removed"]}
    assert any(r["text"].startswith("Baca Juga") for r in article["removed"])
    for key in ("id", "sentences", "actors", "events", "warnings", "dateline"):
        assert key in article


def test_json_body_with_html_and_options(client: TestClient) -> None:
    response = client.post("/analyze", json={"html": HTML, "url": "https://example.id/a",
                                              "date": "2023-09-05"})
    assert response.status_code == 200
    article = response.json()
    assert article["url"] == "https://example.id/a"
    assert article["date"].startswith("2023-09-05")
    assert "Vladimir Putin" in article["text"] and "<p>" not in article["text"]


def test_same_input_same_output(client: TestClient, seed_text: str) -> None:
    first = client.post("/analyze", json={"text": seed_text}).json()
    second = client.post("/analyze", content=seed_text.encode(),
                         headers={"content-type": "text/plain"}).json()
    assert first == second


def test_bad_json_is_400(client: TestClient) -> None:
    response = client.post("/analyze", content=b'{"text": ', headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400


def test_missing_or_wrongly_typed_fields_are_422(client: TestClient) -> None:
    assert client.post("/analyze", json={"title": "no body"}).status_code == 422
    assert client.post("/analyze", json={"text": 42}).status_code == 422
    assert client.post("/analyze", json={"text": "Rusia", "url": ["x"]}).status_code == 422
    assert client.post("/analyze", content=b"[1, 2]", headers={"content-type": "application/json"}
                       ).status_code in (400, 422)


def test_empty_text_is_400_with_a_message(client: TestClient) -> None:
    response = client.post("/analyze", content=b"   ", headers={"content-type": "text/plain"})
    assert response.status_code in (400, 422)
    assert response.json()["error"]["message"]


def test_unsupported_content_type_is_refused(client: TestClient) -> None:
    response = client.post("/analyze", content=b"\x89PNG", headers={"content-type": "image/png"})
    assert response.status_code == 415
    assert "content type" in response.json()["error"]["message"]


def test_body_over_the_limit_is_413_by_content_length(client: TestClient) -> None:
    body = b"a" * 200_001  # the fixture's max_request_bytes is 200,000
    response = client.post("/analyze", content=body, headers={"content-type": "text/plain"})
    assert response.status_code == 413
    assert response.json() == {"error": {"status": 413, "message": "request body larger than 200000 bytes"}}


def test_body_over_the_limit_is_413_when_streamed_without_length(client: TestClient) -> None:
    def chunks():  # no Content-Length: the limit must count the bytes as they arrive
        for _ in range(30):
            yield b"b" * 10_000

    response = client.post("/analyze", content=chunks(), headers={"content-type": "text/plain"})
    assert response.status_code == 413


def test_errors_are_json_without_tracebacks(client: TestClient) -> None:
    for response in (client.post("/analyze", content=b"{", headers={"content-type": "application/json"}),
                     client.get("/no/such/route"), client.get("/events?quad_class=9")):
        body = response.json()
        assert set(body) == {"error"}
        assert "Traceback" not in json.dumps(body)


def test_a_request_over_its_budget_gets_503_and_does_not_stall_the_next(pipeline: Pipeline) -> None:
    # the second client waits for the analyzer at most 3 s, and gets it: the large article, which
    # takes far longer (400 KB, 16,000 events), is cut off after its 1 s budget
    settings = Settings(rate_limit_per_second=0, analyze_budget_seconds=1.0, analyze_wait_seconds=3.0)
    app = create_app(settings, None, pipeline=pipeline)
    large = "Russia attacked Ukraine. " * 16_000
    small = {"text": "Presiden Rusia Vladimir Putin mengunjungi Pyongyang."}
    with TestClient(app) as client:
        state = app.state.warta
        assert client.post("/analyze", json=small).status_code == 200  # the worker's start is not budgeted
        first_worker = state.worker.pid
        behind: list[Response] = []
        waiting = threading.Thread(target=lambda: (time.sleep(0.3), behind.append(
            client.post("/analyze", json=small))))
        waiting.start()  # a second client, arriving while the large article is analysed
        over = client.post("/analyze", json={"text": large})
        waiting.join()
        assert over.status_code == 503 and over.headers["retry-after"] == str(RESTART_SECONDS)
        message = over.json()["error"]["message"]
        assert "budget of 1 s" in message and "\n" not in message
        assert behind[0].status_code == 200 and "Vladimir Putin" in behind[0].json()["text"]
        assert state.worker.pid not in (None, first_worker)  # the over-budget worker was replaced
        worker_process = state.worker._process
    assert not worker_process.is_alive()  # and the app's shutdown stops the analyzer
