"""Properties over arbitrary input: `analyze` never crashes, and every span lies inside the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.article import Article
from warta.errors import InputError
from warta.pipeline import Pipeline

WORDS = ["Rusia", "Korea", "Utara", "Baca", "Juga", ":", "Foto", "(tia)", "JAKARTA,", "KOMPAS.com",
         "-", "mengunjungi", "Presiden", ".", "\n", "\n\n", "Rp1.988", "A.S.", "said", "the", "<p>",
         "</p>", "â€œ", "Â ", "Copyright", "©", "Editor:", "ADVERTISEMENT", "\"", ","]

slow = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])


def assert_spans_inside(article: Article) -> None:
    size = len(article.text)
    assert 0 <= article.body_start <= size
    for span in (*article.sentences, *article.actors):
        assert 0 <= span.start < span.end <= size
    for event in article.events:
        assert 0 <= event.trigger.start < event.trigger.end <= size
        assert article.text[event.trigger.start:event.trigger.end] == event.trigger.text


def analyze_text(pipeline: Pipeline, text: str) -> None:
    """Only empty text may be refused; anything else gives an article with spans inside its text."""
    try:
        article = pipeline.analyze(text)
    except InputError:
        assert not text.strip()
        return
    assert_spans_inside(article)


@slow
@given(st.text())
def test_analyze_never_raises_on_text(pipeline: Pipeline, text: str) -> None:
    analyze_text(pipeline, text)


@slow
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
def test_analyze_never_raises_on_newsy_text(pipeline: Pipeline, text: str) -> None:
    analyze_text(pipeline, text)


@slow
@given(st.binary(max_size=3000))
def test_analyze_never_raises_on_bytes(pipeline: Pipeline, data: bytes) -> None:
    try:
        article = pipeline.analyze(data)
    except InputError as exc:
        assert str(exc)
        return
    assert_spans_inside(article)


@slow
@given(st.text(max_size=400))
def test_html_wrapped_text_never_raises(pipeline: Pipeline, text: str) -> None:
    html = (f"<html><head><title>{text[:40]}</title></head>"
            f"<body><article><p>{text}</p></article></body></html>")
    try:
        article = pipeline.analyze(html)
    except InputError:
        pytest.fail("a page with markup is not empty input")
    assert_spans_inside(article)
