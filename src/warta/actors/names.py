"""Person names no dictionary knows: after a title, or before an apposition.

Without a statistical tagger a name is a run of capitalised words ("Sergei Shoigu"); with one
(the NER engineer's model, `EntityTagger`) its PER spans are used instead. Either way the name
only becomes an actor when a role or country next to it says who the person works for:
"Menteri Pertahanan Rusia, Sergei Shoigu" or "John Kirby, juru bicara Gedung Putih".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Protocol

from warta.errors import DataFileError
from warta.lang import word_list

PARTICLES_FILE = "name_particles.txt"
_TOKEN = re.compile(r"\S+")
_TRAILING = ",.;:!?)\"'”’"


class EntityTagger(Protocol):
    """What the actor stage needs from a NER model: typed character spans over a text."""

    def entities(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, label) for each entity; labels PER, ORG, LOC at least."""
        ...


@cache
def name_particles() -> frozenset[str]:
    """Words like "bin", "van", "al" inside names (`actors/data/name_particles.txt`), read once."""
    return read_particles(files("warta.actors").joinpath("data").joinpath(PARTICLES_FILE))


def read_particles(path: Traversable) -> frozenset[str]:
    """The lowercase words of a particle list; '#' starts a comment."""
    words: set[str] = set()
    for number, word in word_list(path):
        if not (word.isalpha() and word.islower()):
            raise DataFileError(str(path), number, f"{word!r} is not a lowercase word")
        words.add(word)
    if not words:
        raise DataFileError(str(path), None, "lists no particles")
    return frozenset(words)


def _is_name_word(word: str, stop: frozenset[str]) -> bool:
    core = word.rstrip(_TRAILING)
    return bool(core) and core[0].isupper() and core.lower() not in stop and any(c.isalpha() for c in core)


def name_after(text: str, pos: int, limit: int, stop: frozenset[str],
               persons: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name starting at `pos` (after an optional comma), ending before `limit`."""
    probe = pos
    while probe < limit and text[probe] in " ,\t":
        probe += 1
    if probe - pos > 3 or probe >= limit or "\n" in text[pos:probe]:
        return None
    for start, end in persons:
        if start == probe and end <= limit:
            return start, end
    if persons:
        return None  # a tagger ran and saw no person here
    particles = name_particles()
    end = probe
    words = 0
    for token in _TOKEN.finditer(text, probe, limit):
        word = token.group()
        if token.start() != end and text[end:token.start()].strip():
            break
        if _is_name_word(word, stop) or (words and word.lower() in particles):
            end = token.start() + len(word.rstrip(_TRAILING))
            words += 1
            if word[-1] in _TRAILING or words == 4:
                break
        else:
            break
        if text[token.end():token.end() + 1] == "\n":
            break
    while words and text[probe:end].split()[-1].lower() in particles:
        end = probe + text[probe:end].rstrip().rfind(" ")
        words -= 1
    return (probe, end) if words else None


def name_before(text: str, pos: int, floor: int, stop: frozenset[str],
                persons: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A name of two to four words that ends with ', ' right before `pos`."""
    head = text[floor:pos]
    stripped = head.rstrip()
    if not stripped.endswith(","):
        return None
    end = floor + len(stripped) - 1
    for start, stop_at in persons:
        if stop_at == end and start >= floor:
            return start, stop_at
    if persons:
        return None
    words = text[floor:end].split(" ")
    taken: list[str] = []
    for word in reversed(words):
        if not _is_name_word(word, stop) or word[-1] in _TRAILING or len(taken) == 4:
            break
        taken.append(word)
    if len(taken) < 2:
        return None
    start = end - len(" ".join(reversed(taken)))
    if start > floor and text[start - 1] not in " \n\t(\"“":
        return None
    return start, end
