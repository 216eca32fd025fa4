"""Which places the trigger governs, read from a dependency parse ("ditangkap di sebuah rumah di Mosul").

Distance and commas guess wrong where a sentence nests clauses: in "mengumumkan bahwa Haroun akan
diperiksa di wilayah Sudan" the place belongs to the examination, not to the announcement, and in
"ditahan saat mereka menyaksikan ... pada sebuah rumah di ibukota Dhaka" a word the clause rule
stops at ("saat") stands between the arrest and its place. The parse says it directly: a place
phrase belongs to the first predicate above it that it reaches through nominal links (a noun it
modifies, an apposition, a conjunct) and at most one argument link; a clausal link ends the search.
Then, for one trigger: its own places come first (`governed`); a place of an adverbial, purpose
or coordinated clause under it ("ditahan saat ... menyaksikan ... di Dhaka") shares its scene
(`nested`); a place of a complement or relative clause under it ("mengumumkan bahwa ... diperiksa
di Sudan"), or of a clause beside it, is another event's (`foreign`). A clause above the trigger
is none of these: the clause rules in locate.py decide for it.

A statement, an appeal, a promise or talks (`verbal`) is about its object and the clauses under it:
a place inside them is the topic's ("membahas perkembangan situasi di Papua", talks held in New
York; "berjanji akan membangun istana di Jayapura", a promise made elsewhere), so it is `foreign`,
unless the clause is marked as happening with the event ("mengatakan saat meninjau ... di Bekasi").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from warta.geo.places import PlacePhrase
from warta.syntax.conllu import TOKEN

# Links that stay inside one noun phrase: a place under them describes the noun above it.
NOMINAL = frozenset({"nmod", "appos", "compound", "flat", "amod", "nummod", "det", "fixed", "case",
                     "nmod:poss", "flat:name", "compound:plur", "dep"})
# A link from a noun phrase to its predicate: the noun phrase's place is the predicate's.
ARGUMENT = frozenset({"obl", "obj", "iobj", "nsubj", "nsubj:pass", "obl:tmod", "obl:agent", "advmod",
                      "obl:npmod", "expl", "dislocated", "vocative"})
ARGUMENT_HEADS = frozenset(r.split(":")[0] for r in ARGUMENT)
# The links of what a verbal event is about: a place modifying its object names the topic's place.
TOPIC = frozenset({"obj", "nsubj:pass", "iobj"})
NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
# Clauses under a trigger that happen where it does: "ditahan saat menyaksikan", "berpawai untuk mendukung".
SAME_SCENE = frozenset({"advcl", "xcomp", "conj"})


@dataclass(frozen=True, slots=True)
class Attachment:
    """The sentence's place phrases as the parse attaches them to one trigger."""

    governed: tuple[PlacePhrase, ...]  # the trigger's own, nearest link first
    nested: tuple[PlacePhrase, ...]  # of a clause under it that shares its scene
    foreign: frozenset[tuple[int, int]]  # (start, end) of places another event's clause has


def words_of(text: str, start: int, end: int) -> tuple[list[str], list[bool], list[int]]:
    """The sentence's tokens as the event coder cuts them (the parsers' training tokens): words,
    whether a space follows each, and each one's start offset."""
    matches = list(TOKEN.finditer(text, start, end))
    words = [m.group() for m in matches]
    spaces = [i + 1 < len(matches) and matches[i + 1].start() > m.end() for i, m in enumerate(matches)]
    return words, spaces, [m.start() for m in matches]


