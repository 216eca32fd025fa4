"""A person named by surname alone, from Phoenix's people list (actors/data/surnames.tsv)."""

from __future__ import annotations

import pytest

from warta.actors.dictionary import read_surnames
from warta.errors import DataFileError


def test_surname_alone_names_the_country(actors_of) -> None:
    # a PANL sentence names Rice and Khalilzad by surname only: both are the United States
    found = actors_of("Rice melakukan pertemuan dengan Perdana Menteri Israel Ehud Olmert, "
                        "sementara Khalilzad menolak memberikan penjelasan.")
    codes = {m.text: m.code[:3] for m in found}
    assert codes["Rice"] == "USA" and codes["Khalilzad"] == "USA"


def test_common_word_of_a_language_is_not_a_surname_there(actors_of) -> None:
    # "rice" is an English word: in English text the surname is not read, in Indonesian it is
    assert not [m for m in actors_of("Rice prices rose in Jakarta markets.", lang="en") if m.text == "Rice"]


def test_people_and_countries_are_not_surnames(actors_of) -> None:
    # "Kurd" is the surname of one Pakistani in Phoenix: a people is never read as him
    found = actors_of("Turkey will allow Turkish Kurd refugees to return home.", lang="en")
    assert all(m.code[:3] != "PAK" for m in found)


def test_malformed_row_names_file_and_line() -> None:
    with pytest.raises(DataFileError, match=r"surnames.tsv:2"):
        read_surnames("Rice\tUSA\tperson\t-\tCondoleezza Rice\nKhalilzad\tUSA 2005\tperson\t-\tX\n",
                      "surnames.tsv", "id")
