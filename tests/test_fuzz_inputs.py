"""Fuzz, bounded in time: hostile text, bytes, HTML, JSON lines and request bodies never crash warta.

`warta.analyze` may refuse an input only with a `WartaError` (one line); the JSONL reader yields
records or `Failure`s and never raises; no route of the service answers 500. The inputs mix what
broke warta in issue 14: lone surrogates, NULs and terminal escapes, `<svg><p><p>`, IPv6-looking
URLs, deep nesting, 5,000-digit numbers, dates before year 100. bench/robustness.py runs the same
kinds of input a million times; this file keeps each property to a few seconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_properties import assert_spans_inside
from warta.article import Failure, RawDocument
from warta.errors import WartaError
from warta.ingest.readers import read_jsonl_lines
from warta.pipeline import Pipeline
from warta.settings import Settings
from warta.web import create_app

bounded = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD = ["\ud800", "\udfff", "\x00", "\x1b[31m", "\u202e", "\ufffd", "\ufeff", "<svg>", "<p>", "<div>",
       "</div>", "[", "{", "}", "]", '"', "\\", "http://[x", ".", ". ", "…", "\n", "\n\n", " ", "Ab cd.",
       "Rusia", "menyerang", "Ukraina", "Putin", "bertemu", "Kim", "said", "Russia", "attacked",
       "0001-01-01", "19-09-10", "9" * 60, "A.S.", "Dr.", "(tia)", "JAKARTA,", "KOMPAS.com -"]
FIELDS = ("id", "url", "html", "text", "title", "date", "source", "lang")
TAGS = ["html", "body", "p", "div", "svg", "math", "table", "td", "script", "style", "article", "title", "a"]

odd_text = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, categories=None), max_size=300),
    st.lists(st.sampled_from(ODD), max_size=80).map("".join),
    st.lists(st.sampled_from(ODD), max_size=40).map(" ".join),
)


def html_fragments() -> st.SearchStrategy[str]:
    tag = st.sampled_from(TAGS)
    piece = st.one_of(tag.map(lambda t: f"<{t}>"), tag.map(lambda t: f"</{t}>"), odd_text)
    return st.lists(piece, max_size=40).map("".join)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), odd_text),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from([*FIELDS, "x"]), children, max_size=6)),
    max_leaves=20,
)
records = st.fixed_dictionaries({}, optional={key: st.one_of(odd_text, json_values) for key in FIELDS})


def analyze_or_refuse(pipeline: Pipeline, item: str | bytes | dict[str, Any]) -> None:
    """An article with its spans inside its text, or a `WartaError` with a one-line message."""
    try:
        article = pipeline.analyze(item)
    except WartaError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert_spans_inside(article)
    json.dumps(article.to_dict())  # what the CLI and the service print: no surrogate, no NaN left


@bounded
@given(odd_text)
def test_analyze_odd_text(pipeline: Pipeline, text: str) -> None:
    analyze_or_refuse(pipeline, text)


@bounded
@given(html_fragments())
def test_analyze_html_fragments(pipeline: Pipeline, page: str) -> None:
    analyze_or_refuse(pipeline, page)


@bounded
@given(st.one_of(st.binary(max_size=2000), odd_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 odd_text.map(lambda t: t.encode("utf-16", "surrogatepass"))))
def test_analyze_odd_bytes(pipeline: Pipeline, data: bytes) -> None:
    analyze_or_refuse(pipeline, data)


@bounded
@given(records)
def test_analyze_odd_records(pipeline: Pipeline, record: dict[str, Any]) -> None:
    analyze_or_refuse(pipeline, record)


@bounded
@given(st.lists(st.one_of(json_values.map(lambda v: json.dumps(v).encode("utf-8", "surrogatepass")),
                          records.map(lambda r: json.dumps(r).encode("utf-8", "surrogatepass")),
                          st.binary(max_size=200),
                          st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n)), max_size=8))
def test_the_jsonl_reader_never_raises(lines: list[bytes]) -> None:
    items = list(read_jsonl_lines(lines, "fuzz.jsonl"))
    assert all(isinstance(item, RawDocument | Failure) for item in items)
    assert all("\n" not in item.reason for item in items if isinstance(item, Failure))


@pytest.fixture(scope="module")
def service(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The whole app over an empty database, rate limit off; a 500 is returned, not raised."""
    db = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    app = create_app(Settings(ingest_token="fuzz-token", rate_limit_per_second=0),
                     db, pipeline=pipeline)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def routes(client: TestClient) -> list[tuple[str, str]]:
    """Every (method, path) of the OpenAPI schema, path parameters filled, plus the dashboard's form."""
    schema = client.get("/openapi.json").json()
    out = [("post", "/ui/analyze")]
    for path, methods in schema["paths"].items():
        filled = path.replace("{", "").replace("}", "")  # /dyads/{a}/{b} -> /dyads/a/b
        out += [(method, filled) for method in methods]
    return out


