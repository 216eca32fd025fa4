"""warta: read news the way a political analyst does.

    >>> import warta
    >>> article = warta.analyze(html_or_text, url=None, date=None, lang=None)
    >>> for article in warta.pipe(records): ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from warta.article import ActorMention, Article, Event, Failure, Location, RawDocument, Removal, Sentence
from warta.errors import WartaError
from warta.pipeline import ErrorHandler, Pipeline
from warta.settings import Settings
from warta.version import __version__

__all__ = [
    "ActorMention",
    "Article",
    "Event",
    "Failure",
    "Location",
    "Pipeline",
    "RawDocument",
    "Removal",
    "Sentence",
    "Settings",
    "WartaError",
    "__version__",
    "analyze",
    "pipe",
]


def analyze(raw: str | bytes | dict[str, object] | RawDocument, url: str | None = None,
            date: str | None = None, lang: str | None = None,
            pipeline: Pipeline | None = None) -> Article:
    """One clean, annotated article from an HTML page, scraped text, bytes, or a record."""
    return (pipeline or Pipeline()).analyze(raw, url=url, date=date, lang=lang)


def pipe(records: Iterable[RawDocument | Failure | dict[str, object] | str],
         on_error: ErrorHandler | None = None, pipeline: Pipeline | None = None) -> Iterator[Article]:
    """Stream articles; a bad record goes to `on_error` (or raises when none is given)."""
    return (pipeline or Pipeline()).pipe(records, on_error=on_error)
