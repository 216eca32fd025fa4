"""Name particles ("bin", "van", "al") come from actors/data/name_particles.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.actors.names import name_after, name_particles, read_particles
from warta.errors import DataFileError


def test_shipped_particles() -> None:
    assert {"bin", "binti", "van", "von", "der", "al", "di"} <= name_particles()
    assert name_particles() is name_particles()


def test_particle_inside_a_name_but_never_at_its_end() -> None:
    text = "Perdana Menteri Anwar bin Ibrahim tiba. Menteri Ahmad bin"
    assert name_after(text, 15, len(text), frozenset(), []) == (16, 33)
    start = text.rindex("Ahmad")
    assert name_after(text, start, len(text), frozenset(), []) == (start, start + len("Ahmad"))


@pytest.mark.parametrize(("body", "message"), [
    ("bin Van\n", r":1: 'Van' is not a lowercase word"),
    ("# only a comment\n", "lists no particles"),
])
def test_malformed_particle_file(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "name_particles.txt"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as caught:
        read_particles(path)
    assert str(caught.value).startswith(str(path))
