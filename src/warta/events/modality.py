"""Whether the text asserts an event, reports someone's claim, denies it, or only speculates.

Negation and hypothetical markers count between the subject and the trigger (and in a phrase's
gaps): "Korea Utara mungkin sedang mempertimbangkan memberikan ..." is hypothetical. An intent
marker there ("akan", "berupaya", "will", "are seeking to") is not: by CAMEO's convention an
expressed intent, pledge or threat is the event, asserted, and the coder recodes a material
trigger to its intent code (03x, 13x). A
conditional anywhere before the trigger, or being the complement of an appeal, demand, promise
or threat ("mengimbau Korea Utara untuk menghentikan ..."), is hypothetical too. Reported: an
unnamed-source word before the trigger ("dilaporkan"), a "kata X" / "menurut X" / "according to X"
anywhere in the sentence, or a speech verb whose complement holds the trigger ("Kirby
menyampaikan bahwa ..."). Priority: negated > hypothetical > reported > asserted.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice

from warta.article import EventActor
from warta.events.matcher import Match
from warta.events.patterns import Markers
from warta.events.roles import Found, Roles
from warta.events.tokens import SentenceView

# words before a trigger a negation or modal may stand in ("mungkin sedang mempertimbangkan memberikan")
MARKER_REACH = 6
REPORTER_REACH = 4  # words between "kata"/"menurut" and the reporter ("kata seorang jurubicara militer")


@dataclass(frozen=True, slots=True)
class Judgement:
    modality: str
    reporter: EventActor | None
    via: str = ""  # how it is reported: "complement" (X said that ...), "after", "unnamed", "trailing"
    intent: bool = False  # an intent marker scopes over the trigger: the event is the intent


@dataclass(frozen=True, slots=True)
class _Marks:
    """Sorted token indices of a sentence's marker words, so each trigger bisects instead of
    scanning the sentence (linear in a sentence of a thousand clauses, not quadratic)."""

    report_after: list[int]
    reported: list[int]
    report_trailing: list[int]
    commas: list[int]
    # where the backward search for a speech verb stops or looks: a speech verb, or a boundary
    # that is not a complementizer
    report_stops: list[int]
    first_conditional: int  # len(tokens) when the sentence has none


class ModalityJudge:
    """Modality rules for one language's markers."""

    def __init__(self, markers: Markers, roles: Roles) -> None:
        self.m = markers
        self.roles = roles
        self._marked: tuple[SentenceView, _Marks] | None = None

    def judge(self, view: SentenceView, match: Match, subject: Found | None,
              complement: bool) -> Judgement:
        region = self._region(view, match, subject)
        gaps = [i for i in range(match.first, match.last) if i not in match.positions]
        reporter, via = self._reporter(view, match, subject)
        if any(view.tokens[i].low in self.m["negation"] for i in region + gaps):
            return Judgement("negated", reporter, via)
        if complement or (not match.pattern.modal_ok and self._hypothetical(view, match, region)):
            return Judgement("hypothetical", reporter, via)
        intent = any(view.tokens[i].low in self.m["intent"] for i in region + gaps)
        if via:
            return Judgement("reported", reporter, via, intent)
        return Judgement("asserted", None, intent=intent)

    def _region(self, view: SentenceView, match: Match, subject: Found | None) -> list[int]:
        """Token indices whose markers scope over the trigger: from the subject (or the clause
        start) to the trigger, at most MARKER_REACH words, not across a comma."""
        if subject is not None and subject.last < match.first:
            start = max(subject.last + 1, match.first - MARKER_REACH)
            for i in range(match.first - 1, start - 1, -1):
                if view.tokens[i].low == ",":  # "... tidak bisa dibenarkan, dan berharap ...": a new clause
                    start = i + 1
                    break
        else:  # no subject before the trigger: back to the clause's start
            start = match.first
            while start > 0 and view.group_at(start - 1) is None \
                    and view.tokens[start - 1].low not in self.roles.subject_stops | {","}:
                start -= 1
        return list(range(start, match.first))

    def _hypothetical(self, view: SentenceView, match: Match, region: list[int]) -> bool:
        tokens = view.tokens
        if any(tokens[i].low in self.m["hypothetical"] for i in region):
            return True
        if any(tokens[i].low in self.m["hypothetical_after_be"] and i > 0
               and tokens[i - 1].low in self.m["be_words"] for i in region):
            return True  # "is prepared to talk": readiness; "prepared to attend": getting ready
        return self._marks(view).first_conditional < match.first

    def _reporter(self, view: SentenceView, match: Match,
                  subject: Found | None) -> tuple[EventActor | None, str]:
        tokens = view.tokens
        taken = set(match.positions)
        marks = self._marks(view)
        for i in marks.report_after:
            if i not in taken:
                return self._actor_after(view, i), "after"
        edge = subject.first if subject and subject.first < match.first else match.first
        stops = marks.report_stops
        for i in (stops[j] for j in range(bisect_left(stops, edge) - 1, -1, -1)):
            if tokens[i].low in self.m["report_verbs"] and i not in taken:
                return _first_actor(self.roles.subject(view, i)), "complement"
            if tokens[i].low in self.m["boundaries"] and tokens[i].low not in self.m["complementizers"]:
                break  # "..., an AFP correspondent said, two weeks after rebels kidnapped ..."
        if any(i not in taken for i in islice(marks.reported, bisect_left(marks.reported, match.first))):
            return None, "unnamed"
        # "..., an army spokeswoman said Monday": a speech verb after the trigger and a comma
        at = bisect_left(marks.commas, match.last)
        comma = marks.commas[at] if at < len(marks.commas) else len(tokens)
        at = bisect_right(marks.report_trailing, max(match.last, comma))
        if at < len(marks.report_trailing):
            return _first_actor(self.roles.subject(view, marks.report_trailing[at])), "trailing"
        return None, ""

    def _marks(self, view: SentenceView) -> _Marks:
        """Where a sentence's reporting words and commas stand, found once per sentence (a
        sentence with many triggers is read once, not once per trigger)."""
        if self._marked is None or self._marked[0] is not view:
            low = [t.low for t in view.tokens]
            speech, boundaries = self.m["report_verbs"], self.m["boundaries"]
            stops = boundaries - self.m["complementizers"]
            conditional = self.m["conditional"]
            found = _Marks(
                report_after=[i for i, w in enumerate(low) if w in self.m["report_after"]],
                reported=[i for i, w in enumerate(low) if w in self.m["reported"]],
                report_trailing=[i for i, w in enumerate(low) if w in self.m["report_trailing"]],
                commas=[i for i, w in enumerate(low) if w == ","],
                report_stops=[i for i, w in enumerate(low) if w in speech or w in stops],
                first_conditional=next((i for i, w in enumerate(low) if w in conditional), len(low)))
            self._marked = (view, found)
        return self._marked[1]

    def _actor_after(self, view: SentenceView, marker: int) -> EventActor | None:
        for j in range(marker + 1, min(len(view.tokens), marker + 1 + REPORTER_REACH)):
            group = view.group_at(j)
            if group is not None:
                return group.actors[0]
        return None


def _first_actor(found: Found | None) -> EventActor | None:
    return found.groups[0].actors[0] if found else None
