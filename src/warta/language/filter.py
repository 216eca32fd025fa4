"""`--lang id,en`: leave other languages out before the costly stages, counted, not quarantined.

Two stages, both no-ops when `settings.lang_filter` is empty:

- `LanguagePrefilter`, first in the pipeline, looks at the raw page: a record's declared
  language, or the text of the page's `<p>` elements, detected with the same identifier the
  language stage uses. It drops only what it is sure of (enough paragraph text, a detected
  language outside the filter), so a CC-NEWS day of mostly other languages skips the clean stage,
  three quarters of warta's time (bench/scale.py).
- `LanguageFilter`, right after the language stage, decides on the clean text for the rest,
  before actors and events.
"""

from __future__ import annotations

import html
import re

from warta.article import Article
from warta.errors import InputError
from warta.language.detect import LanguageIdentifier
from warta.settings import Settings

# Paragraph text of a page: enough to judge only past this many letters (a typical news lead is
# 200-400); below it the page passes to the clean stage and the later filter decides.
MIN_SAMPLE_LETTERS = 250
SAMPLE_PARAGRAPHS = 12
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_LETTER = re.compile(r"[^\W\d_]")


class LanguageFiltered(InputError):
    """An article in a language the run was told to leave out; counted, never quarantined."""


def wanted_languages(settings: Settings) -> frozenset[str]:
    return frozenset(code.strip().lower() for code in settings.lang_filter if code.strip())


def _refuse(lang: str | None, keep: frozenset[str], when: str) -> LanguageFiltered:
    return LanguageFiltered(f"language {lang or 'unknown'} is not in lang_filter "
                            f"({', '.join(sorted(keep))}){when}")


class LanguagePrefilter:
    """Drop pages surely in another language before they are cleaned."""

    name = "lang_prefilter"
    requires: tuple[str, ...] = ("raw",)
    provides: tuple[str, ...] = ()

    def __init__(self, settings: Settings) -> None:
        self.keep = wanted_languages(settings)
        self.identifier = (LanguageIdentifier(settings.languages, settings.detect_all_languages)
                           if self.keep else None)

    def __call__(self, article: Article) -> Article:
        raw = article.raw
        if not self.keep or self.identifier is None or raw is None:
            return article
        if raw.lang:  # a record's own language is trusted downstream too
            if raw.lang.lower() not in self.keep:
                raise _refuse(raw.lang, self.keep, ", as the record declares")
            return article
        sample = page_sample(raw.content) if raw.kind == "html" else raw.content[:2000]
        if len(_LETTER.findall(sample)) < MIN_SAMPLE_LETTERS:
            return article
        lang = self.identifier.identify(sample)
        if lang is not None and lang not in self.keep:
            raise _refuse(lang, self.keep, ", detected before cleaning")
        return article


def page_sample(page: str) -> str:
    """The first paragraphs' text of an HTML page, without markup: a cheap stand-in for its body."""
    found = []
    for match in _PARAGRAPH.finditer(page):
        text = html.unescape(_TAG.sub(" ", match.group(1))).strip()
        if len(text) > 40:  # a caption or a link line says little about the article's language
            found.append(" ".join(text.split()))
            if len(found) >= SAMPLE_PARAGRAPHS:
                break
    return "\n".join(found)


class LanguageFilter:
    """Stop articles outside `settings.lang_filter` right after detection on the clean text."""

    name = "lang_filter"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ()

    def __init__(self, settings: Settings) -> None:
        self.keep = wanted_languages(settings)

    def __call__(self, article: Article) -> Article:
        if self.keep and article.lang not in self.keep:
            raise _refuse(article.lang, self.keep, "")
        return article
