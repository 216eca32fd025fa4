"""WARC input: HTML responses only, with the record's URL and date, streamed; bad records reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_helpers import real_pages, write_warc
from typer.testing import CliRunner

from warta.article import Failure, RawDocument
from warta.cli.main import app
from warta.ingest.readers import kind_of, read_paths
from warta.pipeline import Pipeline
from warta.store import Store


@pytest.fixture()
def news_warc(tmp_path: Path, shared_data: Path) -> tuple[Path, list[tuple[str, bytes]]]:
    pages = real_pages(shared_data, 3)
    records = [
        {"url": "https://example.org/", "type": "request", "body": b"GET / HTTP/1.1\r\n\r\n"},
        {"url": "https://news.example/a", "body": pages[0][1], "date": "2019-09-10T21:48:51Z"},
        {"url": "https://news.example/logo.png", "body": b"\x89PNG\r\n\x1a\n\x00\x00",
         "content_type": "image/png"},
        {"url": "https://news.example/moved", "body": b"", "status": "301 Moved Permanently"},
        {"url": "https://news.example/b", "body": pages[1][1], "date": "2019-09-11T08:00:00Z"},
        {"url": "https://news.example/c", "body": pages[2][1], "date": "2019-09-12T09:30:00Z"},
    ]
    return write_warc(tmp_path / "CC-NEWS-test.warc.gz", records), pages


def test_warc_files_are_recognised_by_suffix() -> None:
    assert kind_of(Path("CC-NEWS-20190910.warc.gz")) == "warc"
    assert kind_of(Path("crawl.WARC")) == "warc"


def test_only_html_responses_become_documents_with_url_and_crawl_date(news_warc: tuple[Path, list]) -> None:
    path, pages = news_warc
    docs = list(read_paths([str(path)]))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b",
                                     "https://news.example/c"]
    assert [d.crawled for d in docs] == ["2019-09-10T21:48:51Z", "2019-09-11T08:00:00Z",
                                         "2019-09-12T09:30:00Z"]
    assert [d.date for d in docs] == [None, None, None]  # WARC-Date is when it was fetched, not published
    assert all(d.kind == "html" and d.origin and d.origin.startswith(f"{path}@") for d in docs)
    assert docs[0].content == pages[0][1].decode("utf-8")


def test_a_warc_article_is_the_same_article_as_the_page(news_warc: tuple[Path, list],
                                                        pipeline: Pipeline) -> None:
    path, pages = news_warc
    doc = next(d for d in read_paths([str(path)]) if isinstance(d, RawDocument))
    from_warc = pipeline.run(doc)
    from_page = pipeline.analyze(pages[0][1], url="https://news.example/a")
    assert from_warc.text and from_warc == from_page
    assert from_warc.url == "https://news.example/a"
    assert from_warc.date == "2015-11-05"  # the page's own date, not the crawl's (2019-09-10)


def test_a_page_without_a_date_is_dated_by_its_crawl_and_says_so(tmp_path: Path, pipeline: Pipeline) -> None:
    body = (b"<html><body><p>Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta.</p>"
            b"</body></html>")
    path = write_warc(tmp_path / "undated.warc", [{"url": "https://x.example/a", "body": body,
                                                    "date": "2019-09-12T09:30:00Z"}], gzipped=False)
    (doc,) = list(read_paths([str(path)]))
    assert isinstance(doc, RawDocument)
    article = pipeline.run(doc)
    assert article.date is not None and article.date.startswith("2019-09-12")
    assert "the page gives no publication date; dated by its crawl (WARC-Date)" in article.warnings


def test_the_http_charset_decodes_the_payload(tmp_path: Path) -> None:
    body = "<html><body><p>Presiden berkata: café déjà vu</p></body></html>".encode("cp1252")
    path = write_warc(tmp_path / "latin.warc", [{"url": "https://x.example/", "body": body,
                                                  "content_type": "text/html; charset=windows-1252"}],
                      gzipped=False)
    (doc,) = list(read_paths([str(path)]))
    assert isinstance(doc, RawDocument) and "café déjà vu" in doc.content


def test_a_truncated_warc_keeps_what_was_read_and_reports_the_rest(
        news_warc: tuple[Path, list], tmp_path: Path) -> None:
    path, _ = news_warc
    data = path.read_bytes()
    cut = tmp_path / "truncated.warc.gz"
    cut.write_bytes(data[: len(data) - 2000])
    items = list(read_paths([str(cut)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert len(failures) == 1 and str(cut) in failures[0].reason


def test_a_file_that_is_not_a_warc_is_one_failure(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.warc"
    bogus.write_text("this is not a web archive\n" * 10, encoding="utf-8")
    (item,) = list(read_paths([str(bogus)]))
    assert isinstance(item, Failure) and "not a WARC file" in item.reason


def test_warta_ingest_reads_a_warc_end_to_end(news_warc: tuple[Path, list], tmp_path: Path) -> None:
    path, _ = news_warc
    db = tmp_path / "warc.duckdb"
    args = ["ingest", str(path), "--db", str(db), "--no-progress", "--workers", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        rows = store.sql("SELECT url, date FROM articles ORDER BY url").rows
    assert [url for url, _ in rows] == ["https://news.example/a", "https://news.example/b",
                                        "https://news.example/c"]
    assert [str(day) for _, day in rows] == ["2015-11-05", "2016-02-23", "2016-02-23"]  # the pages' own
