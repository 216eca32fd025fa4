"""The affix and ending tables come from lang/<code>/morphology.toml and are checked on load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warta.errors import DataFileError
from warta.events.affixes import (
    MORPHOLOGY_FILE,
    load_affixes,
    load_inflections,
    read_affixes,
    read_inflections,
)
from warta.events.morphology import Analysis, EnglishMorphology, IndonesianMorphology
from warta.lang import language_dir

ID_FILE = language_dir("id").joinpath(MORPHOLOGY_FILE)
EN_FILE = language_dir("en").joinpath(MORPHOLOGY_FILE)


@pytest.fixture(scope="module")
def morph() -> IndonesianMorphology:
    return IndonesianMorphology.load()


def test_shipped_files_load_once() -> None:
    assert load_affixes("id").version == "id-morphology-1"
    assert load_inflections("en").version == "en-morphology-1"
    assert load_affixes("id") is load_affixes("id")


def test_order_is_kept() -> None:
    affixes = load_affixes("id")
    assert affixes.plain_prefixes[:4] == ("memper", "diper", "member", "diber")
    assert [form for form, _ in affixes.nasal][:4] == ["menge", "penge", "meny", "peny"]
    assert load_inflections("en").endings[:2] == (("ies", "y"), ("ied", "y"))


@pytest.mark.parametrize(("word", "reading"), [
    ("mengunjungi", Analysis("kunjung", "meN")),
    ("menyerang", Analysis("serang", "meN")),
    ("diberlakukan", Analysis("berlaku", "di", passive=True)),
    ("memberlakukan", Analysis("berlaku", "mem")),
    ("ditangkap", Analysis("tangkap", "di", passive=True)),
])
def test_readings_from_the_tables(morph: IndonesianMorphology, word: str, reading: Analysis) -> None:
    assert reading in morph.analyze(word)


def test_english_participles_are_marked() -> None:
    morph = EnglishMorphology(frozenset({"seize", "plan"}))
    assert Analysis("seize", "en") in morph.analyze("seized")
    assert Analysis("plan", "en") in morph.analyze("planned")


def _broken(tmp_path: Path, source: str, old: str, new: str) -> Path:
    text = source.replace(old, new, 1)
    assert text != source
    path = tmp_path / MORPHOLOGY_FILE
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "message"), [
    ('clitics = ["nya"', 'clitic = ["nya"', "missing key 'clitics'"),
    ('suffixes = ["kan", "an", "i"]', 'suffixes = "kan"', "'suffixes' must be a list of strings"),
    ('diber = ["di", "ber"]', 'diber = ["di"]', "'diber' must be [outer prefix, inner prefix]"),
    ('reading = "meN"', "reading = 1", "'reading' must be a string"),
    ('{ forms = ["menge", "penge"], restores = [""] }', '{ forms = ["menge"] }', "missing key 'restores'"),
    ("[stacked]", "[stacked", "not valid TOML"),
])
def test_malformed_affix_file_names_the_file(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = _broken(tmp_path, ID_FILE.read_text(encoding="utf-8"), old, new)
    with pytest.raises(DataFileError, match=re.escape(message)) as caught:
        read_affixes(path)
    assert str(caught.value).startswith(str(path))


def test_wrong_type_names_the_line(tmp_path: Path) -> None:
    source = ID_FILE.read_text(encoding="utf-8")
    line = source.splitlines().index('suffixes = ["kan", "an", "i"]') + 1
    path = _broken(tmp_path, source, 'suffixes = ["kan", "an", "i"]', "suffixes = 3")
    with pytest.raises(DataFileError, match=f"^{re.escape(str(path))}:{line}: "):
        read_affixes(path)


def test_malformed_endings_file_names_the_file(tmp_path: Path) -> None:
    path = _broken(tmp_path, EN_FILE.read_text(encoding="utf-8"), '{ strip = "ies", add = "y" }',
                   '{ strip = "ies" }')
    with pytest.raises(DataFileError, match="missing key 'add'") as caught:
        read_inflections(path)
    assert str(path) in str(caught.value)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="file not found") as caught:
        read_affixes(tmp_path / MORPHOLOGY_FILE)
    assert str(tmp_path / MORPHOLOGY_FILE) in str(caught.value)
