"""RSS and Atom files: one record per item with its link, title, date and text."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest
from scale_helpers import SAMPLE

from warta.article import Failure, RawDocument
from warta.ingest.readers import kind_of, read_paths
from warta.pipeline import Pipeline


@pytest.fixture(scope="module")
def stories() -> list[dict[str, str]]:
    """Real stories from the bundled CLICK-ID sample, as a feed would carry them."""
    lines = (SAMPLE / "clickid-internasional.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:2]]


def rss(stories: list[dict[str, str]]) -> str:
    items = []
    for number, story in enumerate(stories):
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in story["text"].split(",") if p.strip())
        items.append(f"""<item><title>{escape(story["title"])}</title><link>{escape(story["url"])}</link>
          <pubDate>Tue, 10 Sep 2019 2{number}:48:51 +0700</pubDate>
          <description>{escape("A short teaser only.")}</description>
          <content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>""")
    items.append("<item><title>Empty</title><link>https://x.example/empty</link></item>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Kompas Internasional</title><link>https://kompas.com</link>
{"".join(items)}</channel></rss>"""


def test_feed_files_are_recognised_by_suffix() -> None:
    assert [kind_of(Path(n)) for n in ("a.rss", "b.atom", "c.xml")] == ["feed"] * 3


def test_each_rss_item_is_a_record_with_link_title_date_and_full_content(
        tmp_path: Path, stories: list[dict[str, str]]) -> None:
    path = tmp_path / "kompas.rss"
    path.write_text(rss(stories), encoding="utf-8")
    items = list(read_paths([str(path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.url for d in docs] == [s["url"] for s in stories]
    assert [d.title for d in docs] == [s["title"] for s in stories]
    # RFC 822 with a +0700 offset, normalised to UTC by feedparser.
    assert [d.date for d in docs] == ["2019-09-10T13:48:51+00:00", "2019-09-10T14:48:51+00:00"]
    assert all(d.kind == "record" and d.source == "Kompas Internasional" for d in docs)
    first_paragraph = stories[0]["text"].split(",")[0].strip()
    assert docs[0].content.startswith(first_paragraph) and "\n\n" in docs[0].content
    assert "teaser" not in docs[0].content and "<p>" not in docs[0].content
    (empty,) = [i for i in items if isinstance(i, Failure)]
    assert empty.origin == f"{path}:3" and "no content" in empty.reason


def test_atom_entries_use_their_summary_when_there_is_no_content(tmp_path: Path) -> None:
    path = tmp_path / "antara.atom"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Antara English</title>
<entry><title>Indonesia, Russia discuss defence ties</title>
<link href="https://en.antaranews.com/news/1"/><updated>2019-09-10T12:00:00Z</updated>
<summary type="html">&lt;p&gt;Jakarta (ANTARA) - Indonesia and Russia discussed defence
cooperation on Tuesday.&lt;/p&gt;</summary>
</entry></feed>""", encoding="utf-8")
    (doc,) = list(read_paths([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.url == "https://en.antaranews.com/news/1" and doc.date == "2019-09-10T12:00:00+00:00"
    assert doc.content == "Jakarta (ANTARA) - Indonesia and Russia discussed defence cooperation on Tuesday."


def test_an_xml_file_that_is_not_a_feed_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text("not xml at all, just words", encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, Failure) and "not an RSS or Atom feed" in item.reason


def test_feed_items_go_through_the_pipeline(tmp_path: Path, stories: list[dict[str, str]],
                                            pipeline: Pipeline) -> None:
    path = tmp_path / "kompas.xml"
    path.write_text(rss(stories), encoding="utf-8")
    skipped: list[Failure] = []
    articles = list(pipeline.pipe(read_paths([str(path)]), on_error=skipped.append))
    assert [a.title for a in articles] == [s["title"] for s in stories]
    assert all(a.lang == "id" and a.sentences for a in articles)
    assert articles[0].date is not None and articles[0].date.startswith("2019-09-10")
    assert len(skipped) == 1
