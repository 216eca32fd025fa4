"""Dates as news pages print them, read to ISO 8601; a date the text does not hold is never guessed."""

from __future__ import annotations

import pytest

from warta.clean.dates import DateNames, load_date_names, parse_date


@pytest.fixture(scope="module")
def names() -> DateNames:
    return load_date_names(("id", "en"))


@pytest.mark.parametrize(("text", "iso"), [
    ("Senin, 4 September 2023 10:15 WIB", "2023-09-04T10:15:00+07:00"),
    ("4/9/2023", "2023-09-04"),  # day first, as Indonesian pages write it
    ("04 Sep 2023", "2023-09-04"),
    ("Selasa, 23/02/2016 15:32 WIB", "2016-02-23T15:32:00+07:00"),
    ("Selasa 16 Jun 2015, 14:05 WIB", "2015-06-16T14:05:00+07:00"),
    ("Jum'at, 19 Juni 2015 | 13:12 WIB", "2015-06-19T13:12:00+07:00"),
    ("7 Agt 2023 9.30 WITA", "2023-08-07T09:30:00+08:00"),
    ("12 Des 2022 12:00 WIT", "2022-12-12T12:00:00+09:00"),
    ("17 Pebruari 2017", "2017-02-17"),
    ("Jumat , 17 February 2017, 13:16 WIB", "2017-02-17T13:16:00+07:00"),
    ("September 4, 2023", "2023-09-04"),
    ("Rabu, 4 November 2015 | 7:05 pm", "2015-11-04T19:05:00"),
    ("Jan 1, 2020 12:30 am", "2020-01-01T00:30:00"),
    ("2023-09-04T10:15:00+07:00", "2023-09-04T10:15:00+07:00"),
    ("2015-11-05T07:56:43Z", "2015-11-05T07:56:43+00:00"),
    ("2019-11-19T10:15:00+0700", "2019-11-19T10:15:00+07:00"),
    ("2016-02-23", "2016-02-23"),
    ("dalam 3 hari, 4 Juni 2020", "2020-06-04"),  # a number before a non-month word is skipped
])
def test_news_date_formats(names: DateNames, text: str, iso: str) -> None:
    assert parse_date(text, names) == iso


@pytest.mark.parametrize("text", [
    "", "Kamis", "Senin (15/2)", "15 Februari", "31/2/2023", "Rabu (4/11/205)", "5 PM", "pukul 10.15 WIB",
    "3 hari lalu", "kemarin",
])
def test_no_full_date_gives_none(names: DateNames, text: str) -> None:
    assert parse_date(text, names) is None


def test_months_come_from_the_language_files() -> None:
    english_only = load_date_names(("en",))
    assert parse_date("4 Agustus 2023", english_only) is None
    assert parse_date("4 August 2023", english_only) == "2023-08-04"
