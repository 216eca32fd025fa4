"""Capitalisation counts: what they count, and that a bad row fails with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.actors.ner.casing import count_casing, parse_casing, write_casing
from warta.errors import DataFileError


def test_counts_skip_sentence_starts_and_rare_words() -> None:
    texts = ["Kemarin Jakarta hujan. Hujan turun di Jakarta dan di jakarta lagi."] * 3
    casing = count_casing(texts)
    assert casing["jakarta"] == 2  # 6 of 9 capitalised
    assert casing["hujan"] == 0  # the capital at the sentence start does not count
    assert "kemarin" not in casing  # only ever sentence-initial


def test_round_trip_and_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "casing.tsv"
    write_casing({"pbb": 3, "dan": 0}, path)
    assert parse_casing(path.read_text(encoding="utf-8"), str(path)) == {"dan": 0, "pbb": 3}
    with pytest.raises(DataFileError, match=r"casing.tsv:3: expected"):
        parse_casing("# header\npbb\t3\nrusia\tx\n", "casing.tsv")
