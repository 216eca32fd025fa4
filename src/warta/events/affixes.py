"""The affix and ending tables behind `morphology`, read from `lang/<code>/morphology.toml`.

Indonesian files hold affixes (prefixes, suffixes, clitics, meN-/peN- allomorphs), English files
inflection endings; the files say why each entry is there and where order matters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from types import MappingProxyType

from warta.lang import language_dir
from warta.lang.datafile import DataFile

MORPHOLOGY_FILE = "morphology.toml"


@dataclass(frozen=True, slots=True)
class Affixes:
    """Indonesian affix tables from `lang/<code>/morphology.toml`; the file says why each is so."""

    version: str
    passive_prefixes: frozenset[str]
    clitics: tuple[str, ...]
    suffixes: tuple[str, ...]
    plain_prefixes: tuple[str, ...]
    drop_r_after: frozenset[str]
    surface_prefixes: tuple[str, ...]
    verb_prefixes: tuple[str, ...]
    stacked: Mapping[str, tuple[str, str]]  # prefix -> (outer prefix, inner prefix)
    nasal_reading: str
    nasal_surface: str
    nasal: tuple[tuple[str, tuple[str, ...]], ...]  # (written form, restored letters), in order


@dataclass(frozen=True, slots=True)
class Inflections:
    """English endings from `lang/<code>/morphology.toml`; the file says why each is so."""

    version: str
    participle_endings: tuple[str, ...]
    endings: tuple[tuple[str, str], ...]  # (strip, add), in order
    undouble_after: frozenset[str]


@cache
def load_affixes(code: str) -> Affixes:
    """The shipped Indonesian affix tables of `code` (`lang/<code>/morphology.toml`), read once."""
    return read_affixes(language_dir(code).joinpath(MORPHOLOGY_FILE))


@cache
def load_inflections(code: str) -> Inflections:
    """The shipped English ending tables of `code` (`lang/<code>/morphology.toml`), read once."""
    return read_inflections(language_dir(code).joinpath(MORPHOLOGY_FILE))


def read_affixes(path: Traversable) -> Affixes:
    """Parse and check one Indonesian morphology file; a problem names the file (and key's line)."""
    toml = DataFile.read(path)
    data = toml.data
    nasal = toml.table(data, "nasal")
    allomorphs: list[tuple[str, tuple[str, ...]]] = []
    for entry in toml.tables(nasal, "allomorphs"):
        restores = toml.strings(entry, "restores")
        allomorphs += [(form, restores) for form in toml.strings(entry, "forms")]
    stacked: dict[str, tuple[str, str]] = {}
    stacked_table = toml.table(data, "stacked")
    for prefix in stacked_table:
        pair = toml.strings(stacked_table, prefix)
        if len(pair) != 2:
            raise toml.fail(prefix, "must be [outer prefix, inner prefix]")
        stacked[prefix] = (pair[0], pair[1])
    return Affixes(
        version=toml.string(data, "version"),
        passive_prefixes=frozenset(toml.strings(data, "passive_prefixes")),
        clitics=toml.strings(data, "clitics"), suffixes=toml.strings(data, "suffixes"),
        plain_prefixes=toml.strings(data, "plain_prefixes"),
        drop_r_after=frozenset(toml.strings(data, "drop_r_after")),
        surface_prefixes=toml.strings(data, "surface_prefixes"),
        verb_prefixes=toml.strings(data, "verb_prefixes"), stacked=MappingProxyType(stacked),
        nasal_reading=toml.string(nasal, "reading"), nasal_surface=toml.string(nasal, "surface"),
        nasal=tuple(allomorphs))


def read_inflections(path: Traversable) -> Inflections:
    """Parse and check one English morphology file; a problem names the file (and key's line)."""
    toml = DataFile.read(path)
    data = toml.data
    endings = tuple((toml.string(e, "strip"), toml.string(e, "add")) for e in toml.tables(data, "endings"))
    return Inflections(version=toml.string(data, "version"),
                       participle_endings=toml.strings(data, "participle_endings"), endings=endings,
                       undouble_after=frozenset(toml.strings(data, "undouble_after")))
