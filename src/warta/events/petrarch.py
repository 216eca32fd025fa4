"""Read a PETRARCH verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt) as it is.

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
(PETRARCH skips such a pattern), it is recorded so the conversion can count it. `convert` turns
the records into warta trigger phrases (`LexiconEntry`), counting what it cannot express.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import product
from pathlib import Path

from warta.errors import DataFileError
from warta.events.lexicon import Lexicon, LexiconEntry
from warta.events.ontology import Ontology

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


# ---- conversion into warta trigger phrases ----

GAP = 3  # words between the verb and its object's head, or a preposition and its noun
MAX_PHRASES = 24  # a pattern whose synsets need more warta phrases than this is left out
_ONE_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|n't")  # what warta's tokenizer keeps as one word
_SPLIT = "words warta's tokenizer splits (e.g. '/', '.')"


@dataclass
class Conversion:
    """The trigger rows of a dictionary and what could not be expressed, counted by reason."""

    entries: list[LexiconEntry]
    blocks: int = 0
    verbs: int = 0
    patterns: int = 0
    converted: int = 0  # patterns that gave at least one row
    dropped: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)


def petrarch_lexicon(path: Path, ontology: Ontology) -> Lexicon:
    """A PETRARCH verb file read as it is, as a trigger lexicon (for `load_patterns(extra=...)`)."""
    conversion = convert(read_verb_dictionary(path), ontology)
    return Lexicon(str(path), f"petrarch-{_stem(path)}", tuple(conversion.entries))


def _stem(path: Path | str) -> str:
    return Path(path).name.removesuffix(".txt")


def convert(dictionary: VerbDictionary, ontology: Ontology) -> Conversion:
    """Rows for every coded verb and pattern PETRARCH's matcher would use.

    As in PETRARCH, a verb listed in two blocks belongs to the first, a block's patterns apply
    to all its verbs, and of two patterns with the same words the later line wins.
    """
    stem = _stem(dictionary.path)
    home: dict[tuple[str, ...], VerbBlock] = {}
    for block in dictionary.blocks:
        for verb in block.verbs:
            home.setdefault(verb.key, block)
    nouns = _nouns(dictionary)
    rows: dict[str, LexiconEntry] = {}
    out = Conversion([], blocks=len(dictionary.blocks))
    out.notes["transformations (not converted)"] = len(dictionary.transformations)
    for block in dictionary.blocks:
        verbs = [v for v in block.verbs if home[v.key] is block]
        out.verbs += len(block.verbs)
        out.notes["verbs listed again in a later block (the first wins)"] += len(block.verbs) - len(verbs)
        agreement = _agreement(block)
        for verb in verbs:
            entry = _bare_verb(verb, block, stem, nouns, agreement, ontology, out)
            if entry is not None:
                _put(rows, entry, out)
        heads = _verb_heads(verbs, nouns)
        for pattern in block.patterns:
            out.patterns += 1
            code = _map_code(pattern.code, ontology, out, pattern=True)
            if code is None:
                continue
            tails, reason = _tails(pattern)
            if reason is not None or tails is None:
                out.dropped[reason or "?"] += 1
                continue
            if not heads:
                out.dropped["block has no verb of its own"] += 1
                continue
            out.converted += 1
            for head in heads:
                for tail, content, preps in tails:
                    weight = 0.45 if not content and preps else 0.5 if not content \
                        else 0.55 + 0.05 * min(content, 3)
                    _put(rows, LexiconEntry(code, f"{head}{tail}", "verb",
                                            f"{stem}:{block.name}:{pattern.line}", round(weight, 2)), out)
    out.entries = list(rows.values())
    return out


def _bare_verb(verb: Verb, block: VerbBlock, stem: str, nouns: frozenset[str],
               agreement: dict[str, float], ontology: Ontology, out: Conversion) -> LexiconEntry | None:
    """The row of a verb on its own: its own code or the block's, unless that is none."""
    code = _map_code(verb.code or block.code, ontology, out)
    if code is None:
        return None
    if len(code) == 3 and code.endswith("0"):
        # a cue category ("say" 010, "give" 070): PETRARCH keeps it honest with a parse and a
        # required dyad; as a bare word it was wrong 9 times in 10 on the dev sets
        out.dropped["bare verb with a cue-category code (XX0)"] += 1
        return None
    element = _verb_element(verb, nouns, bare=True)
    if element is None:
        out.dropped["bare verb whose every form is a noun too"] += 1
        return None
    weight = 0.3 + 0.3 * agreement.get(code[:2], 1.0)
    return LexiconEntry(code, element, "verb", f"{stem}:{block.name}:{verb.line}", round(weight, 2))


