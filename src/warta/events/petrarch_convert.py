"""Turn a PETRARCH verb dictionary's records into warta trigger rows (`LexiconEntry`).

Why a module of its own: what PETRARCH's file says is read by `warta.events.petrarch_reader`;
this module holds warta's choices about it -- which codes map to warta's CAMEO ontology, which
patterns warta's phrase syntax can state (and the phrase it becomes), the weights of the rows --
and counts, by reason, everything it leaves out (`Conversion.dropped`, `Conversion.notes`), so
a change of the dictionary or of these choices shows up in the build script's counts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from warta.events.lexicon import Lexicon, LexiconEntry
from warta.events.ontology import Ontology
from warta.events.petrarch_reader import (
    Term,
    Verb,
    VerbBlock,
    VerbDictionary,
    VerbPattern,
    plural,
    read_verb_dictionary,
)

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
