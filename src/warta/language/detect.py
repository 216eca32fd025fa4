"""Which language an article is in, offline, with lingua.

Two detectors: a small one over the loaded languages (fast, and exact between Indonesian and
Malay), used when the text is full of those languages' function words; otherwise one over every
language lingua knows, in low-accuracy mode, so any other language is reported as what it is.
"""

from __future__ import annotations

import re

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from warta.lang import read_word_lists

SAMPLE_CHARS = 600  # enough for lingua to be sure on news prose; keeps detection under 1 ms
FUNCTION_WORD_SHARE = 0.12  # share of known function words above which the fast detector is used
_TOKEN = re.compile(r"[^\W\d_]+")


def load_function_words(languages: tuple[str, ...]) -> frozenset[str]:
    return read_word_lists(languages, "function_words.txt")


class LanguageIdentifier:
    """Owns both lingua detectors; built once per pipeline."""

    def __init__(self, languages: tuple[str, ...], detect_all: bool = True) -> None:
        wanted = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                  for code in languages if hasattr(IsoCode639_1, code.upper())]
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
        sample = text[:SAMPLE_CHARS]
        tokens = _TOKEN.findall(sample.casefold())
        if not tokens:
            return None
        known = sum(1 for t in tokens if t in self.function_words)
        use_fast = known / len(tokens) >= FUNCTION_WORD_SHARE
        detector = self.fast if use_fast or self.wide is None else self.wide
        found = detector.detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found else None
