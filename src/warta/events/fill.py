"""Which actor groups fill a trigger's roles: the word-order reading, and the parse beside it.

Tried in order of how marked the construction is: the untuk/agar complement of an appeal or
promise (its actor is the appeal's target or source, `governs`), a passive and its agent, a
nominal with its agent after it ("kecaman AS"), a genitive nominal ("kunjungan Menteri Shoigu"),
a noun after a preposition or article (a background mention, no predicate), an English ", -ing"
clause sharing its subject, then the plain subject and object; a clause whose subject is only a
demonstrative ("Pernyataan tersebut") inherits the previous sentence's source. The parse then
fills what the reading left empty for lexicon triggers, and gives a speech verb's complement its
own subject ("X mengatakan Y telah V": Y, not X).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from warta.events.matcher import Match, Matcher
from warta.events.patterns import Markers
from warta.events.roles import Found, Roles
from warta.events.syntax_roles import ParsedRoles, ParseRoles
from warta.events.tokens import SentenceView

INHERIT_REACH = 5  # words before the trigger in which "Pernyataan tersebut" may stand
GOVERNOR_REACH = 16  # words between an appeal or promise and a trigger in its untuk/agar complement


@dataclass(frozen=True, slots=True)
class RoleFill:
    source: Found | None
    target: Found | None
    subject: Found | None  # what modality scopes from (the patient, for passives)
    complement: bool = False
    inherited: bool = False
    background: bool = False  # a noun after a preposition or article: a mention, not a predicate


BACKGROUND = RoleFill(None, None, None, background=True)


class RoleFiller:
    """Role filling for one language's markers."""

    def __init__(self, markers: Markers, roles: Roles, matcher: Matcher, parse_roles: ParseRoles) -> None:
        self.m = markers
        self.roles = roles
        self.matcher = matcher
        self.parse_roles = parse_roles

    def fill(self, view: SentenceView, match: Match, before: Sequence[Match],
             fills: Sequence[RoleFill | None], previous: Found | None) -> RoleFill | None:
        """Source and target of one trigger, tried in order of how marked the construction is;
        None when the trigger word is a noun with no agent of its own."""
        pattern = match.pattern
        governor = self._governor(view, match, before, fills)
        if governor is not None:
            gov_match, gov_fill = governor
            actor = gov_fill.target if gov_match.pattern.governs == "object" else gov_fill.source
            target = self.roles.object_after(view, match.first, pattern.target_through,
                                             span_end=match.last)
            return RoleFill(actor or gov_fill.source, target, None, complement=True)
        if match.passive:
            # "a mortar was fired at it from the Gaza Strip": a pattern's own agent markers count
            agent = self.roles.agent_after(view, match.last, self.m["passive_by"] | pattern.agent_after)
            patient = self.roles.subject(view, match.first)
            return RoleFill(agent, patient, patient)
        nxt = match.last + 1
        if pattern.agent_after and nxt < len(view.tokens) and view.tokens[nxt].low in pattern.agent_after:
            agent = self.roles.agent_after(view, match.last, pattern.agent_after)
            if agent is not None:
                target = self.roles.object_after(view, agent.last, pattern.target_through)
                return RoleFill(agent, target, None)
        if self.matcher.is_nominal(view.tokens[match.first]):
            agent = self.roles.genitive(view, match.last)  # "kunjungan Menteri Shoigu", "kecaman AS"
            if agent is None:
                return None
            target = self.roles.object_after(view, agent.last, pattern.target_through)
            return RoleFill(agent, target, None)
        if self.roles.after_preposition(view, match.first):
            return BACKGROUND  # "the first such attack", "in 1994 genocide": a noun, not a predicate
        participle = _participle_clause(view, match, before, fills)
        if participle is not None:  # "Insurgents bombarded Aleppo, killing eight": same subject
            target = self.roles.object_after(view, match.first, pattern.target_through,
                                             span_end=match.last)
            return RoleFill(participle, target, participle)
        subject = self.roles.subject(view, match.first)
        target = self.roles.object_after(view, match.first, pattern.target_through,
                                         span_end=match.last)
        if target is None and pattern.place_target:
            target = self.roles.place_after(view, match.last)
        if subject is None and previous is not None and self._anaphoric(view, match):
            return RoleFill(previous, target, None, inherited=True)
        return RoleFill(subject, target, subject)

    def reported_subject(self, view: SentenceView, doc: Any, match: Match,
                          fill: RoleFill | None) -> RoleFill | None:
        """'X mengatakan Y telah V', 'X said Y had V-ed': Y is the source of V and X only its
        reporter. The word-order reading passes over Y (the speech verb's object) to X; the parse
        gives V the subject of its own clause, when that subject stands after the speech verb."""
        if fill is None or fill.source is None or fill.complement or fill.inherited or match.passive:
            return fill
        speech = [i for i in range(fill.source.last + 1, match.first)
                  if view.tokens[i].low in self.m["report_verbs"]]
        if not speech:
            return fill
        parsed = self.parse_roles.read(view, doc, match.positions, False)
        if parsed.source is None or parsed.source.first <= speech[-1]:
            return fill
        return RoleFill(parsed.source, fill.target, parsed.source)

    def with_parse(self, parsed: ParsedRoles, fill: RoleFill | None) -> RoleFill | None:
        """Roles of a lexicon trigger: the parse fills what the word-order reading left empty
        (the model weighs both); a prenominal modifier ("sanctioned goods") is no event. A
        hand-written pattern keeps its word-order roles, which on the look parts were the more
        precise (the parse found subjects inside noun phrases the rules had ruled out:
        "kesepakatan antara Rusia dan Korea Utara akan melanggar ...")."""
        if fill is not None and (fill.complement or fill.inherited):
            return fill
        if parsed.modifier:
            return None
        source = fill.source if fill is not None and fill.source is not None else parsed.source
        target = fill.target if fill is not None and fill.target is not None else parsed.target
        if source is None:
            return fill
        if target is not None and target.groups == source.groups:
            target = None
        subject = fill.subject if fill is not None and fill.source is not None else (
            target if parsed.passive else source)
        return RoleFill(source, target, subject)

    def _governor(self, view: SentenceView, match: Match, before: Sequence[Match],
                  fills: Sequence[RoleFill | None]) -> tuple[Match, RoleFill] | None:
        """The appeal/demand/promise whose untuk/agar/to-complement holds this trigger."""
        for gov, fill in zip(reversed(before), reversed(fills), strict=True):
            if match.first - gov.last > GOVERNOR_REACH:
                return None  # a complement sits right after its appeal: bounded, so linear in the sentence
            between = [t.low for t in view.tokens[gov.last + 1: match.first]]
            if any(w in self.roles.subject_stops or w in self.m["relative"] for w in between):
                return None
            if gov.pattern.governs and fill is not None and fill.source is not None \
                    and any(w in self.m["purpose"] for w in between):
                return gov, fill
        return None

    def _anaphoric(self, view: SentenceView, match: Match) -> bool:
        """'Pernyataan tersebut juga mengimbau ...': a demonstrative subject, no actor."""
        if match.first > INHERIT_REACH:
            return False  # checked before the slice: a trigger deep in a long sentence costs nothing
        return any(t.low in self.m["demonstratives"] for t in view.tokens[: match.first])


def _participle_clause(view: SentenceView, match: Match, before: Sequence[Match],
                       fills: Sequence[RoleFill | None]) -> Found | None:
    """The source of the previous event when this trigger is an English ', -ing' clause."""
    token = view.tokens[match.first]
    if match.first == 0 or view.tokens[match.first - 1].low != "," or not token.low.endswith("ing"):
        return None
    for fill in reversed(fills):
        if fill is not None and fill.source is not None:
            return fill.source
    return None
