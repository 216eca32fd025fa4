"""Find every dictionary name in a text with one Aho-Corasick pass (pyahocorasick).

The text is folded one character to one character (lower case, no diacritics, anything that is
not a letter or digit becomes a space), so offsets in the folded text are offsets in the
original. Patterns are folded the same way and padded with a space on both sides, which makes
every hit start and end on a word boundary ("Rusia-Korut", "ke Rusia", "AS-nya", "Russia's")
without a regex per pattern. Among overlapping hits the leftmost, then longest, wins.

Case rules, from how a name is written in its file: an all-capital name of at most three
letters ("AS", "RI", "UN") only matches in capitals, so Indonesian "AS" is not English "as";
a capitalised name needs a capital first letter ("Turkey" the country, not "turkey"); a
lower-case name (agents: "pejabat") matches in any case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from warta.actors.dictionary import ALL_LANGS, Entry

EXACT, CAPITAL, ANY = "A", "C", "I"


class FoldTable(dict[int, str]):
    """`str.translate` table that folds any character to exactly one character, built lazily."""

    def __missing__(self, key: int) -> str:
        char = chr(key)
        if char.isalnum():
            base = unicodedata.normalize("NFKD", char)[0].lower()
            folded = base if len(base) == 1 and base.isalnum() else char.lower()[:1] or " "
        else:
            folded = " "
        self[key] = folded
        return folded


def case_rule(name: str, agent: bool = False) -> str:
    """EXACT for one-word acronyms, CAPITAL for capitalised names, ANY for lower-case words.

    Phoenix writes everything in capitals, so a capitalised agent ("POLICE OFFICER") is a
    common noun and matches in any case; only a short one ("DPR", "PM") stays exact.
    """
    if name.isupper():
        short = " " not in name and ("." in name or len(name) <= 3 or
                                     (len(name) <= 6 and sum(c.isalpha() for c in name) <= 3))
        if short:
            return EXACT
        return ANY if agent else CAPITAL
    first = next((c for c in name if c.isalpha()), "")
    return CAPITAL if first.isupper() else ANY


def case_ok(rule: str, span: str) -> bool:
    if rule == ANY:
        return True
    if rule == EXACT:
        return span.upper() == span
    first = span[:1]
    if first.isalpha():
        # "iSrael": a mis-cased one-word name still has a capital; a lower-case word has none
        return first.isupper() or (" " not in span and len(span) > 3 and
                                   any(c.isupper() for c in span[1:]))
    return any(c.isupper() for c in span if c.isalpha())


@dataclass(frozen=True, slots=True)
class Hit:
    """One dictionary name found at text[start:end]."""

    start: int
    end: int
    entry: Entry


# (entry, case rule, characters of clitic after the name: "Rusianya")
_Candidate = tuple[Entry, str, int]


class Matcher:
    """An automaton over every entry's folded name; built once per Pipeline."""

    def __init__(self, entries: Iterable[Entry], clitics: dict[str, tuple[str, ...]] | None = None) -> None:
        self.fold_table = FoldTable()
        table: dict[str, list[_Candidate]] = {}
        ordered = sorted(entries, key=lambda e: -e.priority)  # stable: file order within a priority
        for entry in ordered:
            key = self.fold(entry.name).strip()
            if not key:
                continue
            rule = case_rule(entry.name, entry.kind == "agent")
            table.setdefault(key, []).append((entry, rule, 0))
            if entry.kind != "agent" and entry.lang != ALL_LANGS:
                for clitic in (clitics or {}).get(entry.lang, ()):
                    table.setdefault(key + clitic, []).append((entry, rule, len(clitic)))
        self.automaton = ahocorasick.Automaton()
        for key, candidates in table.items():
            self.automaton.add_word(f" {key} ", (len(key), tuple(candidates)))
        if len(self.automaton):
            self.automaton.make_automaton()

    def fold(self, text: str) -> str:
        return text.translate(self.fold_table)

    def find(self, text: str, lang: str | None) -> list[Hit]:
        """Leftmost-longest non-overlapping hits whose case and language fit."""
        if not text or not len(self.automaton):
            return []
        padded = " " + self.fold(text) + " "
        found: list[tuple[int, int, Entry]] = []
        for last, (length, candidates) in self.automaton.iter(padded):
            start = last - length - 1  # the hit ends at padded[last] (a pad space); text = padded[1:]
            end = start + length
            for entry, rule, trim in candidates:
                if lang is not None and entry.lang != ALL_LANGS and entry.lang != lang:
                    continue
                if rule == ANY or case_ok(rule, text[start:end - trim]):
                    found.append((start, end - trim, entry))
                    break
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        hits: list[Hit] = []
        reach = -1
        for start, end, entry in found:
            if start >= reach:
                if entry.name.endswith(".") and text[end:end + 1] == ".":
                    end += 1  # "U.S." keeps its final stop
                hits.append(Hit(start, end, entry))
                reach = end
        return hits
