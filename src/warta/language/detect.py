"""Which language an article is in, offline, with lingua.

Two detectors: a small one over the loaded languages (fast, and exact between Indonesian and
Malay), used when the text is full of those languages' function words; otherwise one over every
language lingua knows, in low-accuracy mode, so any other language is reported as what it is.

A short text (a headline, one sentence: under SHORT_TEXT_CHARS) has too few words to tell
Indonesian from Malay among seventy languages: "Putin bertemu Kim." came out Malay, and no
Indonesian rule ran. There the loaded languages (the ones warta has rules for) win, unless the
text has none of their function words and lingua is sure of another language (French stays
French), or it holds a word only Malay uses (`lang/id/malay_words.txt`); the confidence is
reported with the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from warta.lang import read_word_lists

SHORT_TEXT_CHARS = 200  # below this, decide among the loaded languages only
SURE_OTHER = 0.99  # a short text is in a language warta has no rules for only when lingua is this sure
SAMPLE_CHARS = 600  # enough for lingua to be sure on news prose; keeps detection under 1 ms
FUNCTION_WORD_SHARE = 0.12  # share of known function words above which the fast detector is used
_TOKEN = re.compile(r"[^\W\d_]+")


def load_function_words(languages: tuple[str, ...]) -> frozenset[str]:
    return read_word_lists(languages, "function_words.txt")


@dataclass(frozen=True, slots=True)
class Detection:
    """A language and how it was decided; `confidence` is lingua's, for short texts only."""

    lang: str | None
    confidence: float | None = None
    among: tuple[str, ...] = ()  # for a short text: the languages it was decided among


class LanguageIdentifier:
    """Owns the lingua detectors; built once per pipeline.

    `short_chars=0` turns the short-text rule off (bench/language_short.py measures both).
    """

    def __init__(self, languages: tuple[str, ...], detect_all: bool = True,
                 short_chars: int = SHORT_TEXT_CHARS) -> None:
        wanted = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                  for code in languages if hasattr(IsoCode639_1, code.upper())]
        self.loaded = frozenset(wanted)
        self.short_chars = short_chars
        # Among the loaded languages only (lingua needs two; one loaded language is simply it).
        self.only_loaded: LanguageDetector | None = (
            LanguageDetectorBuilder.from_languages(*self.loaded).build() if len(self.loaded) > 1 else None)
        self.malay_words = read_word_lists(languages, "malay_words.txt")
        if Language.INDONESIAN in wanted and Language.MALAY not in wanted:
            wanted.append(Language.MALAY)  # so Malay text is not called Indonesian
        if len(wanted) < 2:
            wanted.append(Language.ENGLISH if Language.ENGLISH not in wanted else Language.INDONESIAN)
        self.fast: LanguageDetector = LanguageDetectorBuilder.from_languages(*wanted).build()
        self.wide: LanguageDetector | None = (
            LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
            if detect_all else None)
        self.function_words = load_function_words(languages)

    def identify(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, or None when there are no letters to judge."""
        return self.detect(text).lang

    def detect(self, text: str) -> Detection:
        """The language; for a short text, decided as the module says, with its confidence."""
        if len(text.strip()) < self.short_chars and _TOKEN.search(text):
            return self._short(text)
        return Detection(self._long(text))

    def _short(self, text: str) -> Detection:
        """Another language only when the text has none of the loaded languages' function words
        and lingua is sure of it; Malay only with a Malay-only word; else a loaded language."""
        tokens = _TOKEN.findall(text.casefold())
        known = sum(1 for t in tokens if t in self.function_words) / len(tokens)
        if self.wide is not None and known < FUNCTION_WORD_SHARE:
            top = self.wide.compute_language_confidence_values(text)[0]
            if top.language not in self.loaded | {Language.MALAY} and top.value >= SURE_OTHER:
                return Detection(_code(top.language), round(top.value, 2), ("all",))
        among = tuple(sorted(_code(lang) for lang in self.loaded))
        if Language.INDONESIAN in self.loaded and any(t in self.malay_words for t in tokens):
            return Detection("ms", None, (*among, "ms"))
        if self.only_loaded is None:
            return Detection(among[0] if among else None, None, among)
        best = self.only_loaded.compute_language_confidence_values(text)[0]
        return Detection(_code(best.language), round(best.value, 2), among)

    def _long(self, text: str) -> str | None:
        sample = text[:SAMPLE_CHARS]
        tokens = _TOKEN.findall(sample.casefold())
        if not tokens:
            return None
        known = sum(1 for t in tokens if t in self.function_words)
        use_fast = known / len(tokens) >= FUNCTION_WORD_SHARE
        detector = self.fast if use_fast or self.wide is None else self.wide
        found = detector.detect_language_of(sample)
        return _code(found) if found else None


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()
