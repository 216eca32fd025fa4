"""Pattern files: both languages load, cover every CAMEO root, and fail loudly when malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import DataFileError
from warta.events.loading import load_patterns
from warta.events.ontology import Ontology
from warta.events.patterns import codes_covered, parse_patterns


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_root_is_covered(ontology: Ontology, lang: str) -> None:
    patterns = load_patterns(lang, ontology)
    assert codes_covered([patterns]) == set(ontology.roots)
    assert patterns.version == f"{lang}-events-1"
    assert all(p.rule.startswith(f"{lang}-events-1:") for p in patterns.patterns)


def test_rule_ids_are_unique(ontology: Ontology) -> None:
    for lang in ("id", "en"):
        ids = [p.id for p in load_patterns(lang, ontology).patterns]
        assert len(ids) == len(set(ids))


GOOD = 'version = "xx-events-1"\n\n[markers]\nnegation = ["tidak"]\n\n'


@pytest.mark.parametrize(("body", "line", "message"), [
    ('[[pattern]]\nid = "a"\ncode = "042"\nphrases = ["kunjung"\n', 9, "not valid TOML"),
    ('[[pattern]]\nid = "a"\ncode = "042"\nphrases = ["kunjung"]\n\n[[pattern]]\nid = "b"\n'
     'code = "999"\nphrases = ["x"]\n', 11, "not a CAMEO event code"),
    ('[[pattern]]\nid = "a"\ncode = "042"\nphrases = ["... kunjung"]\n', 6, "bad gap"),
    ('[[pattern]]\nid = "a"\ncode = "042"\nphrases = ["kunjung ..."]\n', 6, "ends with a gap"),
    ('[[pattern]]\nid = "a"\ncode = "042"\nphrases = []\n', 6, "non-empty list"),
    ('[[pattern]]\nid = "a"\ncode = "042"\nphrases = ["x"]\ngovern = "object"\n', 6, "unknown key"),
    ('[[pattern]]\nid = "a"\ncode = "042"\nphrases = ["x"]\ngoverns = "both"\n', 6, "governs"),
])
def test_malformed_pattern_files_name_file_and_line(tmp_path: Path, ontology: Ontology, body: str,
                                                     line: int, message: str) -> None:
    path = tmp_path / "events.toml"
    path.write_text(GOOD + body, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        parse_patterns(path, "xx", ontology)
    assert f"{path}:{line}:" in str(caught.value)
    assert message in str(caught.value)


def test_missing_version_is_an_error(tmp_path: Path, ontology: Ontology) -> None:
    path = tmp_path / "events.toml"
    path.write_text('[[pattern]]\nid = "a"\ncode = "042"\nphrases = ["x"]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="version"):
        parse_patterns(path, "xx", ontology)


def test_one_entry_covers_inflections(ontology: Ontology) -> None:
    patterns = load_patterns("id", ontology)
    assert any(p.code == "042" for p, _ in patterns.by_word["mengunjungi"])
    assert any(p.code == "173" for p, _ in patterns.by_lemma["tangkap"])
