"""The actors'-country fallback rests only on evidence that can place an event (geo/evidence.py),
and a dateline yields to a sentence or a territory that says otherwise. Sentences from CLICK-ID news
(bench/results/geo-heldout-3.jsonl, look data since its errors were read)."""

from __future__ import annotations

import warta
from warta.article import Article, Location


def locations(article: Article, trigger: str) -> list[Location | None]:
    return [e.location for e in article.events if trigger in e.trigger.text]


def test_a_bare_surname_places_nothing(pipeline: warta.Pipeline) -> None:
    """'Patra' of Patra Kuningan is an Angolan judge in the Phoenix surname list: no Angola."""
    article = pipeline.analyze("Jenazah Presiden ketiga Indonesia BJ Habibie tiba di rumah duka Patra "
                               "Kuningan, Jakarta Selatan.", lang="id")
    found = locations(article, "tiba")
    assert found and all(loc is None or loc.country != "AGO" for loc in found)
    assert any("bare surname" in w for w in article.warnings)


def test_where_someone_comes_from_is_not_where_the_event_is(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Penyerang asal Brasil tersebut diperkenalkan langsung dihadapan ratusan "
                               "pendukung PSIS Semarang.", lang="id")
    assert all(e.location is None or e.location.country != "BRA" for e in article.events)


def test_a_relation_between_two_countries_is_in_neither(pipeline: warta.Pipeline) -> None:
    for text in ("Hal ini seiring meredanya perang dagang Amerika Serikat dan China.",
                 # "antara": the event model codes "Perang" here (and the accusation "dituding")
                 "Perang dagang antara Amerika Serikat dan Cina dituding sebagai salah satu penyebab "
                 "melemahnya ekspor kayu lapis."):
        article = pipeline.analyze(text, lang="id")
        found = locations(article, "erang")
        assert found and all(loc is None for loc in found), text
        assert any("two parties" in w for w in article.warnings)


def test_an_attack_on_one_country_is_still_in_it(pipeline: warta.Pipeline) -> None:
    """The pair rule needs the other side in the pair, or "antara": an attack on two countries is not
    a relation between them."""
    article = pipeline.analyze("Pasukan Rusia menyerang Suriah dan Irak.", lang="id")
    found = [e.location for e in article.events if e.code.startswith(("18", "19"))]
    assert found and all(loc is not None and loc.how == "country" for loc in found)


def test_a_visit_abroad_is_not_at_home(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Presiden Joko Widodo melakukan kunjungan ke luar negeri pekan lalu.",
                               lang="id")
    found = locations(article, "kunjungan")
    assert found and all(loc is None for loc in found)
    assert any("abroad" in w for w in article.warnings)


def test_a_visit_to_a_named_destination_is_not_where_another_actor_is(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Kunjungan ke PT Dirgantara Indonesia juga dilakukan karena PT DI akan "
                               "melaksanakan ekspor pesawat terbang ke Thailand.", lang="id")
    found = locations(article, "Kunjungan")
    assert found and all(loc is None or loc.country != "THA" for loc in found)


def test_a_visit_with_no_place_is_still_in_the_visited_country(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Presiden Joko Widodo mengunjungi Jepang pekan lalu.", lang="id")
    found = locations(article, "mengunjungi")
    assert found and all(loc is not None and (loc.country, loc.how) == ("JPN", "country") for loc in found)


def test_a_place_the_gazetteer_lacks_is_not_replaced_by_the_dateline(pipeline: warta.Pipeline) -> None:
    """Malacañang is in the actor dictionary (a Philippine place), not in the gazetteer: the Jakarta
    dateline must not stand in for it."""
    article = pipeline.analyze("Jakarta, TEMPO.CO - Presiden Soeharto tiba di ruang tamu Istana Malacanang "
                               "awal Januari 1974 untuk bertemu Presiden Filipina Ferdinand Marcos.",
                               lang="id")
    found = locations(article, "tiba")
    assert found and all(loc is None or loc.country == "PHL" for loc in found)
    assert any("the gazetteer lacks" in w for w in article.warnings)


def test_an_event_on_another_countrys_territory_is_not_at_the_dateline(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze("Jakarta, TEMPO.CO - Pasukan Indonesia menyerang Timor Leste pada 1975.",
                               lang="id")
    found = [e.location for e in article.events if e.code.startswith(("18", "19"))]
    assert found and all(loc is None or loc.country == "TLS" for loc in found)
