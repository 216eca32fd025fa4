"""Read a PETRARCH verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt) as it is.

Why a module of its own: the file format is PETRARCH's, not warta's, and reading it faithfully
(quirks included) is a separate job from deciding what warta can do with it. This module only
turns the text into typed records (`VerbDictionary` of `VerbBlock`s, `Verb`s, `VerbPattern`s of
`Term`s); `warta.events.petrarch_convert` turns those into warta trigger rows and imports this
module, never the other way round.

The format, as PETRARCH2's reader and documentation define it (read, not copied): synsets
(`&LABEL`, then `+member` lines; a label or member ending in `_` gets no plural), then verb
blocks `--- NAME [code] ---` whose verb lines are `VERB {irregular forms} [own code]` (`+ASK_FOR`
marks the verb word of a multi-word verb; `{}` lists ALL forms, so none are generated) and whose
pattern lines are `- <before> * <after> [code]`. In a pattern `(P ...)` is a prepositional phrase,
`{A B}` a noun phrase (head last), `_` joins consecutive words, `&SET` a synset, `$`/`+` the
source/target, `^` any noun, `%` a compound actor; `[A:B]` is an active:passive code pair and
`[---]` means "no event". `~` lines are verb transformations. A block's patterns apply to every
verb of the block. Comments: `#` or `;` (outside [...]) to the end of a line, `<!-- ... -->`
(may span lines). Quirks of the shipped files are read as PETRARCH reads them: a stray ')'
("VISIT)[042:043]") drops its word, a header may carry a second code or lose its closing '---'.

Malformed lines fail with `DataFileError(path, line, problem)`; an undefined synset does not fail
(PETRARCH skips such a pattern), it is recorded in `Term.missing` so the conversion can count it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import product
from pathlib import Path

from warta.errors import DataFileError

# "[110]---  ---", "[120]  [031:031]  ---" and "[---] # NOUN ---" occur: PETRARCH reads the
# name and the first code, so does this reader
_BLOCK = re.compile(r"^---\s+([^\[]*?[^\s\[-])\s*(?:\[([^\]\s]*)\])?(?:\s*\[[^\]]*\])*[-\s]*$")
# "LASH OUT" (a space for the '_') occurs in PETRARCH's test file: read as LASH_OUT
_VERB = re.compile(r"^([^\s{}\[\]]+(?:\s+[^\s{}\[\]]+)*)\s*(\{[^{}]*\})?\s*(?:\[([^\]\s]+)\])?\s*$")
_CODE = re.compile(r"\[([^\]\s]+)\]\s*$")
MARKERS = {"$": "source", "+": "target", "^": "any", "%": "compound"}


@dataclass(frozen=True, slots=True)
class Term:
    """One slot of a pattern, in the order written.

    kind "words": `options` are the alternatives, each a run of consecutive words (a synset
    expanded, plurals included); kind "prep": `word` is the preposition and `governs` the terms
    inside the parentheses; kinds "source", "target", "any", "compound": the markers $ + ^ %.
    `missing` names synsets the file never defines.
    """

    kind: str
    options: tuple[tuple[str, ...], ...] = ()
    word: str = ""
    governs: tuple[Term, ...] = ()
    missing: tuple[str, ...] = ()
    stray: bool = False  # followed by an unmatched ')' (the term is a stray word PETRARCH skips)


@dataclass(frozen=True, slots=True)
class VerbPattern:
    line: int
    before: tuple[Term, ...]
    after: tuple[Term, ...]
    code: str  # as written inside [...]: "070", "042:043", ":173", "---"
    text: str  # the line without its comment, for tracing


@dataclass(frozen=True, slots=True)
class Verb:
    """One verb line: its verb word, explicit forms (None: regular, generate them), the words of
    a multi-word verb before and after the verb word, and its own code if it has one."""

    line: int
    root: str
    forms: tuple[str, ...] | None
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    code: str | None = None

    @property
    def key(self) -> tuple[str, ...]:
        return (*self.before, self.root, *self.after)


@dataclass(frozen=True)
class VerbBlock:
    name: str
    code: str  # the block's default code; "---" when none
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True)
class VerbDictionary:
    path: str
    blocks: tuple[VerbBlock, ...]
    synsets: dict[str, tuple[tuple[str, ...], ...]]
    transformations: tuple[tuple[int, str], ...]


def read_verb_dictionary(path: Path) -> VerbDictionary:
    """Every block, verb, pattern, synset and transformation of a PETRARCH verb file."""
    lines = _clean_lines(path.read_text(encoding="utf-8", errors="replace"))
    where = str(path)
    raw_synsets: dict[str, list[tuple[int, str]]] = {}
    blocks: list[VerbBlock] = []
    pending: list[tuple[VerbBlock, int, str]] = []  # patterns wait until every synset is known
    transformations: list[tuple[int, str]] = []
    synset: str | None = None
    for number, line in lines:
        if line.startswith("---"):
            found = _BLOCK.match(line)
            if not found:
                raise DataFileError(where, number, "expected a block header '--- NAME [code] ---'")
            name = "_".join(found.group(1).split())
            blocks.append(VerbBlock(name, found.group(2) or "---", number))
            synset = None
        elif line.startswith("&"):
            synset = line.split()[0]
            raw_synsets.setdefault(synset, [])
        elif line.startswith("+") and synset is not None:
            raw_synsets[synset].append((number, line[1:].strip()))
        elif line.startswith("~"):
            transformations.append((number, line[1:].strip()))
        elif line.startswith("-"):
            if not blocks:
                raise DataFileError(where, number, "a pattern before any '--- VERB ---' block")
            pending.append((blocks[-1], number, line[1:].strip()))
        else:
            if not blocks:
                raise DataFileError(where, number, "a verb line before any '--- VERB ---' block")
            blocks[-1].verbs.append(_parse_verb(line, where, number))
    synsets = _expand_synsets(raw_synsets)
    for block, number, text in pending:
        block.patterns.append(_parse_pattern(text, synsets, where, number))
    return VerbDictionary(where, tuple(blocks), synsets, tuple(transformations))


def _clean_lines(text: str) -> list[tuple[int, str]]:
    """(line number, content) without comments and blank lines."""
    out: list[tuple[int, str]] = []
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!--" in line:
            head, _, rest = line.partition("<!--")
            if "-->" in rest:
                line = head + rest.split("-->", 1)[1]
            else:
                line, in_comment = head, True
        line = _without_comment(line).strip()
        if line:
            out.append((number, line))
    return out


def _without_comment(line: str) -> str:
    """`line` up to a '#' or ';' outside [...] ("SCRAP {...};shan" is a comment, "[###]" a code)."""
    depth = 0
    for i, char in enumerate(line):
        depth += (char == "[") - (char == "]")
        if depth <= 0 and char in "#;":
            return line[:i]
    return line


def _parse_verb(line: str, where: str, number: int) -> Verb:
    found = _VERB.match(line)
    if not found:
        raise DataFileError(where, number, f"expected 'VERB {{forms}} [code]', got {line!r}")
    word, braces, code = found.groups()
    pieces = [p for p in "_".join(word.split()).casefold().split("_") if p]
    at = next((i for i, p in enumerate(pieces) if p.startswith("+")), 0)
    pieces = [p.lstrip("+") for p in pieces]
    if not pieces or not all(pieces):
        raise DataFileError(where, number, f"empty verb word in {line!r}")
    forms: tuple[str, ...] | None = None
    if braces is not None:
        forms = tuple(_verb_form(f.casefold(), at) for f in braces[1:-1].split())
    return Verb(number, pieces[at], forms, tuple(pieces[:at]), tuple(pieces[at + 1:]), code)


def _verb_form(form: str, at: int) -> str:
    """The verb word of one irregular form: '+asked_for' → 'asked'."""
    pieces = [p for p in form.split("_") if p]
    marked = [p for p in pieces if p.startswith("+")]
    chosen = marked[0] if marked else pieces[min(at, len(pieces) - 1)]
    return chosen.lstrip("+")


def plural(word: str) -> str:
    """The regular plural PETRARCH generates for synset members (made regular English here)."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _expand_synsets(raw: dict[str, list[tuple[int, str]]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each label's members as word runs, with plurals unless the label or member ends in '_'."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}

    def expand(label: str, seen: frozenset[str]) -> tuple[tuple[str, ...], ...]:
        if label in out:
            return out[label]
        options: list[tuple[str, ...]] = []
        for _, member in raw.get(label, []):
            if member.startswith("&"):  # an embedded synset (PETRARCH's test file has one)
                name = member.split()[0]
                if name in raw and name not in seen:
                    options += expand(name, seen | {name})
                continue
            words = tuple(member.casefold().replace("_", " ").split())
            if not words:
                continue
            options.append(words)
            if not label.endswith("_") and not member.endswith("_"):
                options.append((*words[:-1], plural(words[-1])))
        out[label] = tuple(dict.fromkeys(options))
        return out[label]

    for label in raw:
        expand(label, frozenset({label}))
    return out


