"""Markup and metadata that trip the parsers: deep nesting, `<svg><p><p>`, an IPv6-looking URL."""

from __future__ import annotations

import pytest
from hostile_inputs import GOOD_ID

import warta
from warta.errors import InputError

BODY = (GOOD_ID + " ") * 12


@pytest.mark.parametrize("depth", [254, 300, 3000, 100_000])
def test_deeply_nested_html_is_still_extracted(pipeline: warta.Pipeline, depth: int) -> None:
    page = ("<html><head><title>Jokowi bertemu PM Jepang</title></head><body>"
            + "<div class='x'>" * depth + f"<p>{BODY}</p>" + "</div>" * depth + "</body></html>")
    article = pipeline.analyze(page)
    assert article.title == "Jokowi bertemu PM Jepang"
    assert article.body == BODY.strip()


@pytest.mark.parametrize("page", ["<svg><p><p>", "<html><body><svg><p><p></svg></body></html>",
                                  f"<svg><p><p>{BODY}"])
def test_markup_that_trips_lxml_is_an_answer_or_a_plain_error(pipeline: warta.Pipeline, page: str) -> None:
    try:
        article = pipeline.analyze(page)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert not article.text or article.text in page


@pytest.mark.parametrize("url", ["http://[x", "http://[::1", "https://[zz]/a", "//[", "http://a:b:c/"])
def test_a_url_python_cannot_split_is_kept_and_not_a_crash(pipeline: warta.Pipeline, url: str) -> None:
    article = pipeline.analyze({"text": BODY, "url": url})
    assert article.url == url and article.body == BODY.strip()
