"""A role with no country ('---GOV') takes the country its sentence or its dateline names for it.

Composition only joins a role to a country written right next to it ("Menteri Pertahanan
Ukraina"). A reader also places a role from a little further away; so does this pass, in order
of how sure the evidence is, and marks what it fills `how="context"`:

1. attached: the next mention is tied to the role by `attach` words -- "pejabat dari Virginia"
   (USA), "a spokesman for the Royal Thai Army" (THA); a role tied so to a body with no country
   ("a spokesman for the UN") is that body's, and nothing further is guessed;
2. apposition: a known person written next to the role with only a comma between --
   "Shoigu, the defence minister," (RUS);
3. sentence: the sentence names one country and no other, as a place ("polisi di Bandung",
   "pemberontak menembakkan mortir ... di Thailand"), as a known person ("polisi memukuli Tsvangirai")
   or, for an official (GOV), as a state body ("the Royal Thai Army"), never as the
   destination of `destinations` words ("ke Jepang", "to Iran");
4. dateline: a national story (filed in a country that its paragraph and nearly all of the
   article name alone) lends its country to the roles still unplaced.

What it must not do: "Pejabat AS bertemu Menteri Luar Negeri" (no name known) leaves the
minister '---GOV'. Another actor with the same role and a known country in the sentence is the
other side of the event, not a hint, so step 3 gives up there (and step 4 needs a paragraph that
names no other country). Only '---' codes change; the role keeps its `dictionary_entry`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from warta.actors.compose import Draft
from warta.actors.dictionary import Grammar

STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# A national story: at most this share of its country mentions name another country.
FOREIGN_SHARE = 0.25
_PARAGRAPH = re.compile(r"[^\n]+")


class ContextCountry:
    """Fills the country of one article's unplaced roles, in place."""

    def __init__(self, text: str, drafts: list[Draft], sentences: list[tuple[int, int]],
                 grammar: Grammar, countries: frozenset[str], home: str | None = None) -> None:
        self.text = text
        self.drafts = sorted(drafts, key=lambda d: (d.start, d.end))
        self.sentences = sentences or [(0, len(text))]
        self.starts = [s for s, _ in self.sentences]
        self.g = grammar
        self.countries = countries
        self.home = home if home in countries else None
        self._paragraphs: list[tuple[int, int]] | None = None  # only a dateline needs them

    def run(self) -> list[Draft]:
        if not any(self._target(d) for d in self.drafts):
            return self.drafts  # most texts: every role is placed already
        filled: dict[int, str] = {}
        national = self.home is not None and self._national()
        for draft in self.drafts:
            if not self._target(draft):
                continue
            near = self._sentence_of(draft)
            owner = self._attached(draft, near)
            if owner is not None:  # "a spokesman for the UN" speaks for the UN: no guessing on
                country = self.country(owner)
            else:
                country = self._apposition(draft, near) or self._sentence(draft, near)
                if country is None and national and self._home_fits(draft):
                    country = self.home
            if country is not None:
                draft.code, draft.how = country + draft.code[3:], "context"
                filled[id(draft)] = draft.code
        for draft in self.drafts:  # "Kirby ... he": a coreferent copy follows its antecedent
            code = filled.get(id(draft.antecedent)) if draft.antecedent is not None else None
            if code is not None and draft.code.startswith("---"):
                draft.code = code
        return self.drafts

    def country(self, draft: Draft) -> str | None:
        head = draft.code[:3]
        return head if head in self.countries else None

    @staticmethod
    def _target(draft: Draft) -> bool:
        return draft.code.startswith("---") and draft.how in ("dictionary", "ner") and draft.kind != "place"

    def _sentence_of(self, draft: Draft) -> list[Draft]:
        index = bisect_right(self.starts, draft.start) - 1
        start, end = self.sentences[index] if index >= 0 else (0, len(self.text))
        return self._between(start, end, draft)

    def _between(self, start: int, end: int, draft: Draft) -> list[Draft]:
        low = bisect_left(self.drafts, start, key=lambda d: d.start)
        high = bisect_left(self.drafts, end, key=lambda d: d.start)
        return [d for d in self.drafts[low:high] if d is not draft]

    def _attached(self, draft: Draft, near: list[Draft]) -> Draft | None:
        """'pejabat dari Virginia', 'a spokesman for the Royal Thai Army': the next mention only."""
        after = [d for d in near if d.start >= draft.end]
        if not after or not self.g.attach:
            return None
        nxt = after[0]
        words = self.text[draft.end:nxt.start].split()
        if not words or words[0].lower() not in self.g.attach or any(c in self.text[draft.end:nxt.start]
                                                                     for c in ",;:\n()"):
            return None
        # the words a name may carry before the part the dictionary knows: "the Royal (Thai Army)"
        rest = [w for w in words[1:] if w.lower() not in self.g.articles]
        if len(rest) > self.g.max_filler or not all(w[:1].isupper() and w.isalpha() for w in rest) or \
                (nxt.kind == "place" and self._in_a_name(nxt)):
            return None
        return nxt

    def _apposition(self, draft: Draft, near: list[Draft]) -> str | None:
        """'Shoigu, the defence minister,' / 'menteri pertahanan, Shoigu,': one person, one country."""
        before = [d for d in near if d.end <= draft.start]
        after = [d for d in near if d.start >= draft.end]
        if before and before[-1].kind == "person" and self._comma_only(before[-1].end, draft.start) \
                and self._closes(draft.end):
            return self.country(before[-1])
        if after and after[0].kind == "person" and self._comma_only(draft.end, after[0].start) \
                and self._closes(after[0].end):
            return self.country(after[0])
        return None

    def _comma_only(self, left: int, right: int) -> bool:
        gap = self.text[left:right].strip()
        return gap in (",", ", the", ", a") and "\n" not in self.text[left:right]

    def _closes(self, end: int) -> bool:
        """An apposition ends at a comma, a stop, or the end of the sentence."""
        rest = self.text[end:end + 2].lstrip(" ")
        return not rest or rest[0] in ",.;:)\n"

    def _sentence(self, draft: Draft, near: list[Draft]) -> str | None:
        """The one country the sentence names, when it names it as a place, a person or a state body.

        Any role: a government, army or court belongs to the country where it acts, and so,
        as analysts code them (ICEWS, the PANL annotation), do rebels and protesters in a sentence
        that names one country only (measured: cross-validated lenient F1 on id-panl-train 0.237
        with state roles only, 0.262 with every role; English unchanged, 0.214 and 0.218). A
        sentence naming a second country — where rebels cross a border from — is left alone.
        """
        role = draft.code[3:6]
        if self._counterpart(draft, near):
            return None
        named = [d for d in near if self.country(d) and not self._destination(d.start)]
        if len({self.country(d) for d in named}) != 1:
            return None
        for other in named:
            if self._placed(other):
                return self.country(other)
            if role == "GOV" and other.kind in ("org", "group") and other.code[3:6] in STATE_ROLES:
                return self.country(other)  # "the spokesman said the Royal Thai Army ..."
            if other.kind == "person":
                return self.country(other)  # "polisi memukuli Tsvangirai": Zimbabwe's police
        return None

    def _counterpart(self, draft: Draft, near: list[Draft]) -> bool:
        """Another placed actor with the same role: 'Pejabat AS bertemu Menteri Luar Negeri'."""
        role = draft.code[3:6]
        return any(d.kind != "place" and d.code[3:6] == role and self.country(d) for d in near)

    def _placed(self, draft: Draft) -> bool:
        """A place mention, or a country after a locative: 'di Bandung', 'in Thailand'."""
        if self._in_a_name(draft):
            return False
        if draft.kind == "place":
            return True
        words = self.text[max(0, draft.start - 20):draft.start].split()
        return draft.kind == "country" and bool(words) and \
            words[-1].lower() in (self.g.locatives | self.g.role_in)

    def _in_a_name(self, draft: Draft) -> bool:
        """'Protokol Kyoto', 'New York Stock Exchange', 'Los Angeles Times': a place glued to
        capitalised words no dictionary knows is part of another name, not where anyone is."""
        after = self.text[draft.end:draft.end + 40]
        if after[:1] == " " and after[1:2].isupper() and not self._starts_mention(draft.end + 1):
            return True
        before = self.text[max(0, draft.start - 40):draft.start]
        words = before.split()
        if not before.endswith(" ") or not words or not words[-1][:1].isupper() or \
                not words[-1].isalpha():
            return False
        start = draft.start - 1 - len(words[-1])
        sentence = self.sentences[max(0, bisect_right(self.starts, draft.start) - 1)][0]
        return start > sentence and not self._ends_mention(draft.start - 1)

    def _starts_mention(self, pos: int) -> bool:
        index = bisect_left(self.drafts, pos, key=lambda d: d.start)
        return index < len(self.drafts) and self.drafts[index].start == pos

    def _ends_mention(self, pos: int) -> bool:
        return any(d.end == pos for d in self.drafts)

    def _destination(self, start: int) -> bool:
        words = [w for w in self.text[max(0, start - 30):start].split() if w.lower() not in self.g.articles]
        return bool(words) and words[-1].lower() in self.g.destinations

    def _national(self) -> bool:
        """Nearly every country the article names is the dateline's."""
        named = [self.country(d) for d in self.drafts if self.country(d)]
        foreign = sum(1 for c in named if c != self.home)
        return foreign <= FOREIGN_SHARE * len(named)

    def _home_fits(self, draft: Draft) -> bool:
        """No other country named in the role's paragraph: a foreign paragraph is not home news."""
        start, end = self._paragraph(draft.start)
        return all(self.country(d) in (None, self.home) for d in self._between(start, end, draft))

    def _paragraph(self, pos: int) -> tuple[int, int]:
        if self._paragraphs is None:
            self._paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(self.text)]
        paragraphs = self._paragraphs
        index = bisect_right(paragraphs, (pos, len(self.text) + 1)) - 1
        if index >= 0 and paragraphs[index][0] <= pos < paragraphs[index][1]:
            return paragraphs[index]
        return 0, len(self.text)
