"""Places attached by the parse: the trigger's own place wins, another clause's place is not its."""

from __future__ import annotations

import dataclasses

import warta
from warta.article import Article, Location, Trigger
from warta.events.stage import EventStage
from warta.geo.gazetteer import load_gazetteer
from warta.geo.grammar import load_grammar
from warta.geo.places import find_places
from warta.geo.stage import GeoStage
from warta.syntax.memo import ParseMemo


def located(pipeline: warta.Pipeline, text: str, lang: str, trigger: str) -> list[Location | None]:
    article = pipeline.analyze({"id": "t", "text": text, "lang": lang})
    return [e.location for e in article.events if trigger in e.trigger.text]


DHAKA = ("Ke-22 orang tersebut, semuanya dituduh sebagai aktivis dari kelompok Hizbut Tahrir Bangladesh, "
         "ditahan saat mereka menyaksikan jejak anti-AS dari perang Irak pada sebuah rumah di ibukota "
         "Dhaka, kata kepala kepolisian kota, Nayeem Ahmed.")


def test_an_arrest_takes_the_place_of_the_house_it_happened_in(pipeline: warta.Pipeline) -> None:
    """'saat' ends the clause for the marker rules; the parse puts the house in Dhaka under the
    clause of the arrest (PANL train, panl-bppt-int)."""
    locations = located(pipeline, DHAKA, "id", "ditahan")
    want = ("Dhaka", "BGD", "sentence")
    assert locations
    assert all(loc is not None and (loc.name, loc.country, loc.how) == want for loc in locations)


def test_an_announcement_is_not_where_what_it_announces_will_happen(pipeline: warta.Pipeline) -> None:
    """The statement itself is placed here, whatever the coder makes of the sentence: the
    examination "di wilayah Sudan barat" is in the complement, not where the announcing was."""
    text = ("Pernyataan Beshir terjadi setelah jaksa agung Sudan pekan lalu mengumumkan bahwa Haroun akan "
            "diperiksa sebagai penjahat perang di wilayah Sudan barat, meskipun masalah sudah dijelaskan "
            "sebagai satu kekeliruan dari pengadilan negara.")
    article = pipeline.analyze({"id": "t", "text": text, "lang": "id"})
    assert article.events
    start = text.index("mengumumkan")
    statement = dataclasses.replace(article.events[0], code="010", root="01", location=None,
                                    trigger=Trigger("mengumumkan", start, start + len("mengumumkan")))
    geo = GeoStage(pipeline.settings, parses=ParseMemo())
    location = geo(dataclasses.replace(article, events=(statement,))).events[0].location
    assert location is None or location.how != "sentence"


def test_an_expulsion_happens_where_the_fighters_were_driven_from(pipeline: warta.Pipeline) -> None:
    """'dari' locates only events that leave a place (territory.toml `origin`) and only by the parse."""
    text = ("Etiopia, yang menolong pemerintah sementara Somalia mengusir pejuang pesaingnya dari Mogadishu "
            "pada Tahun Baru, juga melancarkan serangan udara terhadap pejuang, yang mundur.")
    locations = located(pipeline, text, "id", "mengusir")
    assert locations and all(loc is not None and (loc.name, loc.how) == ("Mogadishu", "sentence")
                             for loc in locations)
    counterpart = ("Menteri Luar Negeri Jepang, Taro Aso akan berkunjung dan melakukan pembicaraan "
                   "dengan mitra kerjanya dari Korea Selatan, Song Min-Soon, kata jurubicara kementerian "
                   "luar negeri Seoul, Ryoo Joohan.")
    assert all(loc is None or loc.text != "Korea Selatan" for loc in located(pipeline, counterpart, "id",
                                                                             "pembicaraan"))


def test_a_lowercase_kind_word_is_a_marker_and_a_title_is_not() -> None:
    gazetteer, grammar = load_gazetteer(), load_grammar("id")
    attack = "Pasukan itu menyerang kota Baghdad pada malam hari."
    assert [p.text for p in find_places(attack, 0, len(attack), gazetteer, grammar)] == ["Baghdad"]
    mayor = "Wali Kota Surabaya mengatakan hal itu kepada wartawan."
    assert find_places(mayor, 0, len(mayor), gazetteer, grammar) == []


def test_regions_and_republics_resolve() -> None:
    gazetteer = load_gazetteer()
    assert {p.country for p in gazetteer.lookup("Dagestan")} == {"RUS"}  # ISO: "Dagestan, Respublika"
    assert {p.country for p in gazetteer.lookup("Waziristan Selatan")} == {"PAK"}
    assert {p.country for p in gazetteer.lookup("Pulau Jawa")} == {"IDN"}


def test_geo_reuses_the_coders_parses(pipeline: warta.Pipeline) -> None:
    """The events stage leaves its parses in the memo the geo stage reads; geo parses only the
    sentences with an event and a place that the coder did not parse."""
    events = next(s for s in pipeline.stages if s.name == "events")
    geo = next(s for s in pipeline.stages if s.name == "geo")
    assert isinstance(events, EventStage) and isinstance(geo, GeoStage) and geo.memo is events.parses
    article: Article = pipeline.analyze({"id": "m", "text": DHAKA, "lang": "id"})
    assert article.events and len(events.parses) >= 1
    own = GeoStage(pipeline.settings, parses=ParseMemo())  # an empty memo: geo parses for itself
    assert [e.location for e in own(article).events] == [e.location for e in article.events]


def test_a_known_word_that_opens_a_longer_name_is_not_that_town() -> None:
    """'Patra Kuningan' is a street in Jakarta, not Patras; a day after the name ends it instead."""
    gazetteer, grammar = load_gazetteer(), load_grammar("id")
    street = "Jenazah sudah tiba di rumah duka Patra Kuningan, Jakarta Selatan."
    assert [p.text for p in find_places(street, 0, len(street), gazetteer, grammar)] == []
    day = "Delegasi itu akan tiba di Beijing Kamis."
    assert [p.text for p in find_places(day, 0, len(day), gazetteer, grammar)] == ["Beijing"]
    two = "Bom meledak di Kabul Afghanistan."
    assert [p.text for p in find_places(two, 0, len(two), gazetteer, grammar)][:1] == ["Kabul"]


def test_a_small_town_on_a_continent_the_story_never_visits_is_left_unresolved() -> None:
    from warta.geo.resolve import choose

    patras = load_gazetteer().lookup("Patra")
    assert {p.country for p in patras} == {"GRC"}
    assert choose(patras, None, {"IDN"}).place is None  # an Indonesian story: a gap, with a reason
    assert choose(patras, None, {"IDN", "ITA"}).place is not None  # a story in Europe: Patras
    assert choose(load_gazetteer().lookup("Paris"), None, {"IDN"}).place is not None  # capitals pass
