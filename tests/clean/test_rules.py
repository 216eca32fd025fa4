"""The boilerplate data files: they load, every rule is explained, and a broken rule names its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warta.clean.rules import load_rules, load_rules_file
from warta.errors import DataFileError
from warta.lang import language_dir


def test_both_languages_load_with_versions() -> None:
    rules = load_rules(("id", "en"))
    assert rules.versions == ("id-boilerplate-2", "en-boilerplate-2")
    assert rules.lines and rules.prefixes and rules.suffixes and rules.leads
    assert "berita" in rules.section_labels and "world news" in rules.section_labels
    assert all(rule.name.startswith(rules.versions) for rule in rules.lines)


@pytest.mark.parametrize("code", ["id", "en"])
def test_every_rule_has_a_comment_saying_what_it_is_for(code: str) -> None:
    text = language_dir(code).joinpath("boilerplate.toml").read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\[\[)", text)[1:]:
        assert re.search(r"^#", block, re.MULTILINE), f"rule without a comment:\n{block}"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "boilerplate.toml"
    path.write_text('version = "test-1"\n' + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "problem"), [
    ('[[line]]\nkind = "ad"\npattern = "(unclosed"\n', "bad pattern"),
    ('[[line]]\npattern = "x"\n', "needs a 'kind'"),
    ('[[line]]\nkind = "ad"\npattern = "x"\nwhere = "middle"\n', "'where' must be one of"),
    ('[[line]]\nkind = "ad"\npattern = "x"\nmax_word = 3\n', "unknown key(s) max_word"),
    ('[[prefix]]\nkind = "dateline"\npattern = 3\n', "'pattern' must be a string"),
    ("[[line]\n", "not valid TOML"),
])
def test_a_broken_rule_names_file_and_line(tmp_path: Path, body: str, problem: str) -> None:
    with pytest.raises(DataFileError, match=re.escape(problem)) as caught:
        load_rules_file(_write(tmp_path, body), "lang/xx/boilerplate.toml")
    assert str(caught.value).startswith("lang/xx/boilerplate.toml")


def test_rule_line_numbers_point_at_the_table(tmp_path: Path) -> None:
    body = '[[line]]\nkind = "ad"\npattern = "ok"\n\n[[line]]\nkind = "ad"\npattern = "(bad"\n'
    with pytest.raises(DataFileError, match=r"boilerplate.toml:6"):
        load_rules_file(_write(tmp_path, body), "boilerplate.toml")
