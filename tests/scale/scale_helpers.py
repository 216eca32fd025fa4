"""Helpers for the scale tests: small WARC files from real pages, and database snapshots to compare."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta.store import Store

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "src" / "warta" / "data" / "sample"
# Columns that differ between two correct runs by design: when the row was written.
VOLATILE = {"ingested_at", "created_at", "applied_at"}
COMPARED = ("articles", "actor_mentions", "events", "stories", "story_articles")


def real_pages(shared_data: Path, count: int) -> list[tuple[str, bytes]]:
    """(file name, HTML bytes) of real news pages: Indonesian id-pages first, then AEB pages."""
    extraction = shared_data / "extraction"
    pages = [(p.name, p.read_bytes()) for p in sorted((extraction / "id-pages" / "html").glob("*.html"))]
    pages += [(p.name, gzip.decompress(p.read_bytes()))
              for p in sorted((extraction / "scrapinghub-aeb" / "html").glob("*.html.gz"))]
    return pages[:count]


def write_warc(path: Path, records: list[dict[str, Any]], *, gzipped: bool = True) -> Path:
    """A WARC file with one record per dict: url, body, and optionally type, status, content_type,
    date; response records get HTTP headers, as Common Crawl writes them."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for spec in records:
            kind = spec.get("type", "response")
            headers = None
            if kind == "response":
                content_type = spec.get("content_type", "text/html; charset=utf-8")
                headers = StatusAndHeaders(spec.get("status", "200 OK"), [("Content-Type", content_type)],
                                           protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": spec["date"]} if "date" in spec else None
            record = writer.create_warc_record(spec["url"], kind, payload=io.BytesIO(spec["body"]),
                                               length=len(spec["body"]),
                                               http_headers=headers, warc_headers_dict=warc_headers)
            writer.write_record(record)
    return path


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every compared table's rows (volatile columns left out), sorted: equal means same results."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with Store(db, read_only=True) as store:
        for table in COMPARED:
            columns = [c for c in store.sql(f"SELECT * FROM {table} LIMIT 0").columns if c not in VOLATILE]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = store.sql(f"SELECT {quoted} FROM {table}").rows
            out[table] = sorted(rows, key=repr)
    return out
