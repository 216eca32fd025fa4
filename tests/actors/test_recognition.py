"""Recognition on hand-built articles: boundaries, clitics, case, longest match, composition."""

from __future__ import annotations

import copy
from collections.abc import Callable

from warta.actors.stage import ActorStage
from warta.article import ActorMention

Finder = Callable[..., tuple[ActorMention, ...]]


def by_text(mentions: tuple[ActorMention, ...]) -> dict[str, list[str]]:
    """Mention text -> codes (several for a plural anaphor)."""
    out: dict[str, list[str]] = {}
    for mention in mentions:
        out.setdefault(mention.text, []).append(mention.code)
    return out


def test_prefixes_clitics_and_hyphens(actors_of: Finder) -> None:
    found = by_text(actors_of("Delegasi berangkat ke Rusia. Hubungan Rusia-Korut membaik. "
                              "Sikap AS-nya jelas. Pemerintahnya dan Rusianya diam."))
    assert found["Rusia"] == ["RUS", "RUS", "RUS"]  # "Rusianya": the clitic stays out of the span
    assert found["Korut"] == ["PRK"]
    assert found["AS"] == ["USA"]


def test_word_boundaries(actors_of: Finder) -> None:
    assert actors_of("Kerajaan Prusia dan kasus Asian Games.") == ()


def test_case_matters_for_short_acronyms(actors_of: Finder) -> None:
    assert [m.code for m in actors_of("Presiden AS berbicara.")] == ["USAGOV"]
    assert actors_of("as long as it lasts", lang="en") == ()
    assert actors_of("turkey and chad for dinner", lang="en") == ()
    assert [m.code for m in actors_of("Turkey and Chad signed a deal.", lang="en")] == ["TUR", "TCD"]


def test_diacritics_fold(actors_of: Finder) -> None:
    assert {m.code for m in actors_of("Recep Tayyip Erdoğan bertemu Erdogan.")} == {"TURGOV"}


def test_longest_match_wins(actors_of: Finder) -> None:
    found = actors_of("Dewan Keamanan PBB bersidang soal Korea Utara dan Korea.")
    assert [(m.text, m.code) for m in found] == [("Dewan Keamanan PBB", "IGOUNO"), ("Korea Utara", "PRK"),
                                                 ("Korea", "KOR")]


def test_seat_is_government_unless_a_place(actors_of: Finder) -> None:
    found = actors_of("Gedung Putih mengecam. Konferensi digelar di Washington. Washington menolak.")
    assert [(m.text, m.code, m.kind) for m in found] == [
        ("Gedung Putih", "USAGOV", "country"), ("Washington", "USA", "place"),
        ("Washington", "USAGOV", "country")]


def test_indonesian_compositions(actors_of: Finder) -> None:
    cases = {
        "Menteri Pertahanan Rusia, Sergei Shoigu, tiba.":
            ("Menteri Pertahanan Rusia, Sergei Shoigu", "RUSMIL"),
        "Presiden Rusia Vladimir Putin tiba.": ("Presiden Rusia Vladimir Putin", "RUSGOV"),
        "Ia bertemu pemimpin Korea Utara Kim Jong Un kemarin.":
            ("pemimpin Korea Utara Kim Jong Un", "PRKGOV"),
        "Intelijen Amerika Serikat mengindikasikan hal itu.": ("Intelijen Amerika Serikat", "USASPY"),
        "Menurut sejumlah pejabat Rusia, itu benar.": ("sejumlah pejabat Rusia", "RUSGOV"),
        "Korut mendukung tentara Rusia di Ukraina.": ("tentara Rusia", "RUSMIL"),
        "Menurut warga Rusia, harga naik.": ("warga Rusia", "RUSCVL"),
        "Bentrokan dengan pasukan Israel pecah.": ("pasukan Israel", "ISRMIL"),
        "juru bicara keamanan nasional Gedung Putih, John Kirby, berkata.":
            ("juru bicara keamanan nasional Gedung Putih, John Kirby", "USAGOV"),
    }
    for text, (span, code) in cases.items():
        assert (span, [code]) in by_text(actors_of(text)).items(), text


