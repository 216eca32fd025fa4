"""Sentence spans for Indonesian and English news, robust to abbreviations, numbers and quotes.

A sentence ends at '.', '!' or '?' (with closing quotes) followed by a space and an upper-case
letter, digit or opening quote, unless the word before the dot is a known abbreviation or an
initial. Paragraph breaks always end a sentence. "Rp1.988" and "3,5 persen" have no space after
the dot, so they never split; direct speech ending in ',' before "kata ..." does not end one.
"""

from __future__ import annotations

import re

from warta.article import Sentence
from warta.lang import read_word_lists

_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def load_abbreviations(languages: tuple[str, ...]) -> frozenset[str]:
    """Abbreviations, lower-cased and without their final dot."""
    return frozenset(w.rstrip(".") for w in read_word_lists(languages, "abbreviations.txt"))


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """True when the '.' at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    found = _WORD_BEFORE.search(text, 0, dot)
    if not found:
        return False
    word = found.group(1).casefold().strip(".")
    if word in abbreviations:
        return True
    # An initial ("J. Kirby") or a dotted acronym ("A.S.", "U.S."): short letters and dots.
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:\w\.){1,4}\w?", word + "."))


def split_sentences(text: str, abbreviations: frozenset[str], start: int = 0,
                    end: int | None = None) -> list[Sentence]:
    """Sentence spans of `text[start:end]`, as offsets into `text`, trimmed of spaces."""
    end = len(text) if end is None else end
    spans: list[Sentence] = []
    for para in _paragraphs(text, start, end):
        begin = para[0]
        for found in _BOUNDARY.finditer(text, para[0], para[1]):
            if _is_abbreviation(text, found.start(), abbreviations):
                continue
            _add(spans, text, begin, found.end())
            begin = found.end()
        _add(spans, text, begin, para[1])
    return spans


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    begin = start
    for found in _PARAGRAPH.finditer(text, start, end):
        out.append((begin, found.start()))
        begin = found.end()
    out.append((begin, end))
    return out


def _add(spans: list[Sentence], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        spans.append(Sentence(begin, end))
