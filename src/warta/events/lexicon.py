"""Trigger lexicons: the generated `lang/<code>/triggers*.tsv` files, loaded beside events.toml.

A row is `code<TAB>phrase<TAB>kind<TAB>source<TAB>weight`: a CAMEO code, a phrase in the
events.toml syntax, `verb` or `noun`, where the row came from (`CAMEO.2.0:ACCELERATE:719`) and a
confidence 0–1. A `# version = ...` comment names the lexicon; each row becomes a `Pattern` whose
rule is `<version>:<source>`, so a wrong event traces back to the dictionary line that made it.

A row carries no options (reciprocal, governs, statement ...): it takes those of the hand-written
patterns of its code, else of its code family (`023*`), else of its root, by majority, so
PETRARCH's "meet" is reciprocal because the hand-written one is, and a speech verb coded 010 is a
statement; with no hand-written peer at all, the file's per-root `needs_target` applies. The
hand-written patterns win: a row that would tie with one (as many matched words, each element
sharing a word or root) is left out, because the matcher keeps the first of equal matches and
looks up exact words before roots; and on a word a hand-written phrase starts with, a row must
keep that phrase's CAMEO root or it is left out on that word: the hand-written patterns decide
what kind of event a word is, PETRARCH may refine it ("release ... hostages" 0841 stays beside
the hand-written "release" 084, "release ... statement" 010 goes, and so does "express ...
assistance" 033 beside "express ... appreciation" 013, which would win on the longer span).
warta's patterns are additions to PETRARCH and overrides of it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from pathlib import Path

from warta.errors import DataFileError
from warta.events.ontology import Ontology
from warta.events.patterns import Element, Pattern, parse_phrase

COLUMNS = ("code", "phrase", "kind", "source", "weight")
KINDS = ("verb", "noun", "phrase")  # phrase: a multi-word trigger (the Indonesian lexicon has them)
LEXICON_GLOB = "triggers*.tsv"
_VERSION = re.compile(r"^#\s*version\s*=\s*(\S+)\s*$")
Normalize = Callable[[str], frozenset[str]]
Keyed = tuple[str, tuple[frozenset[str], ...]]  # a hand-written phrase: its code, its elements' keys


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One trigger row; `line` is where it stands in its file (0 when made in memory)."""

    code: str
    phrase: str
    kind: str
    source: str
    weight: float
    line: int = 0
    elements: tuple[Element, ...] = ()  # the parsed phrase, when read from a file


@dataclass(frozen=True)
class Lexicon:
    path: str
    version: str
    entries: tuple[LexiconEntry, ...]


def read_lexicon(path: Traversable | Path, ontology: Ontology) -> Lexicon:
    """Parse and check one trigger TSV; every problem names file:line."""
    where = str(path)
    version = ""
    entries: list[LexiconEntry] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#"):
            found = _VERSION.match(line)
            if found and not version:
                version = found.group(1)
            continue
        if not line.strip():
            continue
        fields = line.split("\t")
        if not header_seen and tuple(f.strip() for f in fields) == COLUMNS:
            header_seen = True
            continue
        entries.append(_parse_row(fields, ontology, where, number))
    if not version:
        raise DataFileError(where, 1, "needs a '# version = <name>' comment line")
    return Lexicon(where, version, tuple(entries))


