"""Every TOML loader reads through `DataFile`: a malformed value fails naming file:line, versions are kept."""

from __future__ import annotations

import pytest

from warta.clean.dates import load_date_names
from warta.clean.metadata import load_metadata_rules
from warta.errors import DataFileError
from warta.lang.datafile import DataFile


def test_a_bad_value_in_a_name_map_names_its_line() -> None:
    toml = DataFile.parse('version = "x-dates-1"\n[months]\njanuari = 1\nfebruari = "two"\n', "x/dates.toml")
    assert toml.version == "x-dates-1"
    problem = r"^x/dates.toml:4: 'februari' in \[months\] must be a whole number"
    with pytest.raises(DataFileError, match=problem):
        toml.mapping(toml.data, "months", int)
    assert toml.mapping(toml.data, "timezones", str) == {}  # optional tables may be left out


def test_broken_toml_is_one_error_naming_the_file() -> None:
    with pytest.raises(DataFileError, match=r"^grammar.toml:1: not valid TOML"):
        DataFile.parse("[compose\n", "grammar.toml")


def test_the_shipped_date_and_metadata_files_record_their_versions() -> None:
    assert load_date_names(("id", "en")).versions == ("id-dates-1", "en-dates-1")
    assert all(v.endswith("-metadata-2") for v in load_metadata_rules(("id", "en")).versions)
