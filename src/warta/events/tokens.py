"""One sentence as the coder sees it: tokens with offsets, and the actor mentions over them.

Actor mentions with the same span form one group (coreference such as "keduanya" may carry two
codes); a mention inside a longer one is dropped so "Presiden Rusia Vladimir Putin" counts once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from warta.article import ActorMention, EventActor, Sentence
from warta.syntax.conllu import TOKEN

# the same tokens the shipped parsers were trained on (one pattern, defined with the treebank re-cut)
_TOKEN = TOKEN


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorGroup:
    """One actor span over tokens `first..last`, with every code it stands for."""

    first: int
    last: int
    actors: tuple[EventActor, ...]


@dataclass(frozen=True)
class SentenceView:
    """Tokens of one sentence and, per token, the actor group it belongs to (or -1)."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    groups: tuple[ActorGroup, ...]
    group_of: tuple[int, ...]

    def group_at(self, index: int) -> ActorGroup | None:
        if 0 <= index < len(self.tokens) and self.group_of[index] >= 0:
            return self.groups[self.group_of[index]]
        return None


def tokenize(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.group().casefold(), m.start(), m.end())
                 for m in _TOKEN.finditer(text, start, end))


def build_view(text: str, sentence: Sentence, mentions: Sequence[ActorMention]) -> SentenceView:
    """The coder's view of one sentence; `mentions` are the article's actors inside it."""
    tokens = tokenize(text, sentence.start, sentence.end)
    spans: dict[tuple[int, int], list[EventActor]] = {}
    for mention in _outermost(mentions):
        actor = EventActor(mention.code, mention.text, mention.start, mention.end, mention.country,
                           mention.role)
        codes = spans.setdefault((mention.start, mention.end), [])
        if all(a.code != actor.code for a in codes):
            codes.append(actor)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    group_of = [-1] * len(tokens)
    groups: list[ActorGroup] = []
    for (start, end), actors in sorted(spans.items()):
        # the tokens overlapping [start, end), found by bisection: linear in the sentence overall
        covered = list(range(bisect_right(ends, start), bisect_left(starts, end)))
        if not covered or any(group_of[i] >= 0 for i in covered):
            continue
        tail = text[end:tokens[covered[-1]].end].casefold()
        if tokens[covered[0]].start != start or tail not in ("", "'s", "’s"):
            continue  # "government-held", "pro-Russia": part of a word ("China's" is China)
        for i in covered:
            group_of[i] = len(groups)
        groups.append(ActorGroup(covered[0], covered[-1], tuple(actors)))
    return SentenceView(sentence, tokens, tuple(groups), tuple(group_of))


def _outermost(mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions not strictly inside a longer one (same-span mentions are all kept)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[ActorMention] = []
    reach_start, reach_end = -1, -1
    for mention in ordered:
        same = mention.start == reach_start and mention.end == reach_end
        if mention.end <= reach_end and not same:
            continue
        kept.append(mention)
        reach_start, reach_end = mention.start, mention.end
    return kept
