"""Source and target of a trigger read off a dependency parse of its sentence.

The parse (`warta.syntax`, spaCy models trained on Universal Dependencies) runs over the coder's
own tokens, so token `i` of the parse is token `i` of the `SentenceView`. Roles follow UD:
- source: the trigger's `nsubj`; for a passive (`nsubj:pass`, `aux:pass`, or an Indonesian di-
  form), the agent: an `obl`/`obl:agent` with "oleh"/"by", or the bare agent right after an
  Indonesian di- verb ("ditangkap polisi Chad"); for a clause with no subject of its own, the
  subject of the verb it hangs off (`xcomp`, `conj`, purpose `advcl`), and for a relative clause
  (`acl`) the noun it modifies. A nominal trigger ("serangan Israel", "Israeli attack") takes a
  genitive (`nmod`/`nmod:poss`/`amod`/`compound` with no case marker) as its agent.
- target: the trigger's `obj`/`iobj`, or an `obl`/`nmod` whose case marker is one of the
  language's `target_cases` (ke, kepada, terhadap, dengan, atas, ...; to, with, against, on, ...),
  never a place marked locative ("di", "in").
A trigger that modifies a noun before it ("sanctioned goods", `amod`) is no predicate: no event.
A dependent names an actor when an actor group covers it or, failing that, its subtree (not
crossing into another clause). What the parse cannot fill is left to the word-order rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warta.events.patterns import Markers
from warta.events.roles import Found, Roles
from warta.events.tokens import ActorGroup, SentenceView

CLAUSAL = frozenset({"acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "conj", "root"})
SUBJECT_FROM_HEAD = frozenset({"xcomp", "conj", "advcl"})  # a clause that shares its head's subject
GENITIVE = frozenset({"nmod", "nmod:poss", "amod", "compound", "flat"})
AGENT_DEPS = frozenset({"obl:agent", "obl", "nmod"})
BARE_AGENT_DEPS = frozenset({"obj", "nsubj", "compound", "flat", "nmod", "obl", "appos"})
PHRASE_DEPTH = 2  # dependents below a role's head word searched for its actor
MAX_CLIMB = 3  # heads a subject-less clause may climb ("berupaya untuk mencoba memperoleh")


@dataclass(frozen=True, slots=True)
class ParsedRoles:
    source: Found | None
    target: Found | None
    passive: bool
    modifier: bool = False  # a prenominal modifier ("sanctioned goods"), not a predicate


class ParseRoles:
    """Role reading over one parsed sentence, for one language's markers."""

    def __init__(self, markers: Markers, roles: Roles) -> None:
        self.target_cases = markers["target_cases"]
        self.agent_cases = markers["passive_by"]
        self.locative = markers["locative"]
        self.roles = roles

    def read(self, view: SentenceView, doc: Any, positions: tuple[int, ...],
             passive_form: bool) -> ParsedRoles:
        """Roles of the trigger spanning `positions` (token indices of `view` and `doc`)."""
        head = _phrase_head(doc, positions)
        if head.dep_ == "amod" and head.i < head.head.i:
            return ParsedRoles(None, None, False, modifier=True)
        passive = passive_form or any(c.dep_ in ("nsubj:pass", "aux:pass") for c in head.children)
        if passive:
            source = self._agent(view, head)
            target = self._first(view, head, {"nsubj:pass", "nsubj"}, positions)
        else:
            source = self._subject(view, head, positions)
            target = self._object(view, head, positions)
        if source is not None and target is not None and source.groups == target.groups:
            target = None
        return ParsedRoles(source, target, passive)

    def _subject(self, view: SentenceView, head: Any, positions: tuple[int, ...]) -> Found | None:
        token = head
        for _ in range(MAX_CLIMB + 1):
            found = self._first(view, token, {"nsubj", "csubj"}, positions)
            if found is not None:
                return self._expand_left(view, found)
            if token.dep_.startswith("acl"):  # "pasukan yang menyerang": the noun it modifies
                return self._group_of(view, token.head, positions)
            if token.pos_ in ("NOUN", "PROPN") and token.i == head.i:
                genitive = self._first(view, token, GENITIVE, positions, no_case=True)
                if genitive is not None:
                    return genitive
            if token.dep_.split(":")[0] not in SUBJECT_FROM_HEAD or token.head.i == token.i:
                return None
            token = token.head
        return None

    def _object(self, view: SentenceView, head: Any, positions: tuple[int, ...]) -> Found | None:
        direct = self._first(view, head, {"obj", "iobj"}, positions)
        if direct is not None:
            return self._expand_right(view, direct)
        for child in head.children:
            if child.dep_.split(":")[0] in ("obl", "nmod") and child.i not in positions:
                case = _case(child)
                if case in self.target_cases and case not in self.locative:
                    found = self._group_of(view, child, positions)
                    if found is not None:
                        return self._expand_right(view, found)
        return None

    def _agent(self, view: SentenceView, head: Any) -> Found | None:
        positions = (head.i,)
        for child in head.children:
            if child.dep_ in AGENT_DEPS and (child.dep_ == "obl:agent" or _case(child) in self.agent_cases):
                return self._group_of(view, child, positions)
        nxt = head.i + 1  # "ditangkap polisi Chad": the bare agent of an Indonesian di- passive
        if nxt < len(view.tokens) and view.group_at(nxt) is not None:
            token = head.doc[nxt]
            if token.head.i == head.i and token.dep_ in BARE_AGENT_DEPS and not _case(token):
                return self._group_of(view, token, positions)
        return None

    def _first(self, view: SentenceView, head: Any, deps: set[str] | frozenset[str],
               positions: tuple[int, ...], no_case: bool = False) -> Found | None:
        for child in head.children:
            if child.dep_ in deps and child.i not in positions and not (no_case and _case(child)):
                found = self._group_of(view, child, positions)
                if found is not None:
                    return found
        return None

    def _group_of(self, view: SentenceView, token: Any, positions: tuple[int, ...]) -> Found | None:
        """The actor group covering `token`, else the nearest one inside its phrase."""
        for candidate in _phrase_tokens(token):
            if candidate.i in positions:
                continue
            group = view.group_at(candidate.i)
            if group is not None:
                return Found((group,))
        return None

    def _expand_left(self, view: SentenceView, found: Found) -> Found:
        return self.roles.expand_left(view, _last_group(found))

    def _expand_right(self, view: SentenceView, found: Found) -> Found:
        return self.roles.expand_right(view, found.groups[0])


def _last_group(found: Found) -> ActorGroup:
    return found.groups[-1]


def _phrase_head(doc: Any, positions: tuple[int, ...]) -> Any:
    """The token of a multiword trigger whose head lies outside it ("kerja sama": "kerja")."""
    inside = set(positions)
    for i in positions:
        token = doc[i]
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return doc[positions[0]]


def _case(token: Any) -> str:
    for child in token.children:
        if child.dep_ == "case":
            return str(child.text).casefold()
    return ""


def _phrase_tokens(token: Any) -> Iterator[Any]:
    """`token`, then its bare dependents breadth-first, two levels deep: "pejabat Rusia" is
    Russian officials, but "kesepakatan antara Rusia dan Korea Utara" is no Russian agreement
    (a dependent with a case marker, or a clause, is another role)."""
    queue = [(token, 0)]
    while queue:
        current, depth = queue.pop(0)
        yield current
        if depth < PHRASE_DEPTH:
            queue += [(c, depth + 1) for c in current.children if c.dep_.split(":")[0] not in CLAUSAL
                      and c.dep_ not in ("case", "punct") and not _case(c)]
