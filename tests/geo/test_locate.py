"""Event locations through the whole pipeline, on the seed and on sentences whose place is plain."""

from __future__ import annotations

import gc
import time

import pytest

import warta
from warta.article import Article, Location


@pytest.fixture(scope="module")
def seed(pipeline: warta.Pipeline, seed_text: str) -> Article:
    return pipeline.analyze(seed_text)


def where(article: Article, trigger: str) -> list[Location | None]:
    return [e.location for e in article.events if trigger in e.trigger.text]


def test_geo_runs_after_events(pipeline: warta.Pipeline) -> None:
    names = pipeline.stage_names
    assert names.index("geo") == names.index("events") + 1


def test_kirbys_statement_is_located_where_the_press_conference_was(seed: Article) -> None:
    """E1: 'kekhawatiran dari Amerika Serikat ...' -- 'Kirby mengungkapkan hal ini dalam konferensi pers
    yang diselenggarakan di Washington'."""
    located = [e.location for e in seed.events if e.trigger.text == "kekhawatiran"]
    assert located and all(loc is not None for loc in located)
    loc = located[0]
    assert loc is not None
    assert (loc.name, loc.country, loc.adm1, loc.how) == ("Washington", "USA", "USDC", "attribution")
    assert seed.text[loc.start:loc.end] == "Washington"  # type: ignore[misc]
    assert loc.lat is not None and 38 < loc.lat < 39.5 and loc.lon is not None and -78 < loc.lon < -76


def test_a_trip_is_located_at_its_destination(seed: Article) -> None:
    loc = where(seed, "melakukan perjalanan")[0]
    assert loc is not None and (loc.name, loc.country, loc.how) == ("Pyongyang", "PRK", "sentence")


def test_a_visit_without_a_place_happens_in_the_visited_country(seed: Article) -> None:
    loc = where(seed, "mengunjungi")[0]
    assert loc is not None and (loc.country, loc.feature, loc.how) == ("PRK", "PCLI", "country")


def test_no_event_gets_a_place_the_text_does_not_give(seed: Article) -> None:
    """Every location's evidence is in the text, and the events with none stay unlocated: the
    persuasion (the 'ke Rusia' after it belongs to 'menjual'), the pledges, the statements at the UN."""
    for event in seed.events:
        loc = event.location
        if loc is not None and loc.start is not None:
            assert seed.text[loc.start:loc.end] == loc.text
    for trigger in ("meyakinkan", "berjanji", "menyatakan", "mengimbau", "memberlakukan sanksi"):
        assert where(seed, trigger) and all(loc is None for loc in where(seed, trigger)), trigger


