"""Main text and metadata of an HTML page, by trafilatura (with htmldate for the date)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml.etree import LxmlError
from trafilatura.settings import Document

from warta.errors import ExtractionError

# trafilatura logs every page it finds too short; the pipeline reports that itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# The one place trafilatura's settings are chosen; bench/extraction.py runs trafilatura alone
# with these same options. Comments, tables and images are not article prose; deduplication
# would drop repeated paragraphs the author wrote.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True, "include_comments": False, "include_tables": False,
    "include_images": False, "deduplicate": False,
}


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    hostname: str | None
    url: str | None


# Container tags a page can nest without meaning anything; dropped (not their text) when the
# markup is deeper than even the huge-tree parser reads.
_CONTAINER_TAG = re.compile(
    r"</?(?:div|span|section|article|main|aside|font|center|b|i|u|em|strong|small|big|table|tbody"
    r"|thead|tr|td|th|ul|ol|li|blockquote|nav|header|footer|figure|a)\b[^>]*>", re.I)
# What lxml and htmldate raise on markup they cannot handle ("<svg><p><p>" trips an assert in
# lxml's drop_tree, called from htmldate).
_PARSER_ERRORS = (ValueError, TypeError, AttributeError, AssertionError, LxmlError)


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Run trafilatura on a page; raise `ExtractionError` when it finds no article text.

    libxml2 stops building the tree 255 elements deep, silently, so a page nested deeper yields
    no text; then the page is parsed again without that limit, and, deeper still, with its
    container tags dropped, before the text is given up as lost.
    """
    doc = _extract(html, url)
    if doc is None and html.count("<") > DEPTH_LIMIT:
        doc = _extract(_huge_tree(html), url) or _extract(_CONTAINER_TAG.sub("\n", html), url)
    if doc is None:
        try:
            fallback = trafilatura.html2txt(html)
        except _PARSER_ERRORS as exc:
            raise ExtractionError(f"cannot parse the HTML: {str(exc) or exc.__class__.__name__}") from None
        if not fallback or not fallback.strip():
            raise ExtractionError("no article text found in the HTML page")
        return Extracted(fallback, None, None, None, None, None, url)
    return Extracted(
        text=doc.text or "",
        title=doc.title,
        author=doc.author,
        date=doc.date,
        sitename=doc.sitename,
        hostname=doc.hostname,
        url=doc.url or url,
    )


DEPTH_LIMIT = 255  # libxml2's default maximum depth of the tree
_HUGE_PARSER = lxml.html.HTMLParser(huge_tree=True)


def _huge_tree(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html, parser=_HUGE_PARSER)
    except _PARSER_ERRORS:
        return None


def _extract(html: str | lxml.html.HtmlElement | None, url: str | None) -> Document | None:
    """trafilatura's document with text, or None; when the metadata pass (htmldate) trips over
    the markup, the text is taken without metadata rather than lost."""
    if html is None:
        return None
    for options in (TRAFILATURA_OPTIONS, {**TRAFILATURA_OPTIONS, "with_metadata": False}):
        try:
            doc = trafilatura.bare_extraction(html, url=url, **options)
        except _PARSER_ERRORS:
            continue
        if isinstance(doc, Document) and doc.text and doc.text.strip():
            return doc
        return None
    return None
