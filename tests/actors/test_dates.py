"""A person's code depends on the article date (Phoenix date restrictions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from warta.actors.codes import CodePeriod, parse_periods, resolve_code
from warta.article import ActorMention

Finder = Callable[..., tuple[ActorMention, ...]]


def code_of(actors_of: Finder, text: str, when: str | None, lang: str = "en") -> str:
    return actors_of(text, lang=lang, date=when)[0].code


def test_ex_president_is_not_government(actors_of: Finder) -> None:
    assert code_of(actors_of, "Barack Obama spoke.", "2012-05-01") == "USAGOV"
    assert code_of(actors_of, "Barack Obama spoke.", "2019-05-01") == "USAELI"
    assert code_of(actors_of, "Donald Trump spoke.", "2010-05-01") == "USABUS"
    assert code_of(actors_of, "Donald Trump spoke.", "2018-05-01") == "USAGOV"


def test_phoenix_people_keep_their_ranges(actors_of: Finder) -> None:
    # people.tsv (Phoenix): Hosni Mubarak was EGYGOV 1981-2011, then elite
    assert code_of(actors_of, "Hosni Mubarak spoke.", "2000-01-01") == "EGYGOV"
    assert code_of(actors_of, "Hosni Mubarak spoke.", "2013-01-01") != "EGYGOV"


def test_undated_article_reads_as_current(actors_of: Finder) -> None:
    assert code_of(actors_of, "Vladimir Putin berpidato.", None, lang="id") == "RUSGOV"
    assert code_of(actors_of, "Vladimir Putin berpidato.", "not a date", lang="id") == "RUSGOV"


def test_resolution_rules() -> None:
    periods = parse_periods("RUSELI 1970-01-01..1999-08-09 | RUSGOV 2008-05-08.. | RUSELI")
    assert resolve_code(periods, date(1995, 1, 1)) == "RUSELI"
    assert resolve_code(periods, date(2010, 1, 1)) == "RUSGOV"
    assert resolve_code(periods, date(2003, 1, 1)) == "RUSELI"  # the default
    assert resolve_code(periods, None) == "RUSGOV"  # open-ended wins for an undated article
    assert resolve_code((CodePeriod("X", end=date(2000, 1, 1)),), date(2001, 1, 1)) is None
