"""Who is the source and who the target of a trigger, from word order and function words.

Source: the nearest actor before the trigger that is a subject, i.e. not governed by a
preposition or a verb ("mencoba mengunjungi Korea Utara untuk meyakinkan ...": Korea Utara is
the visit's object, so the appeal's subject is found further left). The search stops at clause
boundaries ("bahwa", "setelah", ";"); a trigger inside a relative clause ("... yang
menyerang") takes the noun before "yang"; a comma-enclosed ", yang ... ," is skipped.
Target: the first actor after the trigger that is not a place ("di PBB"), within the clause.
Compounds expand along "dan"/"," lists; "X, Y," with no "dan" is an apposition, one actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.events.matcher import Matcher
from warta.events.patterns import Markers
from warta.events.tokens import ActorGroup, SentenceView

# words after a trigger a target may be; "kekhawatiran dari AS mengenai ... keduanya" needs 12
TARGET_WINDOW = 16


@dataclass(frozen=True, slots=True)
class Found:
    """A role filler: the actor groups (a compound) and where the first one starts."""

    groups: tuple[ActorGroup, ...]

    @property
    def first(self) -> int:
        return min(g.first for g in self.groups)

    @property
    def last(self) -> int:
        return max(g.last for g in self.groups)


class Roles:
    """Role search for one language's markers."""

    def __init__(self, markers: Markers, matcher: Matcher) -> None:
        self.m = markers
        self.matcher = matcher
        self.subject_stops = (markers["boundaries"] | markers["complementizers"]
                              | frozenset({";", ":", "(", "“", "\"", "—"}))
        self.target_stops = (markers["boundaries"] | markers["relative"] | markers["report_after"]
                             | frozenset({",", ";", ":", "(", ")", "—"}))

    def subject(self, view: SentenceView, before: int) -> Found | None:
        """The subject of a trigger at token `before`, searching leftwards."""
        tokens = view.tokens
        i = before - 1
        origin: Found | None = None  # "juru runding dari Korea Utara": used when nothing better
        while i >= 0:
            group = view.group_at(i)
            if group is not None:
                found = self.expand_left(view, group)
                if i == before - 1 and not self.matcher.indonesian:
                    return found  # "in Israeli tank shelling": the adjective is the agent
                if not self.governed(view, found.first):
                    rel = self._relative_start(view, found.first)
                    return found if rel < 0 else self._relative_head(view, rel)
                if origin is None and self._previous_word(view, found.first) in self.m["origin_preps"]:
                    origin = found
                i = found.first - 1
                continue
            low = tokens[i].low
            if low in self.m["relative"]:
                return self._relative_head(view, i)
            if low == "," and self._closes_relative(view, i):
                i = self._relative_open(view, i) - 1
                continue
            if low in self.subject_stops or (low == "mana" and i > 0 and tokens[i - 1].low == "di"):
                return origin
            i -= 1
        return origin

    def after_preposition(self, view: SentenceView, first: int) -> bool:
        """True when the trigger word is governed by a preposition ("dalam penindasan") or is a
        noun after an article or number ("the first such attack", "1994 genocide")."""
        if self.matcher.is_verb_like(view.tokens[first]):
            return False  # "dengan menembakkan roket": a verb after a preposition is still a verb
        if first > 0:
            before = view.tokens[first - 1].low
            if before in self.m["noun_markers"] or before.isdigit():
                return True
        word = self._previous_word(view, first)
        if word in self.m["purpose"] or word in self.m["hypothetical"] or word in self.m["intent"]:
            return False  # "untuk menyerang", "to attack", "akan menyerang": verbs
        return word in self.m["object_preps"] or word in self.m["locative"]

    def _previous_word(self, view: SentenceView, first: int) -> str:
        j = first - 1
        while j >= 0 and view.tokens[j].low in self.m["determiners"]:
            j -= 1
        return view.tokens[j].low if j >= 0 else ""

    def _relative_start(self, view: SentenceView, first: int) -> int:
        """Index of a comma-less 'yang' the actor at `first` sits in ("Israel yang menyamar
        sebagai orang Palestina membunuh ..."), or -1."""
        j = first - 1
        while j >= 0:
            token = view.tokens[j]
            if token.low in self.m["relative"]:
                return j
            if token.low in self.subject_stops or token.low == "," or view.group_at(j) is not None:
                return -1
            j -= 1
        return -1

    def object_after(self, view: SentenceView, after: int, through: bool = False,
                     stop_at_purpose: bool = True, span_end: int = -1) -> Found | None:
        """The first non-place actor after token `after` within the clause.

        Stop words inside the trigger itself (up to `span_end`) do not end the search:
        "berupaya untuk memperoleh amunisi dari pihak Korea Utara".
        """
        tokens = view.tokens
        stops = self.target_stops - (self.m["complementizers"] if through else frozenset())
        if stop_at_purpose:
            stops = stops | self.m["purpose"]
        i = after + 1
        while i < len(tokens) and i - after <= TARGET_WINDOW:
            group = view.group_at(i)
            if group is not None:
                if self._locative(view, group.first):
                    i = group.last + 1
                    continue
                return self.expand_right(view, group)
            # "to Israel" is a preposition, "to help" a purpose clause
            if tokens[i].low in stops and i > span_end and not (
                    tokens[i].low in self.m["purpose"] and self._actor_next(view, i)):
                return None
            i += 1
        return None

    def place_after(self, view: SentenceView, after: int) -> Found | None:
        """The first actor after `after` in the clause that stands after a locative ("in Iran")."""
        for i in range(after + 1, min(len(view.tokens), after + 1 + TARGET_WINDOW)):
            group = view.group_at(i)
            if group is not None:
                return self.expand_right(view, group) if self._locative(view, group.first) else None
            if view.tokens[i].low in self.target_stops:
                return None
        return None

    def agent_after(self, view: SentenceView, after: int, markers: frozenset[str]) -> Found | None:
        """The actor after the first agent marker ("oleh", "by", "dari") following `after`."""
        tokens = view.tokens
        for i in range(after + 1, min(len(tokens), after + TARGET_WINDOW)):
            if tokens[i].low in markers:
                j = self._skip_determiners(view, i + 1)
                group = view.group_at(j)
                return self.expand_right(view, group) if group else None
            if tokens[i].low in self.target_stops:
                return None
        return None

    def genitive(self, view: SentenceView, last: int) -> Found | None:
        """The actor right after a noun ("serangan Israel"), or after its "oleh"/"dari"."""
        j = self._skip_determiners(view, last + 1)
        if j < len(view.tokens) and view.tokens[j].low in self.m["passive_by"] | self.m["origin_preps"]:
            j = self._skip_determiners(view, j + 1)
        group = view.group_at(j)
        return self.expand_right(view, group) if group else None

    def governed(self, view: SentenceView, first: int) -> bool:
        """True when the word before an actor (past determiners) is a preposition or a verb."""
        j = first - 1
        while j >= 0 and view.tokens[j].low in self.m["determiners"]:
            j -= 1
        if j < 0:
            return False
        token = view.tokens[j]
        if token.low in self.m["object_preps"] or self.matcher.is_verb_like(token):
            return True
        if token.text[:1].isupper() or token.low in self.m["report_verbs"]:
            return False
        patterns = self.matcher.patterns
        return token.low in patterns.by_word or any(
            lemma in patterns.by_lemma for lemma in self.matcher.lemmas(token))

    def expand_left(self, view: SentenceView, group: ActorGroup) -> Found:
        """'Amerika Serikat, Jepang, Korea Selatan, dan Inggris' from 'Inggris'."""
        groups = [group]
        listing = False
        while True:
            j = groups[0].first - 1
            link = []
            while j >= 0 and view.tokens[j].low in ({","} | self.m["coordinators"]):
                link.append(view.tokens[j].low)
                j -= 1
            previous = view.group_at(j)
            if not link or previous is None:
                break
            listing = listing or any(w in self.m["coordinators"] for w in link)
            if not listing:
                break  # "X, Y": an apposition, Y already names the actor
            groups.insert(0, previous)
        return Found(tuple(groups))

    def expand_right(self, view: SentenceView, group: ActorGroup) -> Found:
        groups = [group]
        while True:
            j = groups[-1].last + 1
            link = []
            while j < len(view.tokens) and view.tokens[j].low in ({","} | self.m["coordinators"]):
                link.append(view.tokens[j].low)
                j += 1
            j = self._skip_determiners(view, j)
            following = view.group_at(j)
            if not link or following is None:
                break
            groups.append(following)
        return Found(tuple(groups))

    def _actor_next(self, view: SentenceView, i: int) -> bool:
        return view.group_at(self._skip_determiners(view, i + 1)) is not None

    def _skip_determiners(self, view: SentenceView, j: int) -> int:
        while j < len(view.tokens) and view.tokens[j].low in self.m["determiners"]:
            j += 1
        return j

    def locative(self, view: SentenceView, first: int) -> bool:
        """Whether the actor starting at `first` is a place ("di PBB", "in Geneva")."""
        return self._locative(view, first)

    def _locative(self, view: SentenceView, first: int) -> bool:
        j = first - 1
        while j >= 0 and view.tokens[j].low in self.m["determiners"]:
            j -= 1
        return j >= 0 and view.tokens[j].low in self.m["locative"]

    def _relative_head(self, view: SentenceView, rel: int) -> Found | None:
        j = rel - 1
        while j >= 0 and view.tokens[j].low == ",":
            j -= 1
        group = view.group_at(j)
        return self.expand_left(view, group) if group else None

    def _closes_relative(self, view: SentenceView, comma: int) -> bool:
        return self._relative_open(view, comma) >= 0

    def _relative_open(self, view: SentenceView, comma: int) -> int:
        """Index of the ',' opening a ', yang ... ,' that `comma` closes, or -1."""
        j = comma - 1
        while j > 0 and view.tokens[j].low not in (",", ";"):
            if view.tokens[j].low in self.m["relative"] and view.tokens[j - 1].low == ",":
                return j - 1
            j -= 1
        # "The Syrian Observatory, a UK-based group that tracks the war, said": an apposition
        # after an actor, opened by an article, is skipped like a relative clause
        if j > 0 and view.tokens[j].low == "," and j + 1 < comma and \
                view.tokens[j + 1].low in self.m["apposition"] and view.group_at(j - 1) is not None:
            return j
        return -1
