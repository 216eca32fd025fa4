"""Read UD CoNLL-U treebanks into sentences tokenized the way warta tokenizes, and into spaCy Docs.

Why re-tokenize: the parser is used over warta's own tokens (the event coder's regex, copied in
`TOKEN` below), not over UD's. UD splits "Russia's" into "Russia" + "'s", writes "bukunya" as a
multiword token "buku" + "nya", and keeps "U.S." or "3,000" whole, where warta's regex does the
opposite. A parser trained on UD tokens and run on warta tokens would meet token shapes it never
saw, so the treebank is brought to warta's tokens first, in two steps, both sound as trees:

1. Multiword tokens (`6-7 menyetujuinya`) become their surface token; empty nodes (`1.1`, enhanced
   graphs only) are dropped, since no basic-tree head points at one.
2. The surface text is re-cut with `TOKEN`. A surface token that the regex splits ("U.S." ->
   "U" "." "S" ".") keeps its annotation on its first piece; the other pieces attach to it as
   `goeswith` with UPOS `X`, which is exactly UD's relation for one word written in parts. Surface
   tokens that one regex token spans ("Russia" + "'s") are merged.

Merging a group of words (steps 1 and 2 alike) keeps the annotation of its *shallowest* member
(nearest the root; the first one on a tie): for "menyetujuinya" that is "menyetujui" (advcl; "nya",
its obj, is inside), for "Russia's" it is "Russia" (nmod:poss), for "don't" the first of the two
siblings "do"/"n't" (aux). Words elsewhere whose head was any member now point at the merged token.
Choosing the shallowest member cannot make a cycle: a group's new head is the group of its
shallowest member's parent, which holds a strictly shallower word, so depth falls along every
head chain. What is lost is the relation of a non-shallowest member that pointed outside the group
("n't" as advmod); for event coding, the relation that matters (the verb's, the noun's) survives.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from warta.errors import InputError

# The event coder's tokens (warta.events.tokens reads this pattern): the parser sees what it codes.
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|n't|[^\w\s]")
UPOS = frozenset({"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
                  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"})


@dataclass(frozen=True, slots=True)
class Word:
    """One token of a sentence; `head` is a 0-based index into the sentence, -1 for the root."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str  # "Number=Sing|Person=3", "" when none
    head: int
    deprel: str  # UD relation with subtype ("nmod:poss"); "root" for the root
    space_after: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    sent_id: str
    text: str
    words: tuple[Word, ...]


def read_conllu(path: Path) -> Iterator[Sentence]:
    """The sentences of a (gzipped) CoNLL-U file, multiword tokens collapsed to surface tokens."""
    opener: Any = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            block: list[str] = []
            count = 0
            for line in handle:
                line = line.rstrip("\n")
                if line.strip():
                    block.append(line)
                    continue
                if block:
                    count += 1
                    yield _parse_block(block, f"{path.name}#{count}")
                    block = []
            if block:
                yield _parse_block(block, f"{path.name}#{count + 1}")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: {exc}") from exc


def _parse_block(lines: list[str], fallback_id: str) -> Sentence:
    sent_id, text = fallback_id, ""
    words: list[dict[str, Any]] = []
    units: list[tuple[str, bool, list[int]]] = []  # surface form, SpaceAfter, indices of its words
    mwt_end = 0  # last word id covered by the current multiword token
    for line in lines:
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "sent_id":
                sent_id = value.strip()
            elif key.strip() == "text":
                text = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise InputError(f"{fallback_id}: not 10 columns: {line[:80]!r}")
        wid, form, lemma, upos, xpos, feats, head, deprel, _deps, misc = cols
        space_after = "SpaceAfter=No" not in misc.split("|")
        if "." in wid:
            continue  # empty node of the enhanced graph
        if "-" in wid:
            first, last = (int(part) for part in wid.split("-"))
            mwt_end = last
            units.append((form, space_after, list(range(first - 1, last))))
            continue
        index = int(wid) - 1
        if index != len(words):
            raise InputError(f"{sent_id}: word ids out of order at {wid}")
        words.append({"form": form, "lemma": "" if lemma == "_" and form != "_" else lemma,
                      "upos": upos if upos in UPOS else "X", "xpos": "" if xpos == "_" else xpos,
                      "feats": "" if feats == "_" else feats, "head": int(head) - 1,
                      "deprel": deprel, "space_after": space_after})
        if int(wid) > mwt_end:
            units.append((form, space_after, [index]))
    heads = [w["head"] for w in words]
    groups = [members for _, _, members in units]
    new_heads, reps = contract(heads, groups)
    out = tuple(Word(form=form, lemma=words[rep]["lemma"], upos=words[rep]["upos"], xpos=words[rep]["xpos"],
                     feats=words[rep]["feats"], head=head, deprel=words[rep]["deprel"], space_after=space)
                for (form, space, _), rep, head in zip(units, reps, new_heads, strict=True))
    return Sentence(sent_id, text, out)


