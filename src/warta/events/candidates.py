"""Trigger × actor-pair candidates and the features a trained model decides them on.

Rules are exact where a construction is marked; what they cannot state — whether a noun like
"pertemuan" reports an event here, which of five countries in the sentence is its source — the
event model (`warta.events.model`) learns from annotated sentences. Every trigger the lexicons
find is paired with each actor group of its sentence as source and each other group (or none) as
target (a trigger with a between-phrase, "perjanjian antara Rusia dan Korea Utara", only among
the groups the phrase names); each candidate is described by sparse string features: the trigger
and its root, where each actor stands (side, distance, the word before it, its parse relation to
the trigger), what the word-order and parse rules chose, and the modality markers around it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from warta.events.matcher import Match
from warta.events.tokens import ActorGroup, SentenceView

MAX_GROUPS = 8  # actor groups of one sentence paired (the nearest to the trigger)
_DIST = ((1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (16, "9-16"))


@dataclass(frozen=True, slots=True)
class Candidate:
    match: Match
    source: ActorGroup
    target: ActorGroup | None
    features: tuple[str, ...]
    ruled: bool = False  # a hand-written rule fired on this trigger: its events stand, not the model's


def sentence_candidates(view: SentenceView, doc: Any, match: Match,
                        chosen: tuple[set[int], set[int]], modality: str,
                        between: set[int] | None = None) -> list[Candidate]:
    """Every (source, target) candidate for one trigger; `chosen` are the rules' source and target
    group indices (first token), `modality` the judge's reading of the trigger, `between` the
    groups of the trigger's between-phrase (`between_groups`), when it has one: then its source
    and target are among them."""
    groups = sorted(view.groups, key=lambda g: _distance(g, match))[:MAX_GROUPS]
    if between is not None:
        groups = [g for g in groups if g.first in between]
    base = _trigger_features(view, doc, match, modality, len(view.groups))
    out = []
    for source in groups:
        codes = {a.code for a in source.actors}
        for target in [None, *groups]:
            # the same actor again is no target; a different one of the same country is
            # ("pemerintah Irak" against "pemberontak Irak": a domestic event)
            if target is source or (target is not None and {a.code for a in target.actors} <= codes):
                continue
            feats = [*base, *_actor_features("s", view, doc, match, source, chosen[0])]
            if target is None:
                feats.append("t:none")
            else:
                feats += _actor_features("t", view, doc, match, target, chosen[1])
                feats.append(f"pair={_side(source, match)}{_side(target, match)}")
                if source.actors[0].code[:3] == target.actors[0].code[:3]:
                    feats.append("pair:same-country")
            out.append(Candidate(match, source, target, tuple(feats)))
    return out


def between_groups(view: SentenceView, match: Match, words: frozenset[str], idiom: frozenset[str],
                   coordinators: frozenset[str]) -> set[int] | None:
    """First tokens of the actor groups a trigger's between-phrase names: "perundingan senjata di
    antara keduanya", "perjanjian antara Rusia dan Korea Utara", "talks between Russia and North
    Korea". The phrase opens within three words after the trigger, outside any actor, and runs
    over groups joined by commas and coordinators; it counts when it names two actors or more (one
    group of two, "keduanya", or two groups). None when the trigger has no such phrase."""
    tokens = view.tokens
    opener = next((i for i in range(match.first + 1, min(match.last + 4, len(tokens)))
                   if tokens[i].low in words and view.group_of[i] < 0), None)
    if opener is None or (opener + 1 < len(tokens) and tokens[opener + 1].low in idiom):
        return None
    found: list[int] = []
    i = opener + 1
    while i < len(tokens) and view.group_of[i] >= 0:
        group = view.groups[view.group_of[i]]
        found.append(group.first)
        i = group.last + 1
        while i < len(tokens) and (tokens[i].low in coordinators or tokens[i].text == ","):
            i += 1
    actors = sum(len(view.groups[view.group_of[f]].actors) for f in found)
    return set(found) if found and actors >= 2 else None


def _trigger_features(view: SentenceView, doc: Any, match: Match, modality: str, n: int) -> list[str]:
    code = match.pattern.code
    word = view.tokens[match.first].low
    lexicon = match.pattern.rule.split(":", 1)[0]  # id-events-1, id-triggers-induced-1 ...
    feats = ["bias", f"root={code[:2]}", f"code={code}", f"trig={word}", f"lex={lexicon}",
             f"lexw={round(match.pattern.confidence, 1)}", f"lex-root={lexicon}-{code[:2]}",
             f"mod={modality}", f"passive={match.passive}", f"ngroups={min(n, 6)}",
             f"len={len(match.positions)}"]
    if match.first > 0:
        feats.append(f"trig-1={view.tokens[match.first - 1].low}")
    if doc is not None:
        head = doc[match.first]
        feats += [f"tpos={head.pos_}", f"tdep={head.dep_}", f"tpos-root={head.pos_}-{code[:2]}"]
    return feats


def _actor_features(role: str, view: SentenceView, doc: Any, match: Match, group: ActorGroup,
                    chosen: set[int]) -> list[str]:
    side = _side(group, match)
    code = group.actors[0].code
    feats = [f"{role}:side={side}", f"{role}:dist={side}{_bucket(_distance(group, match))}",
             f"{role}:agent={code[3:6] or 'none'}", f"{role}:known={not code.startswith('---')}",
             f"{role}:rule={group.first in chosen}", f"{role}:root-side={match.pattern.code[:2]}{side}"]
    if group.first > 0:
        before = view.tokens[group.first - 1].low
        feats += [f"{role}:prev={before}", f"{role}:prev-root={before}-{match.pattern.code[:2]}"]
    if doc is not None:
        feats += _parse_features(role, doc, match, group)
    return feats


def _parse_features(role: str, doc: Any, match: Match, group: ActorGroup) -> list[str]:
    """How the actor's head word hangs off the trigger in the parse."""
    inside = range(group.first, group.last + 1)
    head = next((doc[i] for i in inside if doc[i].head.i not in inside or doc[i].head.i == i),
                doc[group.first])
    trigger = doc[match.first]
    feats = [f"{role}:dep={head.dep_}"]
    if head.head.i in match.positions:
        feats += [f"{role}:child={head.dep_}", f"{role}:child-root={head.dep_}-{match.pattern.code[:2]}"]
    elif head.head.i == trigger.head.i:
        feats.append(f"{role}:sibling={head.dep_}")
    if trigger.head.i == head.i:
        feats.append(f"{role}:parent={trigger.dep_}")
    steps = _path_length(head, trigger)
    feats.append(f"{role}:path={_bucket(steps) if steps >= 0 else 'far'}")
    return feats


def _path_length(a: Any, b: Any) -> int:
    """Edges between two tokens through their lowest common head, or -1 past 8."""
    up: dict[int, int] = {}
    token, steps = a, 0
    while steps <= 8:
        up[token.i] = steps
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    token, steps = b, 0
    while steps <= 8:
        if token.i in up:
            return up[token.i] + steps
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    return -1


def _side(group: ActorGroup, match: Match) -> str:
    return "b" if group.last < match.first else "a"


def _distance(group: ActorGroup, match: Match) -> int:
    return match.first - group.last if group.last < match.first else max(1, group.first - match.last)


def _bucket(value: int) -> str:
    for limit, name in _DIST:
        if value <= limit:
            return name
    return "17+"
