"""Code the events of one article: triggers → roles → modality → `Event` records.

A sentence that reports a match (two words of the language's sports list,
`lang/<code>/sports_words.txt`, built from the sections of PANL-BPPT and CLICK-ID) has no events.
Per sentence: find triggers (matcher), then for each its source and target (roles), passives
swapped ("ditangkap oleh aparat Chad": Chad is the source), compounds expanded, a reciprocal
pattern with a compound subject and no target coded both ways; then the modality. A trigger in
the untuk/agar complement of an appeal or demand takes that event's target as its actor and is
hypothetical. A clause whose subject is "Pernyataan tersebut" (no actor, a demonstrative)
inherits the previous sentence's source. Speech verbs are events only when what they report
carries no event of its own, and a sentence gives each event once (a verb and its noun naming one
visit are one event).

Rules where they are exact, a model where they are not: a hand-written pattern (events.toml) that
fires gives its events; every other trigger — a lexicon row (PETRARCH2's verbs, the induced
Indonesian lexicon) or a hand-written pattern whose roles the rules could not fill — is decided by
the event model over its actor-pair candidates (`warta.events.candidates`, `warta.events.model`),
and its `rule` names the model, the pattern and the score. Only sentences with a trigger are
parsed; the parse marks prenominal modifiers ("sanctioned goods") as no event, fills roles for
lexicon triggers, and gives the model its features.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from warta.article import ActorMention, Event, EventActor, Sentence, Trigger
from warta.events.candidates import Candidate, between_groups, sentence_candidates
from warta.events.fill import BACKGROUND, RoleFill, RoleFiller
from warta.events.matcher import Match, Matcher
from warta.events.modality import Judgement, ModalityJudge
from warta.events.model import EventModel
from warta.events.ontology import Ontology
from warta.events.patterns import PatternSet
from warta.events.roles import Found, Roles
from warta.events.syntax_roles import ParseRoles
from warta.events.tokens import SentenceView, build_view

# parses sentences over the coder's own tokens (token i of a view is token i of its parse), in a batch
Parser = Callable[[Sequence[SentenceView]], list[Any]]

SPORTS_WORDS = 2  # distinct sports words that make a sentence a sports report (no events)
NO_TARGET_PENALTY = 0.15  # confidence lost when the target is unresolved
INHERITED_PENALTY = 0.2  # ... and when the source came from the previous sentence
ACCUSE = "112"


class LanguageCoder:
    """Event coding for one language: its patterns, morphology, role and modality rules."""

    def __init__(self, patterns: PatternSet, matcher: Matcher, ontology: Ontology,
                 parser: Parser | None = None, model: EventModel | None = None,
                 sports: frozenset[str] = frozenset()) -> None:
        self.patterns = patterns
        self.sports = sports  # lang/<code>/sports_words.txt
        self.matcher = matcher
        self.ontology = ontology
        self.m = patterns.markers
        self.roles = Roles(self.m, matcher)
        self.judge = ModalityJudge(self.m, self.roles)
        self.parser = parser
        self.model = model
        self.parse_roles = ParseRoles(self.m, self.roles)
        self.filler = RoleFiller(self.m, self.roles, matcher, self.parse_roles)

    def code(self, text: str, sentences: Sequence[Sentence], actors: Sequence[ActorMention],
             collect: list[Candidate] | None = None) -> list[Event]:
        """Events of an article, sentence by sentence, in text order; `collect` gathers every
        model candidate (for training)."""
        events: list[Event] = []
        previous: Found | None = None
        views = [build_view(text, s, inside) for s, inside in _actors_by_sentence(sentences, actors)]
        matches = [[] if self._sports(view) else self.matcher.find(view) for view in views]
        # one batch parse (faster per token than one by one) of the sentences that need it
        wanted = [view for view, found in zip(views, matches, strict=True)
                  if found and self.parser is not None and self._needs_parse(text, view, found)]
        parsed = self.parser(wanted) if self.parser is not None and wanted else []
        docs = dict(zip(map(id, wanted), parsed, strict=True))
        for view, found in zip(views, matches, strict=True):
            coded, previous = self._code_sentence(text, view, found, docs.get(id(view)), previous, collect)
            events += coded
        return events

    def _code_sentence(self, text: str, view: SentenceView, matches: list[Match], doc: Any,
                       previous: Found | None,
                       collect: list[Candidate] | None = None) -> tuple[list[Event], Found | None]:
        fills: list[RoleFill | None] = []
        events: list[tuple[Match, Event]] = []
        last_source = previous
        for index, match in enumerate(matches):
            fill = self.filler.fill(view, match, matches[:index], fills, previous)
            exact = match.pattern.rule.startswith(f"{self.patterns.version}:")
            reading = None  # the parse's reading of this trigger, made at most once
            if doc is not None and exact:
                fill = self.filler.reported_subject(view, doc, match, fill)
            elif doc is not None:
                reading = self.parse_roles.read(view, doc, match.positions, match.passive)
                fill = self.filler.with_parse(reading, fill)
            fills.append(fill)
            if fill is not None and fill.source is not None:
                last_source = fill.source
            produced = self._rule_events(text, view, match, fill)
            if (self.model is None and collect is None) or (fill is not None and fill.complement) \
                    or (exact and produced and collect is None) or fill is BACKGROUND:
                events += [(match, e) for e in produced]  # a hand-written rule that fired is exact
                continue
            if doc is not None:
                reading = reading or self.parse_roles.read(view, doc, match.positions, match.passive)
                if reading.modifier:
                    continue  # "sanctioned goods": a prenominal modifier, no predicate
            modality = self.judge.judge(view, match, fill.subject if fill else None, False).modality
            between = between_groups(view, match, self.m["between"], self.m["between_idiom"],
                                     self.m["coordinators"])
            candidates = sentence_candidates(view, doc, match, _chosen(fill), modality, between)
            if collect is not None:
                ruled = exact and bool(produced)
                collect.extend(dataclasses.replace(c, ruled=ruled) if ruled else c for c in candidates)
            if self.model is None or (exact and produced):
                events += [(match, e) for e in produced]
            else:
                events += [(match, e) for e in self._model_events(text, view, match, candidates)]
        return _drop_statements_and_repeats(events), last_source

    def _sports(self, view: SentenceView) -> bool:
        return sports_report((t.low for t in view.tokens), self.sports)

    def _needs_parse(self, text: str, view: SentenceView, matches: list[Match]) -> bool:
        """Whether any trigger of the sentence reads the parse: a lexicon trigger, one the model
        decides (no hand-written rule fired), or one a speech verb may report. A sentence whose
        hand-written rules all fired, with no speech verb, is coded without it (the parse is most
        of the stage's time)."""
        if any(t.low in self.m["report_verbs"] for t in view.tokens):
            return True
        fills: list[RoleFill | None] = []
        for index, match in enumerate(matches):
            if not match.pattern.rule.startswith(f"{self.patterns.version}:"):
                return True
            fill = self.filler.fill(view, match, matches[:index], fills, None)
            fills.append(fill)
            if fill is not BACKGROUND and not (fill is not None and fill.complement) \
                    and not self._rule_events(text, view, match, fill):
                return True
        return False

    def _rule_events(self, text: str, view: SentenceView, match: Match, fill: RoleFill | None) -> list[Event]:
        if fill is None or fill.source is None:
            return []
        out = []
        judgement = self.judge.judge(view, match, fill.subject, fill.complement)
        for source, target in _pairs(fill, match.pattern.reciprocal):
            event = self._event(text, view, match, source, target, judgement.modality,
                                judgement.reporter, fill, judgement.intent)
            accusation = self._accusation(event, judgement)
            if accusation is not None:
                # the speaker's claim is the event coded, as PETRARCH codes it: the attack it
                # alleges is not also counted as a reported event (same trigger and evidence)
                out.append(accusation)
            elif target is not None or not match.pattern.needs_target:
                out.append(event)
        return out

    def _model_events(self, text: str, view: SentenceView, match: Match,
                      candidates: list[Candidate]) -> list[Event]:
        """The model's events for one trigger: its best candidates at or above its threshold, within
        what the pattern allows (a target when it needs one; a place — "di PBB" — as target only
        when the pattern says so, never as source)."""
        assert self.model is not None
        pattern = match.pattern
        allowed = [c for c in candidates if not (pattern.needs_target and c.target is None)
                   and not self.roles.locative(view, c.source.first) and not (
            c.target is not None and not pattern.place_target and self.roles.locative(view, c.target.first))]
        out: list[Event] = []
        for p, cand in self.model.decide([(self.model.probability(c.features), c) for c in allowed]):
            source = Found((cand.source,))
            target = Found((cand.target,)) if cand.target is not None else None
            fill = RoleFill(source, target, source)
            judgement = self.judge.judge(view, match, source, False)
            for s, t in _pairs(fill, False):
                event = self._event(text, view, match, s, t, judgement.modality, judgement.reporter,
                                    fill, judgement.intent)
                out.append(dataclasses.replace(event, confidence=round(p, 2),
                                               rule=f"{self.model.name}:{match.pattern.rule}:p={p:.2f}"))
        return out

    def _accusation(self, event: Event, judgement: Judgement) -> Event | None:
        """'The US said that Iraq attacked ...': saying someone used force is accusing them (112),
        as PETRARCH codes it; only for material conflict the speaker reports, not repeats."""
        reporter, source = judgement.reporter, event.source
        if judgement.via != "complement" or event.quad_class != 4 or reporter is None \
                or source is None or event.modality != "reported" \
                or reporter.code[:3] == source.code[:3]:  # own side's attack, or a claim of it
            return None
        kind = self.ontology.get(ACCUSE)
        return dataclasses.replace(
            event, code=kind.code, root=kind.root, name=kind.name, quad_class=kind.quad_class,
            goldstein=kind.goldstein, plover=kind.plover, source=reporter, target=source,
            modality="asserted", reporter=None, confidence=round(event.confidence * 0.7, 2),
            rule=f"{self.patterns.version}:accuse-reported")

    def _event(self, text: str, view: SentenceView, match: Match, source: EventActor,
               target: EventActor | None, modality: str, reporter: EventActor | None,
               fill: RoleFill, intent: bool = False) -> Event:
        code = match.pattern.code
        rule = match.pattern.rule
        if intent and self.ontology.intent_code(code) != code:
            code, rule = self.ontology.intent_code(code), f"{rule}+intent"
        kind = self.ontology.get(code)
        start, end = view.tokens[match.first].start, view.tokens[match.last].end
        confidence = match.pattern.confidence
        confidence -= NO_TARGET_PENALTY if target is None else 0.0
        confidence -= INHERITED_PENALTY if fill.inherited else 0.0
        return Event(code=kind.code, root=kind.root, name=kind.name, quad_class=kind.quad_class,
                     goldstein=kind.goldstein, plover=kind.plover, source=source, target=target,
                     trigger=Trigger(text[start:end], start, end), sentence=view.sentence,
                     modality=modality, reporter=reporter, confidence=round(max(confidence, 0.05), 2),
                     rule=rule)


def sports_report(words: Iterable[str], sports: frozenset[str]) -> bool:
    """A match report: "Chelsea beat Liverpool", "Persija menjamu Persib di Stadion GBK" (lower-case
    words). CAMEO has no code for it, and its teams read as the countries and cities they are
    named after."""
    found: set[str] = set()
    for word in words:
        if word in sports:
            found.add(word)
            if len(found) >= SPORTS_WORDS:
                return True
    return False


def _actors_by_sentence(sentences: Sequence[Sentence],
                        actors: Sequence[ActorMention]) -> list[tuple[Sentence, list[ActorMention]]]:
    """Each sentence with the actor mentions inside it (sentences without any are left out), in
    one pass over both sorted lists: linear in the article, however many sentences it has."""
    ordered = sorted(actors, key=lambda a: a.start)
    out, i = [], 0
    for sentence in sorted(sentences, key=lambda s: s.start):
        while i < len(ordered) and ordered[i].start < sentence.start:
            i += 1
        j, inside = i, []
        while j < len(ordered) and ordered[j].start < sentence.end:
            if ordered[j].end <= sentence.end:
                inside.append(ordered[j])
            j += 1
        if inside:
            out.append((sentence, inside))
    return out


def _chosen(fill: RoleFill | None) -> tuple[set[int], set[int]]:
    """First tokens of the groups the rules chose as source and target."""
    if fill is None:
        return set(), set()
    return ({g.first for g in fill.source.groups} if fill.source else set(),
            {g.first for g in fill.target.groups} if fill.target else set())


def _pairs(fill: RoleFill, reciprocal: bool) -> list[tuple[EventActor, EventActor | None]]:
    """Source × target over compounds; a reciprocal compound with no target, both ways."""
    sources = [a for g in fill.source.groups for a in g.actors] if fill.source else []
    targets = [a for g in fill.target.groups for a in g.actors] if fill.target else []
    # "kerja sama bilateral mereka": a target that is the subject again is no target
    targets = [t for t in targets if all((t.start, t.end) != (s.start, s.end) for s in sources)]
    if targets and {t.code for t in targets} <= {s.code for s in sources}:
        targets = []
    if not targets and reciprocal and len({s.code for s in sources}) > 1:
        return [(s, t) for s in sources for t in sources if s.code != t.code]
    if not targets:
        return [(s, None) for s in sources]
    return [(s, t) for s in sources for t in targets if s.code != t.code]


def _drop_statements_and_repeats(events: list[tuple[Match, Event]]) -> list[Event]:
    """A speech verb is not an event of its own when its sentence reports one; a sentence gives
    each event once, as GDELT counts one event however often its article names it. Once: one code
    between the same two actors ("terdakwa ... ditangkap ... terdakwa"); and one international
    event named twice ("mengunjungi ... kunjungan kenegaraan", a verb and its noun), which is a
    second trigger's event of the same root between the same two countries, with other actor
    subcodes. A hand-written rule's event is kept over the model's, and of two model events the
    likelier. One trigger's events (compound actors, both directions of a meeting) and domestic
    events of other actors, whose subcodes are what tells them apart (the government and the
    parliament), are not repeats."""
    ranked = sorted(range(len(events)),
                    key=lambda i: (_from_model(events[i][1]), -events[i][1].confidence, i))
    kept: set[int] = set()
    seen: set[tuple[str, str, str]] = set()
    pairs: dict[tuple[str, str, str], int] = {}  # international (root, source, target) -> trigger start
    reports_an_event = any(not m.pattern.statement for m, _ in events)
    for i in ranked:
        match, event = events[i]
        if match.pattern.statement and reports_an_event:
            continue
        key = (event.code, event.source.code if event.source else "",
               event.target.code if event.target else "")
        pair = _international(event)
        if key in seen or (pair is not None and pairs.get(pair, event.trigger.start) != event.trigger.start):
            continue
        seen.add(key)
        if pair is not None:
            pairs.setdefault(pair, event.trigger.start)
        kept.add(i)
    return [e for i, (_, e) in enumerate(events) if i in kept]


def _from_model(event: Event) -> bool:
    return ":p=" in event.rule  # the model's score, which `_model_events` writes into its rule


def _international(event: Event) -> tuple[str, str, str] | None:
    """(root, source country, target country) of an event between two known, different countries."""
    if event.source is None or event.target is None:
        return None
    source, target = event.source.code[:3], event.target.code[:3]
    if "---" in (source, target) or source == target:
        return None
    return event.root, source, target
