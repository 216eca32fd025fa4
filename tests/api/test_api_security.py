"""Hostile input and hostile clients: CSP, escaping, token, rate limit, no tracebacks."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

import warta
from warta.api.guards import CONTENT_SECURITY_POLICY, TokenBuckets, token_matches
from warta.settings import Settings
from warta.web import create_app

from .servicedata import TOKEN, XSS

HOSTILE_TEXT = ("Rusia dan Korea Utara <script>alert('t1')</script> sepakat.\n\n"
                "Presiden Rusia Vladimir Putin <img src=x onerror=\"alert('t2')\"> bertemu Kim Jong Un "
                "di Pyongyang. <a href=\"javascript:alert('t3')\">Baca</a> <svg onload=alert('t4')>\n\n"
                "Amerika Serikat mengecam\" onmouseover=\"alert('t5') pertemuan itu.")
HOSTILE_HTML = ("<html><head><title>Rusia &lt;script&gt;alert('h0')&lt;/script&gt;</title></head><body>"
                "<article><h1>Rusia dan Korea Utara &lt;script&gt;alert('h1')&lt;/script&gt;</h1>"
                "<p>Presiden Rusia Vladimir Putin bertemu pemimpin Korea Utara Kim Jong Un di Pyongyang. "
                "<script>alert('h2')</script><img src=x onerror=\"alert('h3')\"> "
                "&lt;img src=x onerror=alert('h4')&gt; <a href=\"javascript:alert('h5')\">tautan</a> "
                "&lt;a href=\"javascript:alert('h6')\"&gt;x&lt;/a&gt; Kedua negara sepakat "
                "meningkatkan kerja sama militer.</p></article></body></html>")


class MarkupAudit(HTMLParser):
    """Every script, event-handler attribute and javascript: URL a page would give a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []
        self.js_urls: list[str] = []
        self.inline_styles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in ("href", "src", "action", "formaction") and value and \
                    value.strip().lower().startswith("javascript:"):
                self.js_urls.append(value)
            if name == "style":
                self.inline_styles += 1


def audit(html: str) -> MarkupAudit:
    parser = MarkupAudit()
    parser.feed(html)
    return parser


def assert_no_live_markup(html: str) -> None:
    found = audit(html)
    assert found.handlers == []
    assert found.js_urls == []
    assert found.inline_styles == 0
    for script in found.scripts:  # only our static files, and data the browser never runs
        assert (script.get("src") or "").startswith("/static/") or script.get("type") == "application/json"


@pytest.mark.parametrize("payload", [HOSTILE_TEXT, HOSTILE_HTML])
def test_pasted_hostile_page_never_becomes_markup(client: TestClient, payload: str) -> None:
    response = client.post("/ui/analyze", data={"text": payload})
    assert response.status_code == 200
    assert_no_live_markup(response.text)
    assert "alert(" in response.text  # the text is shown, as text
    assert "<script>alert" not in response.text and "&lt;script&gt;" in response.text