def _parse_pattern(text: str, synsets: dict[str, tuple[tuple[str, ...], ...]], where: str,
                   number: int) -> VerbPattern:
    found = _CODE.search(text)
    if not found:
        raise DataFileError(where, number, "a pattern needs a [code] at its end")
    body = text[: found.start()].replace("**", "*")
    body = re.sub(r"_?\*_?", " * ", body)  # 'IN_*', '*_OUT': the verb joined to a word
    if body.count("*") != 1:
        raise DataFileError(where, number, "a pattern needs exactly one '*' (the verb)")
    before, after = body.split("*")
    try:
        return VerbPattern(number, _terms(before, synsets), _terms(after, synsets),
                           found.group(1), text)
    except ValueError as exc:
        raise DataFileError(where, number, str(exc)) from exc


def _terms(segment: str, synsets: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[Term, ...]:
    """The terms of one side of a pattern; ValueError on unbalanced () or {}."""
    spaced = re.sub(r"([(){}])", r" \1 ", segment).split()
    terms: list[Term] = []
    prep: list[Term] | None = None
    prep_word = ""
    phrase: list[str] | None = None
    for token in spaced:
        if token == "(":
            if prep is not None or phrase is not None:
                raise ValueError("'(' inside a phrase")
            prep, prep_word = [], ""
        elif token == ")":
            if phrase is not None:
                raise ValueError("')' inside a noun phrase")
            if prep is None:  # "VISIT)[042:043]" twice in CAMEO.2.0: PETRARCH ignores the stray
                if terms:     # word; so does this reader, keeping a note of it
                    terms[-1] = replace(terms[-1], stray=True)
                continue
            if not prep_word:
                raise ValueError("'()' needs a preposition")
            terms.append(Term("prep", word=prep_word, governs=tuple(prep)))
            prep = None
        elif token == "{":
            if phrase is not None:
                raise ValueError("'{' inside a noun phrase")
            phrase = []
        elif token == "}":
            if phrase is None or not phrase:
                raise ValueError("'}' without its '{' or an empty {}")
            term = _words_term("_".join(phrase), synsets)
            phrase = None
            _add(term, prep, terms)
        elif phrase is not None:
            phrase.append(token)
        elif prep is not None and not prep_word:
            prep_word = token.casefold()
        elif token in MARKERS:
            _add(Term(MARKERS[token]), prep, terms)
        else:
            _add(_words_term(token, synsets), prep, terms)
    if prep is not None or phrase is not None:
        raise ValueError("unbalanced '(' or '{'")
    return tuple(terms)


def _add(term: Term, prep: list[Term] | None, terms: list[Term]) -> None:
    (prep if prep is not None else terms).append(term)


def _words_term(token: str, synsets: dict[str, tuple[tuple[str, ...], ...]]) -> Term:
    """'DEBT_RELIEF', '&FOOD', 'NEW_&TIETYPES_RELATIONS': consecutive words, synsets expanded.
    A synset label may itself hold '_' (&FIGHT_OF_WORDS, &AUXVERB1_): the longest defined one wins."""
    parts: list[tuple[tuple[str, ...], ...]] = []
    missing: list[str] = []
    rest = token
    while rest:
        if rest.startswith("&"):
            label = max((name for name in synsets if rest.startswith(name)
                         and rest[len(name):len(name) + 1] in ("", "_")), key=len, default=None)
            if label is None:
                label = rest.split("_", 1)[0]
                missing.append(label)
            else:
                parts.append(synsets[label])
            rest = rest[len(label):].removeprefix("_")
            continue
        piece, _, rest = rest.partition("_")
        if piece:
            parts.append(((piece.casefold(),),))
    options = tuple(tuple(w for run in combo for w in run) for combo in product(*parts)) \
        if parts and not missing else ()
    return Term("words", options=options, missing=tuple(missing))