def contract(heads: Sequence[int], groups: Sequence[Sequence[int]]) -> tuple[list[int], list[int]]:
    """Merge each group of nodes of a tree into one node: (head group per group, representative).

    `heads[i]` is node i's parent (-1 for the root); `groups` partitions the nodes. The
    representative is the group's shallowest member (first on a tie); the group's head is the group
    of the representative's parent, -1 for the root's group. See the module docstring for why this
    always gives a tree.
    """
    group_of = [-1] * len(heads)
    for g, members in enumerate(groups):
        for node in members:
            group_of[node] = g
    if -1 in group_of:
        raise ValueError("groups do not cover every node")
    depth = _depths(heads)
    reps = [min(members, key=lambda node: (depth[node], node)) for members in groups]
    new_heads = [-1 if heads[rep] < 0 else group_of[heads[rep]] for rep in reps]
    return new_heads, reps


def _depths(heads: Sequence[int]) -> list[int]:
    depth = [-1] * len(heads)
    for start in range(len(heads)):
        path: list[int] = []
        node = start
        while node >= 0 and depth[node] < 0:
            if len(path) > len(heads):
                raise ValueError("head cycle")
            path.append(node)
            node = heads[node]
            if node >= len(heads):
                raise ValueError("head out of range")
        base = -1 if node < 0 else depth[node]
        for offset, item in enumerate(reversed(path), start=1):
            depth[item] = base + offset
    return depth


def retokenize(sentence: Sentence, pattern: re.Pattern[str] = TOKEN) -> Sentence:
    """The sentence cut into `pattern`'s tokens (split with goeswith, merged by `contract`)."""
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for word in sentence.words:
        spans.append((position, position + len(word.form)))
        text_parts.append(word.form + (" " if word.space_after else ""))
        position += len(text_parts[-1])
    text = "".join(text_parts)
    # Pieces: each inside one word and one regex token. piece = (start, end, word, token).
    pieces: list[tuple[int, int, int, int]] = []
    word_index = 0
    for token_index, match in enumerate(pattern.finditer(text)):
        while word_index < len(spans) and spans[word_index][1] <= match.start():
            word_index += 1
        w = word_index
        while w < len(spans) and spans[w][0] < match.end():
            start, end = max(spans[w][0], match.start()), min(spans[w][1], match.end())
            if start < end:
                pieces.append((start, end, w, token_index))
            w += 1
    first_piece: dict[int, int] = {}
    for p, (_, _, w, _) in enumerate(pieces):
        first_piece.setdefault(w, p)
    if len(first_piece) != len(sentence.words):
        raise ValueError(f"{sentence.sent_id}: a token has no text the tokenizer keeps")
    piece_heads = []
    for p, (_, _, w, _) in enumerate(pieces):
        if first_piece[w] != p:
            piece_heads.append(first_piece[w])
        else:
            head = sentence.words[w].head
            piece_heads.append(-1 if head < 0 else first_piece[head])
    groups: dict[int, list[int]] = {}
    for p, (_, _, _, t) in enumerate(pieces):
        groups.setdefault(t, []).append(p)
    members = list(groups.values())
    new_heads, reps = contract(piece_heads, members)
    words: list[Word] = []
    for group, rep, head in zip(members, reps, new_heads, strict=True):
        start, end = pieces[group[0]][0], pieces[group[-1]][1]
        source = sentence.words[pieces[rep][2]]
        space = end < len(text) and text[end].isspace()
        if first_piece[pieces[rep][2]] == rep:
            words.append(replace(source, form=text[start:end], head=head, space_after=space))
        else:
            words.append(Word(form=text[start:end], lemma=text[start:end], upos="X", xpos="", feats="",
                              head=head, deprel="goeswith", space_after=space))
    return Sentence(sentence.sent_id, sentence.text, tuple(words))


def to_doc(vocab: Any, sentence: Sentence) -> Any:
    """A spaCy Doc with the sentence's words, spaces, UPOS, tag, lemma, morph, heads and deps."""
    from spacy.tokens import Doc

    words = sentence.words
    return Doc(vocab, words=[w.form for w in words], spaces=[w.space_after for w in words],
               pos=[w.upos for w in words], tags=[w.xpos for w in words],
               lemmas=[w.lemma for w in words], morphs=[w.feats for w in words],
               heads=[i if w.head < 0 else w.head for i, w in enumerate(words)],
               deps=["ROOT" if w.head < 0 else w.deprel for w in words])


def read_treebanks(paths: Iterable[Path], warta_tokens: bool = True) -> Iterator[Sentence]:
    """Sentences of several treebank files, re-cut to warta's tokens unless `warta_tokens` is off."""
    for path in paths:
        for sentence in read_conllu(path):
            yield retokenize(sentence) if warta_tokens else sentence
