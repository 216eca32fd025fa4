"""Read RSS and Atom feed files: each item becomes one record with its link, title, date and text.

An item's full content (`content:encoded`, Atom `content`) is preferred to its summary; the HTML
fragment is flattened to paragraphs here, because trafilatura looks for a whole page and drops
a bare fragment. Items go on as `kind="record"`, so the record's title, link and date win over
anything the clean stage would infer, as for a JSON Lines record. A feed's declared language is
not carried: many Indonesian sites declare `en-us`; the language filter trusts detection on the text.
"""

from __future__ import annotations

import calendar
import html
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from warta.article import Failure, RawDocument

# Block-level tags end a paragraph; everything else is inline and only loses its markup.
_BLOCK_END = re.compile(r"<\s*(?:br\s*/?|/\s*(?:p|div|li|h[1-6]|blockquote|tr|section|article))\s*>",
                        re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def read_feed(path: Path) -> Iterator[RawDocument | Failure]:
    """Every item of an RSS/Atom file; a file that is not a feed is one `Failure`."""
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(origin, f"{origin}: cannot read: {exc.__class__.__name__}: {exc}")
        return
    yield from read_feed_bytes(data, origin)


def read_feed_bytes(data: bytes, origin: str) -> Iterator[RawDocument | Failure]:
    # Bytes, never a str: feedparser treats a str as a URL or path and would fetch it.
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem.__class__.__name__}: {problem})" if problem else ""
        yield Failure(origin, f"{origin}: not an RSS or Atom feed{detail}")
        return
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}:{number}"
        text = entry_text(entry)
        if not text:
            yield Failure(where, f"{where}: feed item has no content or summary")
            continue
        yield RawDocument(
            content=text,
            kind="record",
            id=None,
            url=entry.get("link") or None,
            title=_plain(entry.get("title") or "") or None,
            date=entry_date(entry),
            source=source,
            origin=where,
        )


def entry_text(entry: Any) -> str:
    """The item's longest HTML body (full content beats summary), as plain paragraphs."""
    bodies = [part.get("value", "") for part in entry.get("content", []) or []]
    bodies.append(entry.get("summary", "") or "")
    best = max(bodies, key=len)
    return _plain(best)


def entry_date(entry: Any) -> str | None:
    """Published (else updated) time as ISO 8601 UTC; feedparser normalises RFC 822 and W3C dates."""
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if stamp:
            moment = time.gmtime(calendar.timegm(stamp))
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", moment)
    return None


def _plain(fragment: str) -> str:
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", fragment)))
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)

