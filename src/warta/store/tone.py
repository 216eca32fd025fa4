"""Article and event tone, GDELT's AvgTone idea: lexicon weight per hundred words.

tone = 100 × Σ(weight of each lexicon word, scaled to −1..+1) / number of words, so the range is
−100..+100 and news sits mostly within ±10, like GDELT's. A word right after a negator counts
with the opposite sign. Multi-word lexicon entries (up to three words) match before single words.

English uses the VADER lexicon shipped in the `vaderSentiment` package (MIT; valence −4..+4).
Indonesian uses the InSet lexicon (Koto & Rahmaningtyas, IALP 2017; weights −5..+5), which states
no licence, so warta does not ship it: pass the folder holding `inset-positive.tsv` and
`inset-negative.tsv` to use it. Without a lexicon for a language, its tone is None (left empty).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from warta.errors import DataFileError
from warta.lang import language_dir
from warta.lang.datafile import DataFile

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
MAX_PHRASE = 3
# Negators and tone-neutral words (reporting verbs, "salah satu") live in warta/lang/<code>/tone.toml.
INSET_FILES = ("inset-positive.tsv", "inset-negative.tsv")
INSET_VERSION = "inset-9cb9d29"


@dataclass(frozen=True)
class Lexicon:
    """Word or phrase → weight in −1..+1 for one language."""

    lang: str
    version: str
    weights: Mapping[str, float] = field(repr=False)


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


@dataclass(frozen=True)
class ToneWords:
    """One language's negators and neutral words, from `lang/<code>/tone.toml`."""

    negators: frozenset[str] = frozenset()
    neutral: frozenset[str] = frozenset()
    version: str = ""


@cache
def tone_words(lang: str) -> ToneWords:
    """The language's tone word lists; a language without a `tone.toml` has none."""
    path = language_dir(lang).joinpath("tone.toml")
    if not path.is_file():
        return ToneWords()
    data = DataFile.read(path)
    return ToneWords(frozenset(data.strings(data.data, "negators")),
                     frozenset(data.strings(data.data, "neutral")), data.string(data.data, "version"))


def neutral_words(lang: str) -> frozenset[str]:
    """Function words, negators and reporting verbs: never scored."""
    path = language_dir(lang).joinpath("function_words.txt")
    listed: set[str] = set()
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                listed.update(words(line))
    own = tone_words(lang)
    return frozenset(listed) | own.negators | own.neutral


def _without_neutral(lang: str, weights: dict[str, float]) -> dict[str, float]:
    """Neutral words weigh 0, so a neutral phrase ("salah satu") also hides its parts."""
    return {**weights, **dict.fromkeys(neutral_words(lang), 0.0)}


def load_vader() -> Lexicon:
    """The English VADER lexicon from the installed `vaderSentiment` package."""
    path = files("vaderSentiment").joinpath("vader_lexicon.txt")
    weights: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        try:
            weights[parts[0].casefold()] = max(-1.0, min(1.0, float(parts[1]) / 4.0))
        except ValueError as exc:
            raise DataFileError("vaderSentiment/vader_lexicon.txt", number, str(exc)) from exc
    return Lexicon("en", "vader-3.3.2", _without_neutral("en", weights))


def load_inset(folder: Path) -> Lexicon:
    """The Indonesian InSet lexicon from a folder the user provides (not shipped: no licence)."""
    weights: dict[str, float] = {}
    for name in INSET_FILES:
        path = folder / name
        if not path.is_file():
            raise DataFileError(str(path), None, "InSet lexicon file not found")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            word, _, value = line.partition("\t")
            if number == 1 and value.strip() == "weight":
                continue
            try:
                weight = float(value)
            except ValueError as exc:
                raise DataFileError(str(path), number, f"expected 'word<TAB>weight' ({exc})") from exc
            key = " ".join(words(word))
            if key:
                weights[key] = max(-1.0, min(1.0, weight / 5.0))
    return Lexicon("id", INSET_VERSION, _without_neutral("id", weights))


class ToneScorer:
    """Scores text in the languages it has a lexicon for; loaded once, shared by a store."""

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        self.lexicons = {lex.lang: lex for lex in lexicons}

    @classmethod
    def load(cls, inset_dir: Path | None = None) -> ToneScorer:
        lexicons = [load_vader()]
        if inset_dir is not None:
            lexicons.append(load_inset(inset_dir))
        return cls(lexicons)

    @property
    def version(self) -> str:
        return ",".join(lex.version for lex in self.lexicons.values())

    def score(self, text: str, lang: str | None) -> float | None:
        """Tone of `text` (−100..+100), or None when there is no lexicon for `lang`."""
        lexicon = self.lexicons.get(lang or "")
        if lexicon is None:
            return None
        tokens = words(text)
        if not tokens:
            return None
        return 100.0 * _weigh(tokens, lexicon.weights, tone_words(lexicon.lang).negators) / len(tokens)


def _weigh(tokens: list[str], weights: Mapping[str, float], negators: frozenset[str]) -> float:
    total = 0.0
    i = 0
    while i < len(tokens):
        for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            weight = weights.get(" ".join(tokens[i:i + size]))
            if weight is not None:
                negated = i > 0 and tokens[i - 1] in negators
                total += -weight if negated else weight
                i += size
                break
        else:
            i += 1
    return total