BODY_TYPES = ["application/json", "text/plain", "text/html", "application/x-www-form-urlencoded", ""]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=1500),
                 json_values.map(lambda v: json.dumps(v).encode("utf-8", "surrogatepass")),
                 records.map(lambda r: json.dumps(r).encode("utf-8", "surrogatepass")),
                 st.integers(1, 5000).map(lambda n: b'{"text":' + b"[" * n + b"]" * n + b"}")),
       st.sampled_from(BODY_TYPES), odd_text.map(lambda t: t[:60]))
def test_no_route_answers_500(service: TestClient, body: bytes, content_type: str, query: str) -> None:
    headers = {"authorization": "Bearer fuzz-token"}
    if content_type:
        headers["content-type"] = content_type
    for method, path in routes(service):
        if method == "get":
            raw = quote(query.encode("utf-8", "surrogatepass"))  # a lone surrogate goes out as %ED%A0%80
            response = service.get(f"{path}?q={raw}&actor={raw}&since={raw}&page={raw}")
        else:
            response = service.request(method.upper(), path, content=body, headers=headers)
        assert response.status_code < 500, (method, path, response.text[:200])


def test_the_issues_request_bodies_get_one_line_answers(service: TestClient) -> None:
    good = "Presiden Joko Widodo bertemu Perdana Menteri Jepang di Jakarta pada hari Senin."
    bodies: list[tuple[str, bytes, str]] = [
        ("application/json", b'{"text":' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested more than 64"),
        ("application/json", json.dumps({"text": good, "url": "http://[x"}).encode(), ""),
        ("text/html", b"<svg><p><p>", "empty"),
        ("application/json", b'{"text": "' + good.encode() + b'\\ud800"}', "lone surrogate"),
        ("application/json", b'{"text": "x", "id": ' + b"9" * 5000 + b"}", "5,000 digits"),
    ]
    for content_type, body, reason in bodies:
        response = service.post("/analyze", content=body, headers={"content-type": content_type})
        if not reason:
            assert response.status_code == 200 and response.json()["url"] == "http://[x"
            continue
        assert 400 <= response.status_code < 500
        message = response.json()["error"]["message"]
        assert reason in message and "\n" not in message
        form = service.post("/ui/analyze", data={"text": body.decode("utf-8", "replace")})
        assert form.status_code < 500


def test_a_lone_surrogate_pasted_in_the_dashboard_is_a_plain_error(service: TestClient) -> None:
    response = service.post("/ui/analyze", content=b"text=Putin+bertemu+Kim.+%ED%A0%80",
                            headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code in (200, 400, 422)


def test_routes_are_all_tried(service: TestClient) -> None:
    assert len(routes(service)) >= 8 and ("post", "/ingest") in routes(service)



def test_a_request_that_waits_too_long_for_the_analyzer_gets_503(pipeline: Pipeline) -> None:
    app = create_app(Settings(rate_limit_per_second=0, analyze_wait_seconds=0.2), None, pipeline=pipeline)
    with TestClient(app) as client:
        state = app.state.warta
        assert state.analyze_lock.acquire()  # another request's large article is being analysed
        try:
            busy = client.post("/analyze", json={"text": "Putin bertemu Kim."})
        finally:
            state.analyze_lock.release()
        assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
        assert "busy" in busy.json()["error"]["message"]
        assert client.post("/analyze", json={"text": "Putin bertemu Kim."}).status_code == 200
