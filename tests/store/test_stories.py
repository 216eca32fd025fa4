"""Story folding: lightly edited reprints of one real article fold into one story; others don't.

Events across a story's articles carry GDELT-style NumMentions / NumSources / NumArticles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from store_helpers import WIRE, WIRE_SPECS, Spec, corpus_records, make_article

from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.stories import StoryIndex, similarity


def edited_copies(text: str) -> list[str]:
    """What syndication does to a wire story: new headline, a dropped or added line, site furniture."""
    paragraphs = text.split("\n\n")
    sentences = re.split(r"(?<=\.) ", " ".join(paragraphs[1:]))
    return [
        "Breaking: " + text,
        text.replace(sentences[-1], "") + "\n\nBaca juga: berita lainnya di situs ini.",
        paragraphs[0].upper() + "\n\n" + " ".join(sentences[:-2]) + " (ant/rtr)",
        text.replace(", the Kremlin said", "").replace("Tuesday", "Wednesday"),
    ]


@pytest.fixture(scope="module")
def real_text(shared_data: Path) -> tuple[str, list[str]]:
    """One real CLICK-ID article (cleaned) and ten unrelated ones."""
    records = corpus_records(shared_data, 12, offset=500)
    pipeline = Pipeline()
    texts = [pipeline.analyze(r).text for r in records]
    return texts[0], texts[1:]


def test_edited_copies_of_a_real_article_are_similar_and_unrelated_ones_are_not(
        real_text: tuple[str, list[str]]) -> None:
    index = StoryIndex()
    text, others = real_text
    original = index.signature(text)
    for copy in edited_copies(text):
        assert similarity(original, index.signature(copy)) >= 0.6
    for other in others:
        assert similarity(original, index.signature(other)) < 0.2


def test_reprints_on_other_sites_fold_into_one_story(tmp_path: Path,
                                                    real_text: tuple[str, list[str]]) -> None:
    text, others = real_text
    copies = [text, *edited_copies(text)]
    articles = [make_article(t, [], source=f"site{i}.example", url=f"https://site{i}.example/a",
                             lang="id") for i, t in enumerate(copies)]
    unrelated = [make_article(t, [], source="other.example", url=f"https://other.example/{i}", lang="id")
                 for i, t in enumerate(others)]
    with Store(tmp_path / "w.duckdb") as store:
        store.add_articles(articles[:2] + unrelated[:5])
        store.add_articles(articles[2:] + unrelated[5:])  # a later batch finds the stored story
        stories = store.sql("SELECT story_id, count(*) AS n FROM story_articles "
                            "GROUP BY 1 ORDER BY n DESC").rows
    assert stories[0][1] == len(copies)
    assert [n for _, n in stories[1:]] == [1] * len(others)


def test_story_event_counts_mentions_sources_and_articles(tmp_path: Path) -> None:
    sites = ["Antara", "Kompas", "Reuters", "Reuters"]  # the last two: one source, two articles
    edited = edited_copies(WIRE)
    texts = [WIRE, edited[0], edited[3], edited[3]]  # copies that keep both events' sentences
    articles = [make_article(text, WIRE_SPECS, source=site, url=f"https://{site.lower()}.example/{i}",
                             date=f"2024-03-0{5 + i}")
                for i, (site, text) in enumerate(zip(sites, texts, strict=True))]
    repeat = WIRE + "\n\nAgain, Russia signed the pact with North Korea."
    twice = make_article(repeat, [*WIRE_SPECS, Spec(("Russia", "RUS", "RUS"), ("North Korea", "PRK", "PRK"),
                                                    "signed the pact", "057")],
                         source="Tass", url="https://tass.example/1", date="2024-03-09")
    with Store(tmp_path / "w.duckdb") as store:
        store.add_articles([*articles, twice])
        assert store.sql("SELECT count(DISTINCT story_id) FROM story_articles").rows == [(1,)]
        rows = {r["code"]: r for r in store.events()}
    assert set(rows) == {"057", "163"}
    pact = rows["057"]
    assert (pact["num_mentions"], pact["num_sources"], pact["num_articles"]) == (6, 4, 5)
    assert pact["source_country"] == "RUS" and pact["target_country"] == "PRK"
    assert str(pact["day"]) == "2024-03-05"  # the first report's date
    assert rows["163"]["num_mentions"] == 5 and rows["163"]["goldstein"] == -8.0


def test_forty_reprints_are_one_event_with_forty_mentions(tmp_path: Path) -> None:
    articles = [make_article(WIRE, WIRE_SPECS[:1], source=f"site{i}", url=f"https://site{i}.example/x")
                for i in range(40)]
    with Store(tmp_path / "w.duckdb") as store:
        store.add_articles(articles)
        assert store.counts()["events"] == 40
        (event,) = store.events()
    assert (event["num_mentions"], event["num_sources"], event["num_articles"]) == (40, 40, 40)


def test_negated_events_are_stored_but_not_counted_as_happenings(tmp_path: Path) -> None:
    spec = Spec(("Russia", "RUS", "RUS"), ("North Korea", "PRK", "PRK"), "signed", "057", modality="negated")
    with Store(tmp_path / "w.duckdb") as store:
        store.add_articles([make_article(WIRE, [spec])])
        assert store.counts()["events"] == 1
        assert store.events() == []


def test_a_story_stays_open_a_week_from_its_first_article(tmp_path: Path) -> None:
    """Daily copies of one text fold by the week, not into one story chained across a month."""
    days = [f"2024-03-{d:02d}" for d in range(1, 22)]
    daily = [make_article(WIRE, WIRE_SPECS, source=f"site{i}", url=f"https://site{i}.example/",
                          date=day) for i, day in enumerate(days)]
    undated = make_article(WIRE, WIRE_SPECS, source="undated", url="https://undated.example/", date=None)
    with Store(tmp_path / "w.duckdb") as store:
        store.add_articles(daily[:10])
        store.add_articles([*daily[10:], undated])  # later batches see the stored stories
        spans = store.sql("""SELECT s.story_id, min(a.date), max(a.date), count(*) FROM story_articles s
                             JOIN articles a USING (article_key) WHERE a.date IS NOT NULL
                             GROUP BY 1 ORDER BY 2""").rows
        undated_story = store.sql("SELECT s.story_id FROM story_articles s JOIN articles a "
                                  "USING (article_key) WHERE a.date IS NULL").rows
    assert [(str(first), str(last), n) for _, first, last, n in spans] == [
        ("2024-03-01", "2024-03-08", 8), ("2024-03-09", "2024-03-16", 8), ("2024-03-17", "2024-03-21", 5)]
    assert undated_story[0][0] in {story for story, *_ in spans}  # undated: folds by its text alone
