"""Turn paths, folders and streams into `RawDocument`s; bad records become `Failure`s."""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from warta.article import Failure, RawDocument
from warta.errors import InputError
from warta.ingest.decode import decode_bytes

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
RECORD_FIELDS = ("id", "url", "html", "text", "title", "date", "source", "lang")


def kind_of(path: Path) -> str | None:
    """'html', 'text', 'jsonl', 'warc' or 'feed' by file name; None for files warta does not read."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


_LEADING_COMMENTS = re.compile(r"^\s*(?:<!--.*?-->\s*)+", re.S)


def sniff_kind(text: str) -> str:
    """Guess what stdin holds: JSON Lines, HTML or plain text."""
    head = _LEADING_COMMENTS.sub("", text[:4096]).lstrip()[:2048].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype", "<html", "<?xml")) or "<body" in head or "<p>" in head:
        return "html"
    return "text"


def expand_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files named directly plus the readable files inside named folders, streamed.

    Every named path is checked before the first one is yielded (a typo fails before any work).
    Folders are walked lazily, one directory listing at a time, each sorted by name, so a tree
    of millions of files is never held in memory and the order is the same on every run.
    """
    named = list(paths)
    for name in named:
        if not Path(name).exists():
            raise InputError(f"{name}: no such file or folder")
    return _walk_all([Path(name) for name in named])


def _walk_all(named: list[Path]) -> Iterator[Path]:
    for path in named:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    """Depth-first in name order, as `sorted(rglob)` was; symlinked folders are not followed."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file() and kind_of(Path(entry.name)):
            yield Path(entry.path)


def read_paths(paths: Iterable[str]) -> Iterator[RawDocument | Failure]:
    """Every record in the given files and folders ('-' is stdin)."""
    for name in paths:
        if name == "-":
            yield from read_stream(sys.stdin.buffer, origin="<stdin>")
            continue
        for path in expand_paths([name]):
            yield from read_file(path)


def read_stream(stream: IO[bytes], origin: str) -> Iterator[RawDocument | Failure]:
    data = stream.read()
    try:
        text = decode_bytes(data, origin)
    except InputError as exc:
        yield Failure(origin, str(exc))
        return
    kind = sniff_kind(text)
    if kind == "jsonl":
        yield from read_jsonl_lines(text.splitlines(), origin)
    else:
        yield RawDocument(content=text, kind=kind, origin=origin)


def read_file(path: Path) -> Iterator[RawDocument | Failure]:
    origin = str(path)
    kind = kind_of(path)
    if kind in ("warc", "feed"):  # imported here: warcio and feedparser load only when needed
        from warta.ingest.feeds import read_feed
        from warta.ingest.warc import read_warc

        yield from (read_warc(path) if kind == "warc" else read_feed(path))
        return
    try:
        if kind == "jsonl":
            opener = gzip.open if path.name.lower().endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8", errors="strict") as handle:
                yield from read_jsonl_lines(handle, origin)
            return
        data = path.read_bytes()
        text = decode_bytes(data, origin)
    except InputError as exc:
        yield Failure(origin, str(exc))
        return
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        yield Failure(origin, f"{origin}: cannot read: {exc.__class__.__name__}: {exc}")
        return
    if kind is None:
        kind = "html" if sniff_kind(text) == "html" else "text"
    url = None
    yield RawDocument(content=text, kind=kind, url=url, origin=origin)


def read_jsonl_lines(lines: Iterable[str], origin: str) -> Iterator[RawDocument | Failure]:
    """One record per line; a bad line is a `Failure` naming its line number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"{where}: not valid JSON ({exc.msg})")
            continue
        try:
            yield raw_from_record(record, where)
        except InputError as exc:
            yield Failure(where, str(exc))


def raw_from_record(record: Any, origin: str = "record") -> RawDocument:
    """A JSONL/API record `{id?, url?, html? | text?, title?, date?, source?, lang?}`."""
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a record must be a JSON object")
    html, text = record.get("html"), record.get("text")
    content = html if html else text
    if not isinstance(content, str) or not content.strip():
        raise InputError(f"{origin}: record has no non-empty 'html' or 'text' field")
    meta = {key: record.get(key) for key in ("url", "title", "date", "source", "lang")}
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            raise InputError(f"{origin}: field '{key}' must be a string")
    record_id = record.get("id")
    return RawDocument(
        content=content,
        kind="html" if html else "record",
        id=str(record_id) if record_id is not None else None,
        origin=origin,
        **meta,
    )
