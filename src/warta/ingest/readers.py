"""Turn paths, folders and streams into `RawDocument`s; bad records become `Failure`s."""

from __future__ import annotations

import dataclasses
import gzip
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from warta.article import Failure, RawDocument
from warta.errors import InputError
from warta.ingest import jsonsafe
from warta.ingest.decode import decode_text

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
    if sniff_kind(data[:4096].decode("utf-8", "replace")) == "jsonl":
        yield from read_jsonl_lines(data.splitlines(), origin)
        return
    try:
        decoded = decode_text(data, origin)
    except InputError as exc:
        yield Failure(origin, str(exc))
        return
    kind = sniff_kind(decoded.text)
    yield RawDocument(content=decoded.text, kind=kind, origin=origin, warnings=decoded.warnings)


def read_file(path: Path) -> Iterator[RawDocument | Failure]:
    origin = str(path)
    kind = kind_of(path)
    if kind in ("warc", "feed"):  # imported here: warcio and feedparser load only when needed
        from warta.ingest.feeds import read_feed
        from warta.ingest.warc import read_warc

        yield from (read_warc(path) if kind == "warc" else read_feed(path))
        return
    if kind == "jsonl":
        yield from _read_jsonl_file(path)
        return
    try:
        decoded = decode_text(path.read_bytes(), origin)
    except InputError as exc:
        yield Failure(origin, str(exc))
        return
    except OSError as exc:
        yield Failure(origin, f"{origin}: cannot read: {exc.strerror or exc.__class__.__name__}")
        return
    if kind is None:
        kind = "html" if sniff_kind(decoded.text) == "html" else "text"
    yield RawDocument(content=decoded.text, kind=kind, origin=origin, warnings=decoded.warnings)


def _read_jsonl_file(path: Path) -> Iterator[RawDocument | Failure]:
    """Lines of a .jsonl(.gz) file as bytes, so one undecodable line is one failure, not the file's."""
    origin = str(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as handle:
            for number, line in enumerate(handle, start=1):
                yield from read_jsonl_lines([line], origin, first=number)
    except (OSError, EOFError, zlib.error) as exc:
        where = f"{origin}:{number + 1}"
        detail = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
        yield Failure(where, f"{where}: cannot read the file past this line ({detail})")


def read_jsonl_lines(lines: Iterable[str | bytes], origin: str,
                     first: int = 1) -> Iterator[RawDocument | Failure]:
    """One record per line; a bad line is a `Failure` naming its line number.

    A line is parsed with bounded depth and number size (`jsonsafe`); bytes that are not UTF-8
    are replaced (U+FFFD, visible) and the record carries a warning saying so.
    """
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        warnings: tuple[str, ...] = ()
        if isinstance(line, bytes):
            data = line
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError:
                line = data.decode("utf-8", errors="replace")
                warnings = ("the line is not valid UTF-8: bytes that could not be read show as "
                            "U+FFFD (\ufffd)",)
        try:
            raw = raw_from_record(jsonsafe.loads(line, where), where)
        except InputError as exc:
            yield Failure(where, str(exc))
            continue
        yield dataclasses.replace(raw, warnings=warnings) if warnings else raw


def raw_from_record(record: Any, origin: str = "record") -> RawDocument:
    """A JSONL/API record `{id?, url?, html? | text?, title?, date?, source?, lang?}`."""
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a record must be a JSON object")
    html, text = record.get("html"), record.get("text")
    content = html if html else text
    if not isinstance(content, str) or not content.strip():
        raise InputError(f"{origin}: record has no non-empty 'html' or 'text' field")
    meta: dict[str, str | None] = {}
    for key in ("url", "title", "date", "source", "lang"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{origin}: field '{key}' must be a string")
        meta[key] = value
    record_id = record.get("id")
    if record_id is not None and not isinstance(record_id, str | int | float):
        raise InputError(f"{origin}: field 'id' must be a string or a number")
    return RawDocument(
        content=content,
        kind="html" if html else "record",
        id=str(record_id) if record_id is not None else None,
        origin=origin,
        url=meta["url"], title=meta["title"], date=meta["date"], source=meta["source"],
        lang=meta["lang"],
    )