def test_unknown_name_after_a_title_is_the_person(actors_of: Finder) -> None:
    [mention] = actors_of("Menteri Luar Negeri Malaysia, Budi Santoso, tiba di Jakarta hari ini.")[:1]
    assert (mention.code, mention.name, mention.kind) == ("MYSGOV", "Budi Santoso", "person")


def test_apposition_after_an_unknown_name(actors_of: Finder) -> None:
    mention = actors_of("Hal itu dikatakan Budi Santoso, juru bicara Kementerian Luar Negeri Malaysia.")[0]
    assert (mention.text, mention.code, mention.name) == (
        "Budi Santoso, juru bicara Kementerian Luar Negeri Malaysia", "MYSGOV", "Budi Santoso")


def test_coordinated_countries_share_the_role(actors_of: Finder) -> None:
    found = actors_of("Misi Korea Utara dan Rusia untuk PBB belum menjawab.")
    assert [(m.text, m.code) for m in found] == [("Misi Korea Utara", "PRKGOV"), ("Rusia", "RUSGOV"),
                                                 ("PBB", "IGOUNO")]


def test_role_without_country(actors_of: Finder) -> None:
    assert [m.code for m in actors_of("Polisi menangkap dua orang.")] == ["---COP"]
    assert [m.code for m in actors_of("DPR menolak usulan itu.")] == ["IDNLEG"]
    assert actors_of("Dukungan militer diberikan.") == ()  # an adjective, not the military
    shoigu = actors_of("Kunjungan Menteri Pertahanan Shoigu berakhir.", date="2023-07-26")[0]
    assert (shoigu.text, shoigu.code) == ("Menteri Pertahanan Shoigu", "RUSMIL")


def test_english_compositions(actors_of: Finder) -> None:
    text = ("Russian President Vladimir Putin met US officials. A senior Guyanese police officer said "
            "the foreign minister of Iran had left. UN troops withdrew. Russia's UN ambassador spoke.")
    found = by_text(actors_of(text, lang="en", date="2015-03-01"))
    assert found["Russian President Vladimir Putin"] == ["RUSGOV"]
    assert found["US officials"] == ["USAGOV"]
    assert found["senior Guyanese police officer"] == ["GUYCOP"]
    assert found["foreign minister of Iran"] == ["IRNGOV"]
    assert found["UN troops"] == ["IGOUNOMIL"]
    assert found["Russia's UN ambassador"] == ["RUSGOV"]


def test_english_apposition(actors_of: Finder) -> None:
    found = actors_of("John Kirby, the White House spokesman, said so.", lang="en", date="2023-03-01")
    assert [(m.text, m.code, m.name) for m in found] == [
        ("John Kirby, the White House spokesman", "USAGOV", "John Kirby")]


def test_unknown_language_uses_every_name(actors_of: Finder) -> None:
    assert {m.code for m in actors_of("Rusia y Estados Unidos.", lang=None)} >= {"RUS"}


class FakeTagger:
    """Stands in for the NER model: tags given names as PER wherever they occur."""

    def __init__(self, *names: str) -> None:
        self.names = names

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for name in self.names:
            start = text.find(name)
            while start >= 0:
                out.append((start, start + len(name), "PER"))
                start = text.find(name, start + 1)
        return out


def test_ner_names_take_country_and_role_from_their_apposition(actor_stage: ActorStage) -> None:
    stage = copy.copy(actor_stage)
    stage.tagger = FakeTagger("Ahmad bin Said")
    text = ("Ahmad bin Said, juru bicara militer Israel, menolak. "
            "Menteri Luar Negeri Israel, Ahmad bin Said, tiba.")
    found = stage.find_actors(text, "id")
    assert [(m.name, m.code, m.how) for m in found] == [
        ("Ahmad bin Said", "ISRMIL", "ner"), ("Ahmad bin Said", "ISRGOV", "ner")]
