"""Event patterns per language, from `lang/<code>/events.toml`, compiled into a trigger index.

A pattern is a CAMEO code and phrases. A phrase is space-separated elements: `kunjung` (a root:
any inflection of it), `a|b` (alternatives), `=meyakinkan` (this exact word), `...` (a gap of up
to 4 words inside the clause; `...2` for 2). The index maps each phrase's first element to the
phrases it starts, so coding a sentence looks up each word once instead of trying every pattern.
Any malformed entry fails at load with file:line (`DataFileError`).

Beside events.toml, every `lang/<code>/triggers*.tsv` (generated trigger lexicons, e.g. from
PETRARCH's CAMEO verb dictionary) and any extra file the caller names are loaded as the set's
`lexicon` by `warta.events.loading`: the hand-written patterns stay `patterns`, win ties, and
lend the lexicon rows their options.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources.abc import Traversable

from warta.errors import DataFileError
from warta.events.ontology import Ontology
from warta.lang.datafile import DataFile

PATTERN_FILE = "events.toml"
DEFAULT_GAP = 4  # words a "..." may skip: "mengirimkan roket dan rudal infanteri" needs 3
GOVERNS = ("object", "subject")
_PATTERN_KEYS = {"id", "code", "phrases", "reciprocal", "target_through", "governs", "agent_after",
                 "statement", "confidence", "active_only", "modal_ok", "needs_target", "note",
                 "place_target"}


@dataclass(frozen=True, slots=True)
class Element:
    """One slot of a phrase: roots or exact words it accepts, or a gap."""

    lemmas: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    gap: int = 0


@dataclass(frozen=True, slots=True)
class Pattern:
    """One event pattern; `rule` is what an `Event` names so a wrong event can be traced."""

    id: str
    code: str
    phrases: tuple[tuple[Element, ...], ...]
    rule: str
    reciprocal: bool = False
    target_through: bool = False
    governs: str | None = None
    agent_after: frozenset[str] = frozenset()
    statement: bool = False
    active_only: bool = False
    modal_ok: bool = False  # a refusal: "would not provide" is the event itself, not a guess
    needs_target: bool = False  # a bare "X stated ..." with nobody it is about is not coded
    place_target: bool = False  # "attend a summit in Brussels": the place is the target, as PETRARCH codes it
    confidence: float = 0.7


@dataclass(frozen=True)
class Markers:
    """Closed-class words the coder's role and modality rules read, per language."""

    values: dict[str, frozenset[str]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.values.get(name, frozenset())


@dataclass(frozen=True)
class PatternSet:
    """A language's compiled patterns: the trigger index and its markers."""

    language: str
    version: str
    patterns: tuple[Pattern, ...]
    markers: Markers
    by_lemma: dict[str, list[tuple[Pattern, tuple[Element, ...]]]]
    by_word: dict[str, list[tuple[Pattern, tuple[Element, ...]]]]
    lexicon: tuple[Pattern, ...] = ()  # from trigger lexicons; `patterns` are the hand-written ones

    def without_lexicon_rows(self, marker: str) -> PatternSet:
        """The same set less the lexicon rows whose rule names `marker` (training leaves out the
        rows read off its own sentences' gold)."""
        kept = tuple(p for p in self.lexicon if marker not in p.rule)
        return compile_patterns(self.language, self.version, self.patterns, self.markers, kept)

    @property
    def lemmas(self) -> frozenset[str]:
        """Every root a phrase names: what the morphology must be able to produce."""
        return frozenset(lemma for p in (*self.patterns, *self.lexicon) for phrase in p.phrases
                         for el in phrase for lemma in el.lemmas)


def parse_patterns(path: Traversable, language: str, ontology: Ontology) -> PatternSet:
    """Parse and check one pattern file; every problem names file:line."""
    return read_pattern_file(path, language, ontology)[0]


def read_pattern_file(path: Traversable, language: str,
                ontology: Ontology) -> tuple[PatternSet, bool | list[str]]:
    """The pattern set of one file and its top-level needs_target default."""
    text = path.read_text(encoding="utf-8")
    data = DataFile.parse(text, str(path)).data  # a TOML error names file:line
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise DataFileError(str(path), 1, "needs a top-level version = \"<lang>-events-N\"")
    lines = _entry_lines(text)
    # the file's default for its patterns: true, false, or the event roots that need a target
    needs_target = data.get("needs_target", False)
    if not isinstance(needs_target, bool) and not (
            isinstance(needs_target, list) and all(isinstance(r, str) for r in needs_target)):
        raise DataFileError(str(path), 1, "top-level needs_target must be true, false or a list of roots")
    patterns = []
    entries = data.get("pattern", [])
    if not isinstance(entries, list) or not entries:
        raise DataFileError(str(path), None, "has no [[pattern]] entries")
    for number, entry in enumerate(entries):
        where = lines[number] if number < len(lines) else None
        patterns.append(_parse_entry(entry, version, ontology, str(path), where, needs_target))
    markers = _parse_markers(data.get("markers", {}), str(path))
    return compile_patterns(language, version, tuple(patterns), markers), needs_target


def _entry_lines(text: str) -> list[int]:
    """Line numbers of the [[pattern]] headers, so an entry's error can point at it."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == "[[pattern]]"]


def _parse_entry(entry: dict[str, object], version: str, ontology: Ontology, path: str,
                 line: int | None, needs_target: bool | list[str] = False) -> Pattern:
    def fail(problem: str) -> DataFileError:
        return DataFileError(path, line, f"pattern {entry.get('id', '?')!r}: {problem}")

    unknown = set(entry) - _PATTERN_KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))}")
    ident, code, phrases = entry.get("id"), entry.get("code"), entry.get("phrases")
    if not isinstance(ident, str) or not ident:
        raise fail("needs an id")
    if not isinstance(code, str) or code not in ontology:
        raise fail(f"code {code!r} is not a CAMEO event code")
    if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) for p in phrases):
        raise fail("phrases must be a non-empty list of strings")
    governs = entry.get("governs")
    if governs is not None and governs not in GOVERNS:
        raise fail(f"governs must be one of {', '.join(GOVERNS)}")
    agent_after = entry.get("agent_after", [])
    confidence = entry.get("confidence", 0.7)
    if not isinstance(agent_after, list) or not isinstance(confidence, int | float):
        raise fail("agent_after must be a list, confidence a number")
    try:
        compiled = tuple(parse_phrase(p) for p in phrases)
    except ValueError as exc:
        raise fail(str(exc)) from exc
    return Pattern(id=ident, code=code, phrases=compiled, rule=f"{version}:{ident}",
                   reciprocal=bool(entry.get("reciprocal", False)),
                   target_through=bool(entry.get("target_through", False)),
                   governs=governs if isinstance(governs, str) else None,
                   agent_after=frozenset(str(a) for a in agent_after),
                   statement=bool(entry.get("statement", False)),
                   active_only=bool(entry.get("active_only", False)),
                   modal_ok=bool(entry.get("modal_ok", False)),
                   needs_target=bool(entry.get("needs_target", needs_target if isinstance(
                       needs_target, bool) else code[:2] in needs_target)),
                   place_target=bool(entry.get("place_target", False)),
                   confidence=float(confidence))


def parse_phrase(phrase: str) -> tuple[Element, ...]:
    """'laku kunjung' → two root elements; raises ValueError on a malformed phrase."""
    elements: list[Element] = []
    for part in phrase.casefold().split():
        if part.startswith("..."):
            gap = part[3:]
            if not elements or (gap and not gap.isdigit()):
                raise ValueError(f"bad gap {part!r} in {phrase!r} (a phrase cannot start with one)")
            elements.append(Element(gap=int(gap) if gap else DEFAULT_GAP))
            continue
        try:
            elements.append(_element(part))
        except ValueError as exc:
            raise ValueError(f"{exc} in {phrase!r}") from None
    if not elements:
        raise ValueError("empty phrase")
    if elements[-1].gap:
        raise ValueError(f"phrase {phrase!r} ends with a gap")
    return tuple(elements)


@lru_cache(maxsize=65536)
def _element(part: str) -> Element:
    """One element; cached, because a lexicon repeats a verb's alternatives in every row."""
    options = [o for o in part.split("|") if o]
    if not options:
        raise ValueError("empty element")
    words = frozenset(o[1:] for o in options if o.startswith("="))
    if any(not w for w in words):
        raise ValueError("'=' needs a word")
    return Element(lemmas=frozenset(o for o in options if not o.startswith("=")), words=words)


def _parse_markers(raw: object, path: str) -> Markers:
    if not isinstance(raw, dict):
        raise DataFileError(path, None, "[markers] must be a table of word lists")
    values = {}
    for name, words in raw.items():
        # an empty word would match every word as a prefix or ending
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise DataFileError(path, None, f"[markers] {name} must be a list of non-empty words")
        values[name] = frozenset(w.casefold() for w in words)
    return Markers(values)


def compile_patterns(language: str, version: str, patterns: tuple[Pattern, ...],
             markers: Markers, lexicon: tuple[Pattern, ...] = ()) -> PatternSet:
    by_lemma: dict[str, list[tuple[Pattern, tuple[Element, ...]]]] = {}
    by_word: dict[str, list[tuple[Pattern, tuple[Element, ...]]]] = {}
    for pattern in (*patterns, *lexicon):  # hand-written first: the matcher keeps the first of equals
        for phrase in pattern.phrases:
            for lemma in phrase[0].lemmas:
                by_lemma.setdefault(lemma, []).append((pattern, phrase))
            for word in phrase[0].words:
                by_word.setdefault(word, []).append((pattern, phrase))
    for table in (by_lemma, by_word):
        for entries in table.values():
            entries.sort(key=lambda item: -len(item[1]))  # longest phrase first
    return PatternSet(language, version, patterns, markers, by_lemma, by_word, lexicon)


def codes_covered(sets: Iterable[PatternSet]) -> set[str]:
    """The CAMEO roots a group of pattern sets can produce (the tests check all 20)."""
    return {p.code[:2] for s in sets for p in s.patterns}