def _parse_row(fields: list[str], ontology: Ontology, where: str, number: int) -> LexiconEntry:
    if len(fields) != len(COLUMNS):
        raise DataFileError(where, number, f"expected {len(COLUMNS)} tab-separated fields "
                                           f"({', '.join(COLUMNS)}), got {len(fields)}")
    code, phrase, kind, source, weight_text = (f.strip() for f in fields)
    if code not in ontology:
        raise DataFileError(where, number, f"code {code!r} is not a CAMEO event code")
    if kind not in KINDS:
        raise DataFileError(where, number, f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if not source:
        raise DataFileError(where, number, "source must name where the row came from")
    try:
        weight = float(weight_text)
        elements = parse_phrase(phrase)
    except ValueError as exc:
        raise DataFileError(where, number, f"bad weight or phrase: {exc}") from exc
    if not 0.0 <= weight <= 1.0:
        raise DataFileError(where, number, f"weight {weight} is not within 0-1")
    return LexiconEntry(code, phrase, kind, source, weight, number, elements)


def write_lexicon(path: Path, version: str, comments: Sequence[str],
                  entries: Iterable[LexiconEntry]) -> int:
    """Write a trigger TSV (version line, comment lines, header, rows); returns the row count."""
    lines = [f"# version = {version}", *(f"# {c}".rstrip() for c in comments), "\t".join(COLUMNS)]
    count = 0
    for e in entries:
        lines.append(f"{e.code}\t{e.phrase}\t{e.kind}\t{e.source}\t{e.weight:.2f}")
        count += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


def lexicon_files(folder: Traversable) -> list[Traversable]:
    """The trigger TSVs of a language folder, in name order."""
    return sorted((p for p in folder.iterdir() if p.is_file()
                   and re.fullmatch(r"triggers.*\.tsv", p.name)), key=lambda p: p.name)


def lexicon_patterns(lexicon: Lexicon, handwritten: Sequence[Pattern],
                     needs_target: bool | Sequence[str],
                     normalize: Normalize | None = None) -> tuple[list[Pattern], int]:
    """Patterns of a lexicon's rows, with inherited options; and how many rows a hand-written
    pattern shadows. `normalize` gives the roots of an exact word (English: its lemmas)."""
    inherit = _Inheritance(handwritten, needs_target)
    shadows = _Shadows(handwritten, normalize or (lambda word: frozenset((word,))))
    name = Path(lexicon.path).name
    out: list[Pattern] = []
    shadowed = 0
    for entry in lexicon.entries:
        phrase = shadows.trim(entry.elements or parse_phrase(entry.phrase), entry.code)
        if phrase is None:
            shadowed += 1
            continue
        peer = inherit.options(entry.code)
        out.append(replace(peer, id=f"{name}:{entry.line or len(out) + 1}", code=entry.code,
                           phrases=(phrase,), rule=f"{lexicon.version}:{entry.source}",
                           confidence=entry.weight))
    return out, shadowed


class _Inheritance:
    """Options for a lexicon code from the hand-written patterns nearest to it."""

    def __init__(self, handwritten: Sequence[Pattern], needs_target: bool | Sequence[str]) -> None:
        self.handwritten = handwritten
        self.needs_target = needs_target
        self._cache: dict[str, Pattern] = {}

    def options(self, code: str) -> Pattern:
        """A template pattern carrying the inherited options (id, phrases ... are replaced)."""
        if code not in self._cache:
            self._cache[code] = self._options(code)
        return self._cache[code]

    def _options(self, code: str) -> Pattern:
        template = Pattern(id="", code=code, phrases=(), rule="")
        levels: tuple[Callable[[str], bool], ...] = (
            lambda c: c == code, lambda c: c[:3] == code[:3], lambda c: c[:2] == code[:2])
        for level in levels:
            peers = [p for p in self.handwritten if level(p.code)]
            if peers:
                return replace(
                    template, reciprocal=_majority([p.reciprocal for p in peers]),
                    target_through=_majority([p.target_through for p in peers]),
                    statement=_majority([p.statement for p in peers]),
                    active_only=_majority([p.active_only for p in peers]),
                    needs_target=_majority([p.needs_target for p in peers]),
                    place_target=_majority([p.place_target for p in peers]),
                    governs=Counter(p.governs for p in peers).most_common(1)[0][0],
                    agent_after=Counter(p.agent_after for p in peers).most_common(1)[0][0])
        default = self.needs_target
        return replace(template, needs_target=default if isinstance(default, bool)
                       else code[:2] in default)


def _majority(values: list[bool]) -> bool:
    return sum(values) * 2 > len(values)


class _Shadows:
    """Where the hand-written phrases already decide: a lexicon phrase loses each first-word
    alternative on which a hand-written phrase would tie with it (as many matched words, each
    element sharing a word or root), or — when `same_root` — that a hand-written phrase of another
    CAMEO root starts with."""

    def __init__(self, handwritten: Sequence[Pattern], normalize: Normalize,
                 same_root: bool = True) -> None:
        self.normalize = normalize
        self.same_root = same_root
        self._cache: dict[str, frozenset[str]] = {}
        self._element_cache: dict[Element, frozenset[str]] = {}
        self._others_cache: dict[str, list[Keyed]] = {}
        self._root_cache: dict[tuple[Element, str], frozenset[str]] = {}
        self._contested_cache: dict[Element, list[tuple[str, list[Keyed]]]] = {}
        self.by_key: dict[str, list[Keyed]] = {}
        for pattern in handwritten:
            for phrase in pattern.phrases:
                keys = self._keys(phrase)
                for key in keys[0]:
                    self.by_key.setdefault(key, []).append((pattern.code, keys))

    def _keys(self, phrase: tuple[Element, ...]) -> tuple[frozenset[str], ...]:
        return tuple(self._element_keys(el) for el in phrase if not el.gap)

    def _element_keys(self, el: Element) -> frozenset[str]:
        found = self._element_cache.get(el)
        if found is None:
            found = self._element_cache[el] = frozenset(
                k for o in (*el.lemmas, *(f"={w}" for w in el.words)) for k in self._option_keys(o))
        return found

    def _option_keys(self, option: str) -> frozenset[str]:
        found = self._cache.get(option)
        if found is None:
            word = option.removeprefix("=")
            found = self._cache[option] = frozenset((word,)) | (
                self.normalize(word) if option.startswith("=") else frozenset())
        return found

    def _others(self, option: str) -> list[Keyed]:
        """The hand-written phrases (code, keys) that start on a word `option` matches."""
        found = self._others_cache.get(option)
        if found is None:
            found = self._others_cache[option] = [
                o for key in self._option_keys(option) for o in self.by_key.get(key, ())]
        return found

    def trim(self, phrase: tuple[Element, ...], code: str) -> tuple[Element, ...] | None:
        """`phrase` without its shadowed first-word alternatives; None when none is left."""
        first = phrase[0]
        rest = self._keys(phrase[1:])
        lost = set(self._other_root(first, code[:2]))
        for option, others in self._contested(first):
            if option not in lost and any(
                    len(other) == len(rest) + 1 and all(a & b for a, b in zip(rest, other[1:], strict=True))
                    for _, other in others):
                lost.add(option)  # a tie: the matcher would keep the hand-written phrase anyway
        if not lost:
            return phrase
        lemmas = first.lemmas - lost
        words = first.words - {o.removeprefix("=") for o in lost if o.startswith("=")}
        if not lemmas and not words:
            return None
        return (Element(lemmas=lemmas, words=words), *phrase[1:])

    def _contested(self, first: Element) -> list[tuple[str, list[Keyed]]]:
        """The options of `first` some hand-written phrase starts on, with those phrases."""
        found = self._contested_cache.get(first)
        if found is None:
            options = (*first.lemmas, *(f"={w}" for w in first.words))
            found = self._contested_cache[first] = [(o, self._others(o)) for o in options
                                                    if self._others(o)]
        return found

    def _other_root(self, first: Element, root: str) -> frozenset[str]:
        """Options of `first` a hand-written phrase of another root starts on (cached: the rows
        of one PETRARCH block share their first element)."""
        if not self.same_root:
            return frozenset()
        found = self._root_cache.get((first, root))
        if found is None:
            found = self._root_cache[(first, root)] = frozenset(
                o for o, others in self._contested(first) if any(c[:2] != root for c, _ in others))
        return found
