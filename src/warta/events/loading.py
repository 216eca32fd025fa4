"""A language's event patterns as the coder uses them: hand-written, then the trigger lexicons.

Beside `lang/<code>/events.toml` (the hand-written patterns, `warta.events.patterns`), every
`lang/<code>/triggers*.tsv` trigger lexicon (`warta.events.lexicon`) and any extra file a user
names (a PETRARCH verb dictionary read as it is, `warta.events.petrarch_convert`) add patterns;
the hand-written ones win ties and lend the rows their options. This module sits above all three,
so none of them imports another's loader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from warta.errors import DataFileError
from warta.events import lexicon as lx
from warta.events.ontology import Ontology
from warta.events.patterns import PATTERN_FILE, Pattern, PatternSet, compile_patterns, read_pattern_file
from warta.events.petrarch_convert import petrarch_lexicon
from warta.lang import language_dir


def load_patterns(language: str, ontology: Ontology, extra: Sequence[Path] = ()) -> PatternSet:
    """The shipped pattern file of `language`, its trigger lexicons, and `extra` files: a `.txt`
    is read as a PETRARCH verb dictionary as it is, a `.tsv` as a trigger lexicon."""
    folder = language_dir(language)
    base, needs_target = read_pattern_file(folder.joinpath(PATTERN_FILE), language, ontology)
    lexicons = [lx.read_lexicon(p, ontology) for p in lx.lexicon_files(folder)]
    for path in extra:
        if path.suffix == ".txt":
            lexicons.append(petrarch_lexicon(path, ontology))
        elif path.suffix == ".tsv":
            lexicons.append(lx.read_lexicon(path, ontology))
        else:
            raise DataFileError(str(path), None, "an extra pattern file is a PETRARCH verb "
                                                 "dictionary (.txt) or a trigger lexicon (.tsv)")
    if not lexicons:
        return base
    normalize = _normalizer(language, base)
    added: list[Pattern] = []
    for lexicon in lexicons:
        added += lx.lexicon_patterns(lexicon, base.patterns, needs_target, normalize)[0]
    return compile_patterns(language, base.version, base.patterns, base.markers, tuple(added))


def _normalizer(language: str, base: PatternSet) -> Callable[[str], frozenset[str]]:
    """The roots of an exact word, so a lexicon word can be seen to tie with a hand-written root
    (English only: the Indonesian morphology is too heavy to load twice)."""
    if language != "en":
        return _itself
    from warta.events.morphology import EnglishMorphology

    return EnglishMorphology(base.lemmas).lemmas


def _itself(word: str) -> frozenset[str]:
    return frozenset((word,))
