"""The shipped gazetteer: Indonesian and English forms resolve, a malformed line names file:line."""

from __future__ import annotations

import pytest

from warta.errors import DataFileError
from warta.geo.gazetteer import Gazetteer, load_countries, load_gazetteer
from warta.geo.grammar import load_grammar
from warta.geo.places import find_places
from warta.geo.resolve import choose


def best(name: str, countries: frozenset[str] = frozenset()) -> tuple[str | None, str]:
    found = choose(load_gazetteer().lookup(name), None, countries).place
    assert found is not None, name
    return found.country, found.name


@pytest.mark.parametrize(("name", "country", "canonical"), [
    ("Jalur Gaza", "PSE", "Gaza Strip"), ("Tepi Barat", "PSE", "West Bank"),
    ("West Bank", "PSE", "West Bank"),
    ("Laut China Selatan", None, "South China Sea"), ("Bayelsa", "NGA", "Bayelsa"),
    ("Amerika Serikat", "USA", "United States"), ("Korea Utara", "PRK", "North Korea"),
    ("Moskow", "RUS", "Moscow"), ("Jakarta", "IDN", "Jakarta"), ("Lhokseumawe", "IDN", "Lhokseumawe"),
    ("Washington", "USA", "Washington"), ("Kabul", "AFG", "Kabul"), ("Gaza", "PSE", "Gaza"),
    ("New York", "USA", "New York City"),
    ("Den Haag", "NLD", "The Hague"), ("Dili", "TLS", "Dili"),
])
def test_names_in_either_language_resolve(name: str, country: str | None, canonical: str) -> None:
    assert best(name) == (country, canonical)


@pytest.mark.parametrize(("text", "expected"), [
    ("Warga berkumpul di Jakarta Selatan kemarin.", ("Jakarta Selatan", "Jakarta")),
    ("Banjir melanda Kabupaten Bayelsa.", None),  # no marker: not a place of the event
    ("Kampanye mengurangi konsumsi alkohol di Negara Beruang Merah itu.", None),  # Negara is a kind word
    ("Sekitar 300 orang berunjuk rasa di depan pengadilan Dili kemarin.", ("Dili", "Dili")),
    ("Banjir terjadi di Kabupaten Bayelsa.", ("Kabupaten Bayelsa", "Bayelsa")),
    ("Kapal patroli berlayar di Laut China Selatan.", ("Laut China Selatan", "South China Sea")),
    ("Serangan udara di Jalur Gaza menewaskan warga.", ("Jalur Gaza", "Gaza Strip")),
])
def test_indonesian_forms_after_a_marker(text: str, expected: tuple[str, str] | None) -> None:
    phrases = find_places(text, 0, len(text), load_gazetteer(), load_grammar("id"))
    if expected is None:
        assert phrases == []
        return
    assert [p.text for p in phrases] == [expected[0]]
    found = choose(phrases[0].places, None, frozenset()).place
    assert found is not None and found.name == expected[1]


def test_english_forms_after_a_marker() -> None:
    text = "Israeli troops raided a camp in the occupied West Bank, near Nablus, and fought in Gaza City."
    phrases = find_places(text, 0, len(text), load_gazetteer(), load_grammar("en"))
    assert [p.text for p in phrases] == ["West Bank", "Nablus", "Gaza City"]


def test_ambiguity_follows_the_article_not_a_default_continent() -> None:
    places = load_gazetteer().lookup("Bali")
    assert choose(places, None, frozenset({"IDN"})).place.country == "IDN"  # type: ignore[union-attr]
    alone = choose(load_gazetteer().lookup("Hamilton"), None, frozenset())  # Canada? New Zealand? Scotland?
    assert alone.place is None and "ambiguous" in (alone.problem or "")
    assert choose(load_gazetteer().lookup("Hamilton"), None, frozenset({"NZL"})).place.country == "NZL"  # type: ignore[union-attr]
    assert choose(load_gazetteer().lookup("Washington"), "GBR", frozenset()).place.country == "GBR"  # type: ignore[union-attr]


def test_fips_codes_as_gdelt_uses_them() -> None:
    countries = load_countries()
    assert (countries["IDN"].fips, countries["DEU"].fips, countries["GBR"].fips) == ("ID", "GM", "UK")


@pytest.mark.parametrize(("line", "problem"), [
    ("P\t0\t1\tX\tIDN\t\t1.0\t2.0\tmany\tPPL", "bad number"),
    ("P\t0\t1\tX\tIDN\t\t1.0\t2.0\t5", "10 fields"),
    ("P\t0\t1\tX\tIDN\t\t1.0\t2.0\t5\tTOWN", "unknown feature"),
    ("N\tx\t7\t", "bad name line"),
    ("N\tx\t0", "bad name line"),
    ("Q\tx", "unknown line kind"),
])
def test_a_malformed_line_fails_naming_file_and_line(line: str, problem: str) -> None:
    good = "# header\nP\t0\t\tX\tIDN\t\t1.0\t2.0\t5\tPPL"
    text = good + "\n" + line if not line.startswith("P") else "# header\n" + line
    with pytest.raises(DataFileError, match=rf"gaz\.tsv:{text.count(chr(10)) + 1}: .*{problem}"):
        Gazetteer.parse(text.splitlines(), "gaz.tsv")


def test_the_shipped_index_is_small() -> None:
    assert 30_000 < len(load_gazetteer()) < 60_000