def _put(rows: dict[str, LexiconEntry], entry: LexiconEntry, out: Conversion) -> None:
    if entry.phrase in rows:
        out.notes["rows replaced by a later line with the same phrase"] += 1
        del rows[entry.phrase]  # re-inserted: the later line's place and code
    rows[entry.phrase] = entry


def _map_code(raw: str, ontology: Ontology, out: Conversion, pattern: bool = False) -> str | None:
    """A CAMEO code warta has for PETRARCH's code, or None (counted). `[A:B]` is an active:passive
    pair (PETRARCH2 utilities.convert_code): A is the event; `[:B]` has only the passive reading,
    the roles reversed, which a warta pattern cannot state. An unknown leaf becomes its parent,
    as PETRARCH's own lookup falls back to the root."""
    what = "pattern" if pattern else "verb"
    if raw == "---":
        if pattern:
            out.dropped["null code [---] (PETRARCH: no event when it matches)"] += 1
        else:
            out.notes["verbs with no code of their own ([---]: patterns only)"] += 1
        return None
    code = raw
    if ":" in raw:
        active, _, passive = raw.partition(":")
        if not active:
            out.dropped[f"{what}: passive-only code [:B] (roles reversed)"] += 1
            return None
        out.notes["pair code [A:A] (reciprocal)" if active == passive
                  else "pair code [A:B]: active code A kept"] += 1
        code = active
    if not re.fullmatch(r"\d{2,4}", code):
        out.dropped[f"{what}: not a CAMEO code"] += 1
        return None
    for candidate in (code, code[:3], code[:2] + "0"):
        if candidate in ontology:
            if candidate != code:
                out.notes["code not in the ontology, mapped to its parent"] += 1
            return candidate
    out.dropped[f"{what}: code not in the CAMEO ontology"] += 1
    return None


def _agreement(block: VerbBlock) -> dict[str, float]:
    """Per root, the share of the block's coded patterns that stay in it: a verb whose patterns
    mostly recode it elsewhere ("set", "put") is too general to trust as a bare trigger."""
    roots = [p.code.split(":")[0][:2] for p in block.patterns if p.code[:1].isdigit()]
    if not roots:
        return {}
    counts = Counter(roots)
    return {root: counts[root] / len(roots) for root in counts}


def _nouns(dictionary: VerbDictionary) -> frozenset[str]:
    """Words the dictionary itself uses as nouns (pattern words, synset members)."""
    words: set[str] = set()
    for options in dictionary.synsets.values():
        words.update(o[-1] for o in options)
    for block in dictionary.blocks:
        for pattern in block.patterns:
            for term in _flat(pattern.after + pattern.before):
                words.update(o[-1] for o in term.options)
    return frozenset(words)


def _flat(terms: tuple[Term, ...]) -> list[Term]:
    return [t for term in terms for t in (term, *term.governs)]


def _verb_element(verb: Verb, nouns: frozenset[str], bare: bool) -> str | None:
    """The verb as a phrase start: its root (any inflection) and irregular forms; a bare verb
    that is also a noun ("attack", "state") keeps only the forms no noun has."""
    root = verb.root
    if verb.forms == ():
        options = [f"={root}"]
    elif bare and (root in nouns or plural(root) in nouns):
        forms = verb.forms if verb.forms is not None else _regular_forms(root)
        options = [f"={f}" for f in dict.fromkeys(forms) if f != root and f not in nouns]
    else:
        options = [root] + [f"={f}" for f in dict.fromkeys(verb.forms or ()) if f != root]
    options = [o for o in options if _ONE_TOKEN.fullmatch(o.lstrip("="))]
    if not options:
        return None
    return " ".join([*(f"={w}" for w in verb.before), "|".join(options),
                     *(f"={w}" for w in verb.after)])


