"""Find event triggers in a sentence through the compiled index: one lookup per word.

At each word the phrases its forms start are tried, longest first; the longest match wins and
the words it spans cannot start another trigger ("meyakinkan pihak Pyongyang agar menjual
amunisi" is one appeal, not an appeal plus a sale). A gap never crosses a clause boundary or
another verb, so "mengimbau Korea Utara untuk menghentikan perundingan" is not an appeal to talk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from warta.events.affixes import load_affixes
from warta.events.morphology import Analysis
from warta.events.patterns import Element, Pattern, PatternSet
from warta.events.tokens import SentenceView, Token


class Morphology(Protocol):
    def analyze(self, word: str) -> tuple[Analysis, ...]: ...


@dataclass(frozen=True, slots=True)
class Match:
    """One trigger: the pattern, the words it matched (token indices) and its voice."""

    pattern: Pattern
    positions: tuple[int, ...]
    passive: bool

    @property
    def first(self) -> int:
        return self.positions[0]

    @property
    def last(self) -> int:
        return self.positions[-1]


class Matcher:
    """Trigger finding for one language."""

    def __init__(self, patterns: PatternSet, morphology: Morphology) -> None:
        self.patterns = patterns
        self.morphology = morphology
        m = patterns.markers
        self.gap_stops = (m["boundaries"] | m["complementizers"] | m["relative"] | m["report_after"]
                          | frozenset({",", ";", ":", "(", ")", "\"", "“", "”"}))
        self.not_verbs = m["not_verbs"]
        self.light_verbs = m["light_verbs"]
        self.be_words = m["be_words"]
        self.indonesian = patterns.language == "id"
        # meN-/di-/ber-/ter- ... from lang/id/morphology.toml (`verb_prefixes`)
        self.verb_prefixes = load_affixes(patterns.language).verb_prefixes if self.indonesian else ()
        # word lists the nominal and passive tests read (lang/<code>/events.toml [markers])
        self.nominal_clitics = _longest_first(m["nominal_clitics"])
        self.nominal_suffixes = _longest_first(m["nominal_suffixes"])
        self.nominal_not_prefixes = _longest_first(m["nominal_not_prefixes"])
        self.passive_fallback_prefixes = _longest_first(m["passive_fallback_prefixes"])
        self.reduced_passive_endings = _longest_first(m["reduced_passive_endings"])
        self.reduced_passive_after = m["reduced_passive_after"]
        self.passive_skip = m["passive_skip"]
        self.passive_skip_endings = _longest_first(m["passive_skip_endings"])

    def lemmas(self, token: Token) -> frozenset[str]:
        return frozenset(a.root for a in self.morphology.analyze(token.low))

    def find(self, view: SentenceView) -> list[Match]:
        """Non-overlapping triggers of `view`, left to right. A word of an actor's name is no
        trigger: "Menteri Pertahanan Rusia" holds the root of "tahan" (detain), "pasukan penjaga
        perdamaian" that of "damai"."""
        tokens = view.tokens
        found: list[Match] = []
        i = 0
        while i < len(tokens):
            best = self._best_at(tokens, i) if view.group_of[i] < 0 else None
            if best is None:
                i += 1
                continue
            found.append(best)
            i = best.last + 1
        return found

    def is_verb_like(self, token: Token) -> bool:
        """A lowercase meN-/di-/ber-/ter- word: a verb, so an actor after it is its object."""
        if not self.indonesian or not token.text[:1].islower() or token.low in self.not_verbs:
            return False
        return len(token.low) > 4 and token.low.startswith(self.verb_prefixes)

    def is_nominal(self, token: Token) -> bool:
        """An Indonesian -an noun ("serangan", "penangkapan"): its agent follows it, if any."""
        low = _strip_suffix(token.low, self.nominal_clitics)
        if not self.indonesian or not low.endswith(self.nominal_suffixes) \
                or low.startswith(self.nominal_not_prefixes):
            return False
        return any(a.root != low for a in self.morphology.analyze(low))

    def _best_at(self, tokens: tuple[Token, ...], i: int) -> Match | None:
        token = tokens[i]
        candidates = list(self.patterns.by_word.get(token.low, ()))
        single = _single(token.low)
        if single != token.low:
            candidates += self.patterns.by_word.get(single, ())
        for analysis in self.morphology.analyze(token.low):
            candidates += self.patterns.by_lemma.get(analysis.root, ())
        best: Match | None = None
        for pattern, phrase in candidates:
            positions = self._match(tokens, i, phrase)
            if positions is None:
                continue
            passive = self._passive(tokens, i)
            if passive and pattern.active_only:
                continue
            match = Match(pattern, positions, passive)
            if best is None or _better(match, best, f"{self.patterns.version}:"):
                best = match
        return best

    def _accepts(self, element: Element, token: Token) -> bool:
        if token.low in element.words or _single(token.low) in element.words:
            return True
        return bool(element.lemmas) and not element.lemmas.isdisjoint(self.lemmas(token))

    def _match(self, tokens: tuple[Token, ...], i: int,
               phrase: tuple[Element, ...]) -> tuple[int, ...] | None:
        if not self._accepts(phrase[0], tokens[i]):
            return None
        positions = [i]
        j, k = i + 1, 1
        while k < len(phrase):
            element = phrase[k]
            if element.gap:
                target = phrase[k + 1]
                hit = self._after_gap(tokens, j, element.gap, target)
                if hit is None:
                    return None
                positions.append(hit)
                j, k = hit + 1, k + 2
            elif j < len(tokens) and self._accepts(element, tokens[j]):
                positions.append(j)
                j, k = j + 1, k + 1
            else:
                return None
        return tuple(positions)

    def _after_gap(self, tokens: tuple[Token, ...], j: int, gap: int, target: Element) -> int | None:
        for pos in range(j, min(j + gap + 1, len(tokens))):
            if self._accepts(target, tokens[pos]):
                return pos
            low = tokens[pos].low
            if low in self.gap_stops or (self.is_verb_like(tokens[pos]) and low not in self.light_verbs):
                return None
        return None

    def _passive(self, tokens: tuple[Token, ...], i: int) -> bool:
        token = tokens[i]
        analyses = self.morphology.analyze(token.low)
        if self.indonesian:
            if any(a.root == token.low and not a.prefix for a in analyses):
                return False
            return any(a.passive for a in analyses) or (
                token.low.startswith(self.passive_fallback_prefixes) and token.text[:1].islower()
                and token.low not in self.not_verbs and len(token.low) > 5)
        if not any(a.prefix == "en" for a in analyses):
            return False
        if i + 1 < len(tokens) and tokens[i + 1].low in self.reduced_passive_after \
                and token.low.endswith(self.reduced_passive_endings):
            return True  # "officials accused of ...", "a city seized by ...": a reduced passive
        for back in range(i - 1, max(i - 4, -1), -1):
            low = tokens[back].low
            if low in self.be_words:
                return True  # "was seized"; "has seized" never gets here: "has" is no be_word
            if not low.endswith(self.passive_skip_endings) and low not in self.passive_skip:
                return False
        return False


def _better(a: Match, b: Match, own: str) -> bool:
    """A hand-written pattern (its rule starts with `own`) beats a lexicon row starting on the same
    word — warta's patterns override PETRARCH's and the induced ones ("arrested ten protesters" is
    the hand-written arrest, 173, not PETRARCH's "apprehend ... protesters", 175); then longer
    phrases beat shorter ones, then the more specific (longer) CAMEO code."""
    key_a = (a.pattern.rule.startswith(own), len(a.positions), a.last - a.first, len(a.pattern.code))
    key_b = (b.pattern.rule.startswith(own), len(b.positions), b.last - b.first, len(b.pattern.code))
    return key_a > key_b


def _single(word: str) -> str:
    """The word of a full reduplication ("perundingan-perundingan", a plural): an exact-word
    pattern ("=perundingan") names the word, and its plural is the same trigger. Any other word
    is itself."""
    head, dash, tail = word.partition("-")
    return head if dash and head == tail else word


def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    """A marker set as a tuple for startswith/endswith; longest first, so stripping is stable."""
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _strip_suffix(word: str, suffixes: tuple[str, ...]) -> str:
    """`word` without the first of `suffixes` it ends in (at most one is stripped)."""
    for suffix in suffixes:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word
