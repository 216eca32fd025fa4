"""Per-language words that say where an event happened, read from `lang/<code>/geo.toml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from warta.lang import language_dir, read_word_lists
from warta.lang.datafile import DataFile


@dataclass(frozen=True, slots=True)
class GeoGrammar:
    """Word lists as tuples of lowercase word sequences, so multiword markers match token by token."""

    locatives: tuple[tuple[str, ...], ...]
    directions: tuple[tuple[str, ...], ...]
    place_words: frozenset[str]
    not_between: frozenset[str]
    name_prefixes: tuple[tuple[str, ...], ...]
    name_suffixes: frozenset[str]
    name_joiners: frozenset[str]
    clause_breaks: frozenset[str]
    back_references: tuple[tuple[str, ...], ...]
    kind_markers: tuple[tuple[str, ...], ...] = ()  # "kota", "city of": a marker only in lowercase
    origins: tuple[tuple[str, ...], ...] = ()  # "dari", "from": where some events happen, by the parse
    name_stoppers: frozenset[str] = frozenset()  # capitalised words that end a name: days, months
    # words of the language ("liga", "allah"): a place that lists one only as another name needs more
    common_words: frozenset[str] = frozenset()
    # kind prefixes of units the gazetteer does not hold ("Kabupaten"): located at their province
    coarse_prefixes: frozenset[tuple[str, ...]] = frozenset()
    # marks of a clause that happens with the event ("saat"): a statement's other clauses are its content
    same_time: frozenset[str] = frozenset()
    # words before a place that say where someone is from ("asal Brasil"), not where an event is
    nationality_words: frozenset[str] = frozenset()
    # what joins two parties ("dan", "-") and opens a pair of them ("antara"): a relation, no territory
    pair_joiners: frozenset[str] = frozenset()
    pair_openers: frozenset[str] = frozenset()
    # lowercase phrases that put an event abroad without naming where ("ke luar negeri")
    abroad: tuple[tuple[str, ...], ...] = ()
    version: str | None = None


def _phrases(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Longest first, so "di dekat" is tried before "di"."""
    return tuple(sorted({tuple(w.casefold().split()) for w in words}, key=len, reverse=True))


@lru_cache(maxsize=8)
def load_grammar(code: str) -> GeoGrammar:
    """The geo words of one language; a language without geo.toml locates nothing from its text."""
    path = language_dir(code).joinpath("geo.toml")
    if not path.is_file():
        return GeoGrammar((), (), frozenset(), frozenset(), (), frozenset(), frozenset(), frozenset(), ())
    data = DataFile.read(path, f"warta/lang/{code}/geo.toml")

    def get(key: str) -> tuple[str, ...]:
        return data.optional_strings(data.data, key)

    return GeoGrammar(
        locatives=_phrases(data.strings(data.data, "locatives")),
        directions=_phrases(get("directions")),
        place_words=frozenset(w.casefold() for w in get("place_words")),
        not_between=frozenset(w.casefold() for w in get("not_between"))
        | read_word_lists((code,), "function_words.txt"),
        name_prefixes=_phrases(get("name_prefixes")),
        name_suffixes=frozenset(w.casefold() for w in get("name_suffixes")),
        name_joiners=frozenset(w.casefold() for w in get("name_joiners")),
        clause_breaks=frozenset(w.casefold() for w in get("clause_breaks")),
        back_references=_phrases(get("back_references")), kind_markers=_phrases(get("kind_markers")),
        origins=_phrases(get("origins")), name_stoppers=frozenset(w.casefold() for w in get("name_stoppers")),
        common_words=_common_words(code, data.data.get("common_words_file")),
        coarse_prefixes=frozenset(_phrases(get("coarse_prefixes"))),
        same_time=frozenset(w.casefold() for w in get("same_time")),
        nationality_words=frozenset(w.casefold() for w in get("nationality_words")),
        pair_joiners=frozenset(w.casefold() for w in get("pair_joiners")),
        pair_openers=frozenset(w.casefold() for w in get("pair_openers")),
        abroad=_phrases(get("abroad")), version=data.version)


def _common_words(code: str, name: object) -> frozenset[str]:
    """The language's word list that geo.toml names (`common_words_file`), casefolded."""
    return read_word_lists((code,), name) if isinstance(name, str) else frozenset()
