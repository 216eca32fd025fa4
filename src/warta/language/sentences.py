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

# The lookbehind starts a match only at the first of a run of stops, so "......" (100,000 dots)
# is one attempt, not one per dot: linear, like the rest of the splitter.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"”’')\]]*+(?=\s+[\"“‘'(\[]?[A-Z0-9À-ÖØ-Þ])")
_INITIALS = re.compile(r"(?:\w\.){1,4}\w?")
MAX_WORD = 40  # no abbreviation or initials run is longer; a longer "word" before a dot is prose
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def load_abbreviations(languages: tuple[str, ...]) -> frozenset[str]:
    """Abbreviations, lower-cased and without their final dot."""
    return frozenset(w.rstrip(".") for w in read_word_lists(languages, "abbreviations.txt"))


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """True when the '.' at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word = _word_before(text, dot).casefold().strip(".")
    if not word:
        return False
    if word in abbreviations:
        return True
    # An initial ("J. Kirby") or a dotted acronym ("A.S.", "U.S."): short letters and dots.
    return (len(word) == 1 and word.isalpha()) or bool(_INITIALS.fullmatch(word + "."))


def _word_before(text: str, end: int) -> str:
    """The run of word characters and dots ending at `end`, read backwards, at most MAX_WORD + 1.

    Scanning back from the dot (not searching forward from offset 0, as a `$`-anchored regex
    does) keeps each call proportional to the word, so splitting is linear in the text.
    """
    begin = end
    floor = max(0, end - MAX_WORD - 1)
    while begin > floor and (text[begin - 1] == "." or text[begin - 1].isalnum() or text[begin - 1] == "_"):
        begin -= 1
    return text[begin:end]


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
