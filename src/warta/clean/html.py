"""Main text and metadata of an HTML page, by trafilatura (with htmldate for the date)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import trafilatura
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


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Run trafilatura on a page; raise `ExtractionError` when it finds no article text."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)
    except (ValueError, TypeError, AttributeError) as exc:  # malformed markup trips lxml
        raise ExtractionError(f"cannot parse the HTML: {exc}") from None
    if not isinstance(doc, Document) or not doc.text or not doc.text.strip():
        fallback = trafilatura.html2txt(html)
        if not fallback or not fallback.strip():
            raise ExtractionError("no article text found in the HTML page")
        return Extracted(fallback, None, None, None, None, None, url)
    return Extracted(
        text=doc.text,
        title=doc.title,
        author=doc.author,
        date=doc.date,
        sitename=doc.sitename,
        hostname=doc.hostname,
        url=doc.url or url,
    )