def attach(doc: Any, starts: Sequence[int], trigger: tuple[int, int],
           phrases: Sequence[PlacePhrase], verbal: frozenset[str] | None = None) -> Attachment:
    """Which of `phrases` (one sentence's) the trigger at `trigger` (character span) governs. For a
    verbal event, `verbal` holds the marks of a clause that happens with it ("saat", "while")."""
    trigger_tokens = {i for i, s in enumerate(starts) if trigger[0] <= s < trigger[1]}
    if not trigger_tokens or len(doc) != len(starts):
        return Attachment((), (), frozenset())
    above_trigger = set()
    for index in trigger_tokens:
        above_trigger |= _ancestors(doc, index)
    governed: list[tuple[int, PlacePhrase]] = []
    nested: list[PlacePhrase] = []
    foreign: set[tuple[int, int]] = set()
    for phrase in phrases:
        head = _head_token(doc, starts, phrase)
        if head is None:
            continue
        predicate, hops, link = _predicate(doc, head, trigger_tokens)
        if predicate in trigger_tokens:
            if verbal is not None and hops > 1 and link in TOPIC:
                foreign.add((phrase.start, phrase.end))  # inside what is said or discussed
            else:
                governed.append((hops, phrase))
        elif predicate in above_trigger:
            continue
        elif _same_scene(doc, predicate, trigger_tokens) and (
                verbal is None or _marked(doc, predicate, trigger_tokens, verbal)):
            nested.append(phrase)
        else:
            foreign.add((phrase.start, phrase.end))
    governed.sort(key=lambda item: item[0])
    return Attachment(tuple(p for _, p in governed), tuple(nested), frozenset(foreign))


def _same_scene(doc: Any, index: int, trigger_tokens: set[int]) -> bool:
    """Whether the clause at `index` hangs under the trigger by adverbial, purpose or coordinate
    links only (a complement, a relative clause or another branch says no)."""
    seen = {index}
    while index not in trigger_tokens:
        token = doc[index]
        relation = token.dep_.split(":")[0]
        # a relative clause on the trigger noun itself describes it ("konferensi yang diadakan di Madrid")
        describes = relation == "acl" and token.head.i in trigger_tokens and token.head.pos_ in NOUNS
        if token.head.i in seen or (relation not in SAME_SCENE and not describes):
            return False
        index = token.head.i
        seen.add(index)
    return True


def _marked(doc: Any, index: int, trigger_tokens: set[int], marks: frozenset[str]) -> bool:
    """Whether a clause between `index` and the trigger opens with one of `marks` ("saat")."""
    while index not in trigger_tokens:
        if any(c.dep_ == "mark" and c.text.casefold() in marks for c in doc[index].children):
            return True
        if doc[index].head.i == index:
            return False
        index = doc[index].head.i
    return False


def _head_token(doc: Any, starts: Sequence[int], phrase: PlacePhrase) -> int | None:
    """The phrase's token whose head lies outside it (the name's head word)."""
    first = bisect_right(starts, phrase.start) - 1
    last = bisect_right(starts, phrase.end - 1) - 1
    if first < 0 or last < first:
        return None
    inside = range(first, last + 1)
    return next((i for i in inside if doc[i].head.i not in inside or doc[i].head.i == i), first)


def _predicate(doc: Any, index: int, stop: set[int]) -> tuple[int, int, str]:
    """(the token the noun phrase at `index` belongs to, how many links up, the last link's
    relation): climbs nominal links, then one argument link; a clausal link, or a verb conjunct,
    ends the climb where it is."""
    hops = 0
    seen = {index}
    relation = ""
    while index not in stop:
        token = doc[index]
        head = token.head.i
        relation = token.dep_
        if head == index or head in seen:
            return index, hops, relation
        nominal = relation in NOMINAL or (relation == "conj" and token.pos_ in NOUNS)
        if not nominal and relation.split(":")[0] not in ARGUMENT_HEADS:
            return head if head in stop else index, hops, relation  # a clause boundary
        hops += 1
        seen.add(head)
        index = head
        if not nominal and index not in stop:
            return index, hops, relation  # an argument reaches its predicate: the climb ends there
    return index, hops, relation


def _ancestors(doc: Any, index: int) -> set[int]:
    out: set[int] = set()
    while doc[index].head.i != index and doc[index].head.i not in out:
        index = doc[index].head.i
        out.add(index)
    return out
