"""A role with no country takes the one its sentence or dateline names; groups and money.

Through the whole pipeline (`warta.Pipeline().analyze`), so the dateline is the one cleaning
cuts off the text, as in production.
"""

from __future__ import annotations

import pytest

import warta
from warta.article import ActorMention, Article


@pytest.fixture(scope="module")
def pipeline() -> warta.Pipeline:
    return warta.Pipeline()


def analyze(pipeline: warta.Pipeline, text: str, lang: str, date: str | None = None) -> Article:
    record: dict[str, object] = {"text": text, "lang": lang}
    if date:
        record["date"] = date
    return pipeline.analyze(record)


def mention(article: Article, text: str) -> ActorMention:
    found = [m for m in article.actors if m.text == text]
    assert found, f"no mention {text!r} in {[(m.text, m.code) for m in article.actors]}"
    return found[0]


def codes(article: Article) -> set[str]:
    return {m.code for m in article.actors if m.kind != "place"}


# --- the country a sentence names for a role ---------------------------------------------

def test_apposition_gives_the_role_its_country(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Menteri Pertahanan Ukraina, Fedorov, mengatakan pasukannya siap.", "id")
    assert "UKRMIL" in codes(article)
    article = analyze(pipeline, "Fedorov, Ukraine's defence minister, said the troops were ready.", "en")
    assert mention(article, "Ukraine's defence minister").code == "UKRMIL"


def test_known_person_in_apposition_places_the_bare_role(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Sergei Shoigu, the defence minister, said the drills would go on.", "en",
                      "2015-03-01")
    role = mention(article, "defence minister")
    assert (role.code, role.how, role.dictionary_entry) == ("RUSMIL", "context", "agents_curated.tsv:20")


def test_role_from_a_place(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Seorang pejabat dari Virginia mengatakan hal itu kepada wartawan.", "id")
    official = mention(article, "Seorang pejabat")
    assert (official.code, official.country, official.role) == ("USAGOV", "USA", "GOV")
    assert official.how == "context"
    assert official.dictionary_entry == "agents.tsv:54"  # the role's own entry stays
    article = analyze(pipeline, "Polisi di Bandung menangkap tiga orang tersangka.", "id")
    assert (mention(article, "Polisi").code, mention(article, "Polisi").how) == ("IDNCOP", "context")


def test_official_of_a_state_body_named_in_the_sentence(pipeline: warta.Pipeline) -> None:
    for text in ("A spokesman for the Royal Thai Army said soldiers had been sent to the border.",
                 "The spokesman said the Royal Thai Army had sent troops to the border."):
        spokesman = mention(analyze(pipeline, text, "en"), "spokesman")
        assert (spokesman.code, spokesman.how) == ("THAGOV", "context"), text


def test_a_role_tied_to_a_body_without_country_is_not_guessed(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "A spokesman for the UN said Thai police had arrested two men.", "en")
    assert mention(article, "spokesman").code == "---GOV"
    assert mention(article, "Thai police").code == "THACOP"


def test_the_other_side_of_a_meeting_is_no_hint(pipeline: warta.Pipeline) -> None:
    """Two officials in one sentence are two sides: the second keeps its unknown country."""
    article = analyze(pipeline, "Pejabat AS bertemu Menteri Luar Negeri di Jenewa.", "id")
    assert mention(article, "Pejabat AS").code == "USAGOV"
    assert mention(article, "Menteri Luar Negeri").code == "---GOV"
    article = analyze(pipeline, "US officials met the foreign minister in Geneva on Monday.", "en")
    assert mention(article, "foreign minister").code == "---GOV"


def test_a_known_country_is_never_overridden(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Pejabat AS bertemu Menteri Luar Negeri Iran di Jenewa.", "id")
    assert mention(article, "Menteri Luar Negeri Iran").code == "IRNGOV"
    assert mention(article, "Pejabat AS").code == "USAGOV"
    article = analyze(pipeline, "Menteri Pertahanan Rusia Sergei Shoigu berkunjung ke Ukraina.", "id",
                      "2015-03-01")
    assert mention(article, "Menteri Pertahanan Rusia Sergei Shoigu").code == "RUSMIL"


def test_a_destination_is_not_the_role_country(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Menteri Keuangan terbang ke Jepang untuk membahas utang.", "id")
    assert mention(article, "Menteri Keuangan").code == "---GOV"


def test_rebels_are_placed_by_the_one_country_of_the_sentence(pipeline: warta.Pipeline) -> None:
    """As analysts code them: rebels acting in the one country a sentence names are its rebels."""
    article = analyze(pipeline, "Pemberontak menembakkan mortir ke sebuah sekolah di Thailand, Senin.", "id")
    assert mention(article, "Pemberontak").code == "THAREB"


def test_rebels_in_a_sentence_naming_two_countries_are_not_guessed(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Pemberontak menembakkan mortir ke sebuah sekolah di Thailand dekat "
                      "perbatasan Myanmar, Senin.", "id")
    assert mention(article, "Pemberontak").code == "---REB"


def test_a_known_person_places_the_role(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Polisi memukuli Tsvangirai ketika ia menuju pengadilan.", "id")
    assert mention(article, "Polisi").code == "ZWECOP"


# --- the dateline of a national story ----------------------------------------------------

def test_national_story_lends_the_dateline_country(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "JAKARTA, KOMPAS.com - Menteri Keuangan mengatakan anggaran akan dipotong.",
                      "id")
    assert article.dateline is not None and article.dateline.place == "JAKARTA"
    minister = mention(article, "Menteri Keuangan")
    assert (minister.code, minister.how) == ("IDNGOV", "context")
    article = analyze(pipeline, "BANDUNG, KOMPAS.com - Polisi menangkap tiga orang tersangka.", "id")
    assert mention(article, "Polisi").code == "IDNCOP"


def test_foreign_story_keeps_its_unknown_roles(pipeline: warta.Pipeline) -> None:
    text = ("JAKARTA, KOMPAS.com - Presiden AS Joe Biden bertemu Presiden Rusia di Jenewa. Menteri Luar "
            "Negeri mengatakan pertemuan itu penting.")
    assert mention(analyze(pipeline, text, "id"), "Menteri Luar Negeri").code == "---GOV"


# --- armed groups from the Phoenix dictionaries --------------------------------------------

def test_tamil_rebels_and_ltte(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Tamil rebels attacked a navy base, the LTTE said.", "en")
    assert mention(article, "Tamil rebels").code == "LKAREB"
    assert mention(article, "LTTE").code == "LKAREB"
    article = analyze(pipeline, "The Liberation Tigers of Tamil Eelam attacked an army camp.", "en")
    assert mention(article, "Liberation Tigers of Tamil Eelam").code == "LKAREB"
    article = analyze(pipeline, "Macan Tamil menyerang pangkalan angkatan laut.", "id")
    assert mention(article, "Macan Tamil").code == "LKAREB"


def test_groups_named_alike_in_indonesian(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Kelompok Taliban, Hamas dan Hizbullah mengecam serangan itu.", "id")
    assert [mention(article, name).code[:6] for name in ("Taliban", "Hamas", "Hizbullah")] == \
        ["AFGREB", "PSEREB", "LBNREB"]


# --- money is not an actor ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("The company raised US$38m from investors.", "en"),
    ("Perusahaan itu mendapat dana US$ 5 juta dari investor.", "id"),
    ("Shares were quoted at S$1.20, A$3 and HK$50 on Friday.", "en"),
    ("Nilai tukar rupiah melemah terhadap dolar AS pada Jumat.", "id"),
    ("The Singapore dollar rose against the Japanese yen.", "en"),
])
def test_currency_is_no_actor(pipeline: warta.Pipeline, text: str, lang: str) -> None:
    countries = {m.country for m in analyze(pipeline, text, lang).actors}
    assert not countries & {"USA", "SGP", "AUS", "HKG", "JPN"}, text


def test_the_same_names_as_actors_stay(pipeline: warta.Pipeline) -> None:
    article = analyze(pipeline, "Rupiah melemah terhadap dolar AS, sementara AS dan Singapura menandatangani "
                      "perjanjian.", "id")
    assert {"USA", "SGP"} <= codes(article)
    assert [m.text for m in article.actors if m.code == "USA"] == ["AS"]