def _regular_forms(root: str) -> tuple[str, ...]:
    """-s, -ed and -ing, as PETRARCH's reader makes them (with -ied for a consonant + y)."""
    third = plural(root)
    if root.endswith("e"):
        past, ing = root + "d", (root[:-1] if len(root) > 2 and root[-2] not in "aeiou" else root) + "ing"
    elif root.endswith("y") and len(root) > 1 and root[-2] not in "aeiou":
        past, ing = root[:-1] + "ied", root + "ing"
    else:
        past, ing = root + "ed", root + "ing"
    return third, past, ing


def _verb_heads(verbs: list[Verb], nouns: frozenset[str]) -> list[str]:
    """Phrase starts for a block's patterns: its one-word verbs as one element, then each
    multi-word verb."""
    single = [v for v in verbs if not v.before and not v.after]
    heads: list[str] = []
    if single:
        options = [o for v in single for o in (_verb_element(v, nouns, bare=False) or "").split("|") if o]
        heads.append("|".join(dict.fromkeys(options)))
    heads += [e for v in verbs if v.before or v.after
              if (e := _verb_element(v, nouns, bare=False)) is not None]
    return heads


def _tails(pattern: VerbPattern) -> tuple[list[tuple[str, int, int]] | None, str | None]:
    """The phrase after the verb, as alternatives (text, noun elements, prepositions); or why the
    pattern cannot be said in warta's phrase syntax."""
    for term in pattern.before:
        if term.kind == "target":
            return None, "target before the verb (roles reversed)"
        if term.kind not in ("source", "compound"):
            return None, "words before the verb (a condition on the subject)"
    units: list[list[tuple[str, int, int]]] = []
    for term in pattern.after:
        if term.stray:
            continue  # "VISIT)": PETRARCH skips a word closed by an unmatched ')'
        if term.kind == "source" or any(t.kind == "source" for t in term.governs):
            return None, "source marker after the verb (roles reversed)"
        if any(t.missing for t in (term, *term.governs)):
            return None, "undefined synset"
        if term.kind == "words":
            seqs = _sequences(term.options)
            if not seqs:
                return None, _SPLIT
            units.append([(s, 1, 0) for s in seqs])
        elif term.kind == "prep":
            unit = _prep_unit(term)
            if unit is None:
                return None, _SPLIT
            units.append(unit)
    total = 1
    for unit in units:
        total *= len(unit)
    if total > MAX_PHRASES:
        return None, f"synsets expand to more than {MAX_PHRASES} phrases"
    tails = [("", 0, 0)]
    for unit in units:
        tails = [(f"{t} ...{GAP} {s}", n + m, p + q) for t, n, p in tails for s, m, q in unit]
    # a preposition with no noun at all ("- * (TO)", "rushed to ...") follows the verb directly:
    # across a gap it would take the object's preposition ("rushed aid to Gaza") from the
    # pattern that names the object
    gap = f" ...{GAP} "
    return [(" " + t.removeprefix(gap) if t and not n else t, n, p) for t, n, p in tails], None


def _prep_unit(term: Term) -> list[tuple[str, int, int]] | None:
    """'(TO BORDER)' → '=to ...3 =border'; the markers inside (+ ^ %) add nothing."""
    if not _ONE_TOKEN.fullmatch(term.word):
        return None
    unit = [(f"={term.word}", 0, 1)]
    for inner in term.governs:
        if inner.kind != "words":
            continue  # + ^ %: the target or any noun; warta's roles find it
        seqs = _sequences(inner.options)
        if not seqs:
            return None
        unit = [(f"{a} ...{GAP} {s}", n + 1, p) for a, n, p in unit for s in seqs]
    return unit


def _sequences(options: tuple[tuple[str, ...], ...]) -> list[str]:
    """Word runs as few warta element sequences: runs sharing all but their head word become one
    sequence whose last element lists the heads ("=humanitarian =aid|=assistance")."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for run in options:
        if run and all(_ONE_TOKEN.fullmatch(w) for w in run):
            groups.setdefault(run[:-1], []).append(run[-1])
    return [" ".join([*(f"={w}" for w in prefix), "|".join(f"={h}" for h in dict.fromkeys(heads))])
            for prefix, heads in groups.items()]
