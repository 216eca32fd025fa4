"""POST /analyze: the article JSON for text, HTML and JSON bodies; the right status for bad ones."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

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
