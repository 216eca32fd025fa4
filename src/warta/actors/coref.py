"""Coreference the way a careful reader does it in one article, without guessing.

- A surname repeats a person named in full earlier: "Kirby" after "John Kirby" (whole article).
- "keduanya" / "the two leaders" names two actors: the last coordinated pair in the paragraph
  ("Putin dan Kim"), else the last two distinct actors of the previous sentences, else those
  earlier in the same sentence. "kedua negara" / "the two countries" does the same at country
  level. A plural anaphor yields one mention per antecedent, all with the anaphor's span.
- "negara itu" / "the country": the last country named in the paragraph (or the one before).
- "ia/dia/he/she": only when exactly one person has been named in the paragraph so far.
- "mereka/they": the latest pair or group in this or the previous sentence.
- A bare role ("Presiden" with no country, "---GOV") takes the code of the one country named
  with that role in an earlier sentence of the paragraph ("Presiden Rusia Vladimir Putin").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from itertools import pairwise

from warta.actors.compose import Draft
from warta.actors.dictionary import Grammar

_PARAGRAPH = re.compile(r"[^\n]+")
# A news article has a few dozen anaphors; the cap keeps garbage input (a page of "ia ia ia")
# linear instead of quadratic.
MAX_ANAPHORS = 2000
# How far back (characters) an anaphor looks for its antecedents: a long paragraph at most.
LOOKBACK = 3000
_PAIR_GAP = {"-", "–", "—", "/"}


@dataclass(frozen=True)
class CorefRules:
    """One compiled pattern per language, built once per Pipeline."""

    grammar: Grammar
    pattern: re.Pattern[str] | None

    @classmethod
    def build(cls, grammar: Grammar) -> CorefRules:
        phrases = [*grammar.two, *grammar.two_countries, *grammar.country, *grammar.person, *grammar.plural]
        if not phrases:
            return cls(grammar, None)
        alternation = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
        return cls(grammar, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE))

    def kind_of(self, phrase: str) -> str:
        low = phrase.lower()
        for kind in ("two_countries", "two", "country", "person", "plural"):
            if low in getattr(self.grammar, kind):
                return kind
        return ""


def _country(draft: Draft, countries: frozenset[str]) -> str | None:
    head = draft.code[:3]
    return head if head in countries else None


class Resolver:
    """Adds coreference drafts to one article's drafts."""

    def __init__(self, text: str, drafts: list[Draft], sentences: list[tuple[int, int]],
                 countries: frozenset[str], rules: CorefRules) -> None:
        self.text = text
        self.drafts = sorted(drafts, key=lambda d: (d.start, d.end))
        self.sentences = sentences or [(0, len(text))]
        self.sentence_starts = [s for s, _ in self.sentences]
        self.countries = countries
        self.rules = rules
        self.paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]

    def run(self) -> list[Draft]:
        self._surnames()
        self._bare_roles()
        if self.rules.pattern is not None:
            for number, match in enumerate(self.rules.pattern.finditer(self.text)):
                if number >= MAX_ANAPHORS:
                    break
                if not self._covered(match.start(), match.end()):
                    self._anaphor(match.start(), match.end(), self.rules.kind_of(match.group()))
        return self.drafts

    def _covered(self, start: int, end: int) -> bool:
        """Does a mention overlap [start, end)? Mentions are sorted and rarely nest: look nearby."""
        index = bisect_left(self.drafts, end, key=lambda d: d.start)
        return any(d.end > start for d in self.drafts[max(0, index - 3):index])

    def _add(self, drafts: list[Draft]) -> None:
        for draft in drafts:
            insort(self.drafts, draft, key=lambda d: (d.start, d.end))

    def _paragraph(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self.paragraphs, (pos, len(self.text) + 1)) - 1
        if index >= 0 and self.paragraphs[index][0] <= pos < self.paragraphs[index][1]:
            return self.paragraphs[index]
        return 0, len(self.text)

    def _sentence_start(self, pos: int) -> int:
        index = bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[index][0] if index >= 0 else 0

    def _before(self, floor: int, pos: int) -> list[Draft]:
        floor = max(floor, pos - LOOKBACK)
        low = bisect_left(self.drafts, floor, key=lambda d: d.start)
        high = bisect_left(self.drafts, pos, key=lambda d: d.start)
        return [d for d in self.drafts[low:high] if d.end <= pos and d.kind != "place"]

    def _surnames(self) -> None:
        """'Kirby' after 'John Kirby' anywhere later in the article."""
        for draft in [d for d in self.drafts if d.kind == "person" and d.name and " " in d.name]:
            surname = (draft.name or "").split()[-1].strip(",.")
            if len(surname) < 3 or not surname[0].isupper():
                continue
            for match in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", self.text[draft.end:]):
                start, end = draft.end + match.start(), draft.end + match.end()
                if not self._covered(start, end):
                    self._add([Draft(start, end, draft.code, "person", draft.name, "coref", draft.entry,
                                     antecedent=draft)])

    def _bare_roles(self) -> None:
        """'Presiden' alone after 'Presiden Rusia Vladimir Putin': the only country with that role.

        Only from earlier sentences: in "Pejabat AS bertemu Menteri Luar Negeri" the second
        official is the other side of the meeting, not the first one again.
        """
        for draft in self.drafts:
            if not draft.code.startswith("---") or draft.how != "dictionary" or draft.name:
                continue
            role = draft.code[3:]
            para_start, _ = self._paragraph(draft.start)
            same = [d for d in self._before(para_start, self._sentence_start(draft.start))
                    if d.code[3:] == role and _country(d, self.countries)]
            if len({d.code for d in same}) == 1:
                draft.code, draft.how, draft.antecedent = same[-1].code, "coref", same[-1]

    def _anaphor(self, start: int, end: int, kind: str) -> None:
        para_start, _ = self._paragraph(start)
        earlier = self._before(para_start, start)
        if kind in ("two", "two_countries"):
            pair = self._pair(earlier, start, kind == "two_countries")
            self._add([self._refer(a, start, end, kind == "two_countries", plural=True) for a in pair])
        elif kind == "country":
            pool = earlier or self._before(self._paragraph(max(0, para_start - 2))[0], start)
            for draft in reversed(pool):
                if _country(draft, self.countries):
                    self._add([self._refer(draft, start, end, True)])
                    return
        elif kind == "person":
            people = {(d.name or d.code) for d in earlier if d.kind == "person"}
            if len(people) == 1:
                last = [d for d in earlier if d.kind == "person"][-1]
                self._add([self._refer(last, start, end, False)])
        elif kind == "plural":
            group = self._latest_group(earlier, start)
            self._add([self._refer(a, start, end, False, plural=True) for a in group])

    def _refer(self, antecedent: Draft, start: int, end: int, country_level: bool,
               plural: bool = False) -> Draft:
        root = antecedent.antecedent if antecedent.how == "coref" and antecedent.antecedent else antecedent
        code = _country(root, self.countries) or root.code if country_level else root.code
        kind = "country" if country_level else root.kind
        return Draft(start, end, code, kind, None if country_level else root.name, "coref", root.entry,
                     antecedent=root, plural=plural)

    def _pair(self, earlier: list[Draft], pos: int, countries: bool,
              coordinated: bool = False) -> list[Draft]:
        usable = [d for d in earlier if not countries or _country(d, self.countries)]
        for left, right in reversed(list(pairwise(usable))):
            gap = self.text[left.end:right.start].strip().lower()
            if (gap in self.rules.grammar.coordinators or gap in _PAIR_GAP) and self._key(left, countries) \
                    != self._key(right, countries):
                return [left, right]
        if coordinated:
            return []
        sentence = self._sentence_start(pos)
        for pool in ([d for d in usable if d.end <= sentence], [d for d in usable if d.start >= sentence]):
            picked: list[Draft] = []
            for draft in reversed(pool):
                if all(self._key(draft, countries) != self._key(p, countries) for p in picked):
                    picked.append(draft)
                if len(picked) == 2:
                    return list(reversed(picked))
        return []

    def _key(self, draft: Draft, countries: bool) -> str:
        return (_country(draft, self.countries) or draft.code) if countries else draft.code

    def _latest_group(self, earlier: list[Draft], pos: int) -> list[Draft]:
        """The last plural thing in this or the previous sentence: a pair, or a group."""
        sentence = self._sentence_start(pos)
        floor = self._sentence_start(max(0, sentence - 1)) if sentence else 0
        recent = [d for d in earlier if d.start >= floor]
        if not recent:
            return []
        last = recent[-1]
        if last.plural:
            return [d for d in recent if d.plural and d.start == last.start]
        pair = self._pair(recent, pos, False, coordinated=True)
        if pair and pair[1] is last:
            return pair
        return [last] if last.kind == "group" else []
