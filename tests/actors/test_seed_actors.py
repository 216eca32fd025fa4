"""Golden test: the seed article yields every actor of expected.md section 2, and nothing odd."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warta
from warta.actors import summarize_actors
from warta.actors.evaluate import seed_coverage
from warta.article import Article

EXPECT = json.loads((Path(__file__).parent / "seed_actors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed(pipeline: warta.Pipeline, seed_text: str) -> Article:
    return pipeline.analyze(seed_text)


def test_every_seed_actor_is_found_with_an_acceptable_code(seed: Article) -> None:
    coverage, missing = seed_coverage(seed.text, seed.actors, EXPECT["expect"])
    assert missing == []
    assert coverage == 1.0


def test_spans_are_the_evidence(seed: Article) -> None:
    assert seed.actors
    for mention in seed.actors:
        assert seed.text[mention.start:mention.end] == mention.text
        if mention.refers_to is not None:
            assert seed.actors[mention.refers_to].how != "coref"


def test_no_code_outside_the_table(seed: Article) -> None:
    codes = {m.code for m in seed.actors if m.kind != "place"}
    assert codes <= set(EXPECT["allowed"]), codes - set(EXPECT["allowed"])
    assert not codes & set(EXPECT["must_not"])


def test_compositions_are_single_mentions(seed: Article) -> None:
    spans = {m.text: m for m in seed.actors}
    shoigu = spans["Menteri Pertahanan Rusia, Sergei Shoigu"]
    assert (shoigu.code, shoigu.name, shoigu.kind, shoigu.country) == (
        "RUSMIL", "Sergei Shoigu", "person", "RUS")
    kirby = spans["Juru bicara keamanan nasional Gedung Putih, John Kirby"]
    assert (kirby.code, kirby.name, kirby.role) == ("USAGOV", "John Kirby", "GOV")
    later = [m for m in seed.actors if m.text == "Kirby"]
    assert later and later[0].how == "coref" and seed.actors[later[0].refers_to].name == "John Kirby"


def test_places_are_not_actors(seed: Article) -> None:
    places = {m.text: m.code for m in seed.actors if m.kind == "place"}
    assert places.get("New York") == "USA"
    assert places.get("Washington") == "USA"  # "di Washington": where the briefing was held
    assert "USAGOV" in {m.code for m in seed.actors if m.text == "Washington"}  # "Washington telah ..."


def test_summary_counts_mentions(seed: Article) -> None:
    rows = {r.code: r for r in summarize_actors(seed)}
    assert rows["RUS"].mentions >= 8
    assert rows["IGOUNO"].mentions == 3
    assert "Kim Jong Un" in rows["PRKGOV"].names
    assert all(r.kind != "place" for r in rows.values())