def test_the_dateline_locates_what_the_text_does_not(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("LHOKSEUMAWE, KOMPAS.com - Polisi menangkap dua pelaku penculikan "
                               "anak di kawasan itu, kata Kapolres.", lang="id")
    located = [e.location for e in article.events if e.location]
    assert located and all(loc.how == "dateline" and loc.name == "Lhokseumawe" for loc in located)


def test_english_in_and_at(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Police arrested ten protesters in Jakarta on Monday. "
                               "Russia attacked Ukraine.", lang="en")
    found = {e.trigger.text: e.location for e in article.events}
    arrested = next(loc for trigger, loc in found.items() if "arrest" in trigger)
    assert arrested is not None and (arrested.name, arrested.how) == ("Jakarta", "sentence")


def test_an_unresolvable_place_is_null_with_a_warning_and_the_rest_go_on(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Police arrested ten protesters in Hamilton. "
                               "Soldiers attacked rebels in Kabul.", lang="en")
    by_sentence = [e.location for e in article.events]
    assert by_sentence[0] is None
    assert any(w.startswith("geo: 'Hamilton'") and "ambiguous" in w for w in article.warnings)
    assert any(loc is not None and loc.name == "Kabul" for loc in by_sentence)


def test_ten_thousand_place_names_take_linear_time(pipeline: warta.Pipeline) -> None:
    from warta.geo.gazetteer import load_gazetteer
    from warta.geo.grammar import load_grammar
    from warta.geo.places import find_places

    gazetteer, grammar = load_gazetteer(), load_grammar("id")
    names = ["Jakarta", "Bandung", "Jalur Gaza", "Kabupaten Bayelsa", "Washington", "Bali", "X"]

    def run(n: int) -> float:
        text = " ".join(f"di {names[i % len(names)]}" for i in range(n))
        # a full collection first: otherwise whichever run inherits the suite's pending garbage pays
        # for a pass over the whole heap (hundreds of ms with the parsers loaded), which is not the scan
        gc.collect()
        began = time.perf_counter()
        found = find_places(text, 0, len(text), gazetteer, grammar)
        assert len(found) >= n * 5 // 7
        return time.perf_counter() - began

    small, large = run(1_000), run(10_000)
    assert large < 20 * max(small, 0.005)  # linear: 10x the names, not 100x the time
    text = ", ".join(names[i % len(names)] for i in range(10_000)) + " menyerang Jakarta."
    article = pipeline.analyze("Kabar\n\n" + text, lang="id")  # the whole pipeline survives it
    assert article.text


def test_violence_is_where_the_sentence_says_before_the_targets_country(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Taliban mengaku melakukan pemboman di Kabul, yang menewaskan seorang "
                               "prajurit Amerika dan 11 warga Afganistan.", lang="id")
    killed = [e.location for e in article.events if e.code.startswith(("18", "19"))]
    assert killed and all(loc is not None and loc.name == "Kabul" for loc in killed)


def test_a_destination_locates_a_visit_but_not_a_seizure(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Petugas pabean Suriah menyita sebuah truk Irak yang mengangkut senjata "
                               "menuju Lebanon. Perdana Menteri China akan berkunjung ke Tokyo.", lang="id")
    # "akan berkunjung": an announced visit, CAMEO's 036 (intent to meet), asserted
    by_code = {e.code[:2]: e.location for e in article.events}
    assert by_code.get("03") is not None and by_code["03"].name == "Tokyo"  # type: ignore[union-attr]
    assert all(loc is None or loc.country != "LBN" for code, loc in by_code.items() if code != "03")


@pytest.mark.parametrize(("text", "lang", "place", "country"), [
    # the dictionary's India for Hyderabad yields to the story's Karachi
    ("Police arrested the pair in the southern city of Hyderabad after a tip-off from three other "
     "suspected suicide bombers arrested in the city of Karachi last week.", "en", "Hyderabad", "PAK"),
    # an attack on a country is there, not where the attacker's faction sits
    ("Sementara itu faksi milisi Houthi di Yaman mengatakan, Houthis telah menyerang fasilitas minyak "
     "terluas Arab Saudi.", "id", "Saudi Arabia", "SAU"),
    # a county whose population GeoNames does not give is not a US town that lists its name
    ("Seorang laki-laki di Cumbria, Inggris, nyaris bunuh diri.", "id", "Cumbria", "GBR"),
])
def test_the_story_decides_between_namesakes(pipeline: warta.Pipeline, text: str, lang: str, place: str,
                                             country: str) -> None:
    article = pipeline.analyze(text, lang=lang)
    located = [e.location for e in article.events if e.location]
    assert located and (located[0].name, located[0].country) == (place, country)


def test_many_events_in_one_article_take_linear_time(pipeline: warta.Pipeline) -> None:
    """Each event's checks are lookups (the target a country, the next sentence), not scans of
    every actor or sentence of the article: 4x the events, about 4x the geo stage's time."""
    from warta.geo.stage import GeoStage

    geo = next(s for s in pipeline.stages if isinstance(s, GeoStage))

    def run(n: int) -> float:
        article = pipeline.analyze({"text": "Russia attacked Ukraine. " * n, "lang": "en"})
        assert len(article.events) == n
        gc.collect()
        began = time.process_time()
        geo(article)
        return time.process_time() - began

    small, large = run(1_000), run(4_000)
    assert large < 8 * max(small, 0.005)  # quadratic would be 16x