def test_hostile_stored_article_is_escaped_everywhere(client: TestClient) -> None:
    for url in ("/ui/articles/test-xss", "/ui/events?article=test-xss",
                "/ui/events?article=test-xss&unit=mentions", "/", "/ui/dyads/RUS/PRK"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_live_markup(response.text)
        assert XSS not in response.text
    assert "&lt;b&gt;Evil&lt;/b&gt; Wire" in client.get("/ui/events?article=test-xss&unit=mentions").text


def test_json_layers_cannot_close_their_script_block(client: TestClient) -> None:
    page = client.get("/ui/articles/test-xss").text
    block = page.split('<script type="application/json" id="layers">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block


def test_every_response_carries_the_csp(client: TestClient) -> None:
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY
    for response in (client.get("/"), client.get("/events"), client.get("/docs"), client.get("/nope"),
                     client.get("/static/style.css"), client.post("/analyze", content=b"x" * 300_000)):
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-content-type-options"] == "nosniff"


def test_docs_are_local_and_script_free(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert_no_live_markup(page.text)
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    for asset in ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css",
                  "/static/docs.js"):
        assert client.get(asset).status_code == 200, asset
    assert client.get("/openapi.json").json()["paths"].keys() >= {"/analyze", "/events", "/dyads/{a}/{b}",
                                                                   "/articles/{ident}", "/actors", "/ingest"}


def test_ingest_needs_the_token(client: TestClient) -> None:
    batch = {"articles": [{"id": "ingest-1", "text": "Presiden Rusia Vladimir Putin mengunjungi Pyongyang."}]}
    assert client.post("/ingest", json=batch).status_code == 401
    wrong = client.post("/ingest", json=batch, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    basic = client.post("/ingest", json=batch, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert client.get("/articles/ingest-1").status_code == 404


def test_ingest_with_the_token_stores_once(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    batch = {"articles": [{"id": "ingest-2", "text": "Presiden Rusia Vladimir Putin mengunjungi Pyongyang."},
                          {"id": "ingest-bad", "text": "   "}]}
    first = client.post("/ingest", json=batch, headers=auth)
    assert first.status_code == 200, first.text
    assert first.json()["stored"] == 1 and first.json()["skipped"] == 1
    assert first.json()["skips"] == [{"origin": "article 2",
                                      "reason": "article 2: record has no non-empty 'html' or 'text' field"}]
    again = client.post("/ingest", json=batch, headers=auth).json()
    assert again["stored"] == 0 and again["present"] == 1
    assert client.get("/articles/ingest-2").status_code == 200
    assert client.post("/ingest", json={"articles": []}, headers=auth).status_code == 422


@pytest.mark.parametrize(("body", "reason"), [
    (b'{"articles":' + b"[" * 50_000 + b"]" * 50_000 + b"}", "request body: JSON nested more than 64 levels"),
    (b'{"articles": [{"text": "x", "id": ' + b"9" * 5000 + b"}]}", "request body: JSON holds a number"),
    (b'{"articles": [{"text": "\xff"}]}', "request body: not UTF-8"),
    (b'{"articles": [', "request body: not valid JSON"),
])
def test_ingest_refuses_a_hostile_body_with_one_line(client: TestClient, body: bytes, reason: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
    response = client.post("/ingest", content=body, headers=auth)
    message = response.json()["error"]["message"]
    assert response.status_code == 400 and message.startswith(reason) and "\n" not in message
    unauthenticated = client.post("/ingest", content=body, headers={"content-type": "application/json"})
    assert unauthenticated.status_code == 401  # the token is checked before the body is read
    wrong_type = client.post("/ingest", json={"articles": [{"text": 5}]}, headers=auth)
    assert wrong_type.status_code == 422
    assert wrong_type.json()["error"]["details"][0]["loc"] == ["articles", "0", "text"]


def test_ingest_is_off_without_a_configured_token(tmp_path: Path, pipeline: warta.Pipeline) -> None:
    app = create_app(Settings(rate_limit_per_second=0), tmp_path / "empty.duckdb", pipeline=pipeline)
    with TestClient(app) as off:
        response = off.post("/ingest", json={"articles": [{"text": "x"}]},
                            headers={"Authorization": "Bearer "})
        assert response.status_code == 401
        assert "ingest is off" in response.json()["error"]["message"]


def test_token_compare_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    import hmac

    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    assert token_matches("Bearer s3cret", "s3cret")
    assert not token_matches("Bearer s3cre", "s3cret")
    assert not token_matches("bearer", "s3cret")
    assert not token_matches("Bearer x", "")
    assert calls == [(b"s3cret", b"s3cret"), (b"s3cre", b"s3cret"), (b"", b"s3cret")]


def test_rate_limit_answers_429_with_retry_after(tmp_path: Path, pipeline: warta.Pipeline) -> None:
    settings = Settings(rate_limit_per_second=0.5, rate_limit_burst=3)
    with TestClient(create_app(settings, tmp_path / "rate.duckdb", pipeline=pipeline)) as limited:
        statuses = [limited.get("/events").status_code for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        blocked = limited.get("/actors")
        assert blocked.json()["error"]["status"] == 429
        assert int(blocked.headers["retry-after"]) >= 1
        assert limited.get("/static/style.css").status_code == 200  # static files are not counted


def test_token_buckets_refill_per_client() -> None:
    now = [0.0]
    buckets = TokenBuckets(rate=2.0, burst=2, max_keys=2, clock=lambda: now[0])
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.5]
    assert buckets.take("b") == 0.0  # another client has its own bucket
    now[0] = 1.0
    assert buckets.take("a") == 0.0
    buckets.take("c")
    assert len(buckets._buckets) == 2  # bounded memory


def test_a_bug_is_a_500_without_a_traceback(tmp_path: Path, pipeline: warta.Pipeline) -> None:
    app = create_app(Settings(rate_limit_per_second=0), None, pipeline=pipeline)
    router = APIRouter()

    @router.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    app.include_router(router)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/boom")
        assert response.status_code == 500
        assert "secret" not in response.text and "Traceback" not in response.text
        assert response.json()["error"]["status"] == 500
        assert test_client.get("/events").status_code == 503  # no database: reads say so
