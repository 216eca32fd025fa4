"""Coreference within an article: surnames, 'keduanya', 'kedua negara', pronouns, English."""

from __future__ import annotations

from collections.abc import Callable

from warta.article import ActorMention

Finder = Callable[..., tuple[ActorMention, ...]]


def corefs(mentions: tuple[ActorMention, ...], text: str) -> list[tuple[str, str, str]]:
    """(anaphor, code, antecedent text) for every coreference mention."""
    return [(m.text, m.code, mentions[m.refers_to].text) for m in mentions
            if m.how == "coref" and m.refers_to is not None and m.text == text]


def test_surname_after_full_name(actors_of: Finder) -> None:
    found = actors_of("Juru bicara Gedung Putih, John Kirby, berbicara.\n\nKirby juga menyampaikan hal lain.")
    assert corefs(found, "Kirby") == [("Kirby", "USAGOV", "Juru bicara Gedung Putih, John Kirby")]


def test_keduanya_takes_the_coordinated_pair(actors_of: Finder) -> None:
    text = ("Surat antara Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un terungkap, "
            "di mana keduanya berjanji meningkatkan kerja sama bilateral mereka.")
    found = actors_of(text)
    assert sorted(c for _t, c, _a in corefs(found, "keduanya")) == ["PRKGOV", "RUSGOV"]
    assert sorted(c for _t, c, _a in corefs(found, "mereka")) == ["PRKGOV", "RUSGOV"]


def test_kedua_negara_from_previous_sentence(actors_of: Finder) -> None:
    text = ("Washington memperingatkan bahwa Korea Utara dapat memberi senjata kepada Rusia. Amerika Serikat "
            "memberlakukan sanksi terhadap perjanjian senjata antara kedua negara.")
    found = actors_of(text)
    assert sorted(c for _t, c, _a in corefs(found, "kedua negara")) == ["PRK", "RUS"]


def test_pihak_and_negara_itu(actors_of: Finder) -> None:
    found = actors_of("Rusia meyakinkan pihak Pyongyang. Negara itu setuju.")
    assert [(m.text, m.code) for m in found if m.how == "dictionary"] == [
        ("Rusia", "RUS"), ("pihak Pyongyang", "PRKGOV")]
    assert corefs(found, "Negara itu") == [("Negara itu", "PRK", "pihak Pyongyang")]


def test_pronoun_only_when_unambiguous(actors_of: Finder) -> None:
    one = actors_of("Menteri Pertahanan Rusia, Sergei Shoigu, tiba. Ia disambut hangat.")
    assert corefs(one, "Ia") == [("Ia", one[0].code, "Menteri Pertahanan Rusia, Sergei Shoigu")]
    two = actors_of("Presiden Rusia Vladimir Putin bertemu Presiden AS Joe Biden. Ia tersenyum.")
    assert corefs(two, "Ia") == []


def test_english_pronouns_and_the_two_countries(actors_of: Finder) -> None:
    text = ("Russian Foreign Minister Sergei Lavrov met Chinese officials. He said the two countries "
            "would cooperate. They agreed.")
    found = actors_of(text, lang="en", date="2020-01-01")
    assert corefs(found, "He") == [("He", "RUSGOV", "Russian Foreign Minister Sergei Lavrov")]
    assert sorted(c for _t, c, _a in corefs(found, "the two countries")) == ["CHN", "RUS"]
    assert [c for _t, c, _a in corefs(found, "They")]  # the pair just named


def test_plural_anaphor_has_one_mention_per_antecedent(actors_of: Finder) -> None:
    found = actors_of("Rusia dan Korea Utara makin dekat; keduanya menandatangani pakta.")
    both = [m for m in found if m.text == "keduanya"]
    assert len(both) == 2 and len({(m.start, m.end) for m in both}) == 1


def test_bare_role_takes_the_only_country_with_that_role(actors_of: Finder) -> None:
    found = actors_of("Presiden Rusia Vladimir Putin tiba. Presiden lalu berpidato.")
    assert corefs(found, "Presiden") == [("Presiden", "RUSGOV", "Presiden Rusia Vladimir Putin")]
    mixed = actors_of("Presiden Rusia Vladimir Putin bertemu Presiden AS Joe Biden. Presiden lalu berpidato.")
    assert [m.code for m in mixed if m.text == "Presiden"] == ["---GOV"]
