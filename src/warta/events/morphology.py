"""Word forms → roots, so one event pattern keyed by a root covers every inflection.

Indonesian: a lookup of forms from nlp-id's lemma dictionary (MIT; only the forms of roots the
patterns use, see scripts/build_event_lexicon.py), then affix rules for what it lacks
("diberlakukan" is not in it): clitics -nya/-lah/-kah/-pun, reduplication, suffixes -kan/-i/-an,
prefixes meN-/peN- with their sound changes, ber-, per-, memper-, di-, ter-, ke-. A rule's
candidate root is accepted only when it is a known root, which is what keeps "mengunjungi" →
"kunjung" (a stemmer strips it to "unjung").

English: an irregular-verb table and -s/-es/-ed/-ing rules, checked against the known lemmas.
The affix and ending tables are data: `lang/id/morphology.toml`, `lang/en/morphology.toml`.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

from warta.errors import DataFileError
from warta.events.affixes import Affixes, load_affixes, load_inflections
from warta.lang import language_dir

ID_LEXICON_FILE = "id-lemmas-1.tsv.gz"
ID_ROOTS_FILE = "id-roots-1.txt.gz"


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: its root, the prefix the reading stripped ("" for none), its voice."""

    root: str
    prefix: str = ""
    passive: bool = False  # set by the language's morphology (Indonesian: `Affixes.passive_prefixes`)


class IndonesianMorphology:
    """Readings of Indonesian words; results are cached per instance (one per pipeline)."""

    def __init__(self, lexicon: dict[str, str], roots: frozenset[str],
                 affixes: Affixes | None = None) -> None:
        self.lexicon = lexicon
        self.roots = roots | frozenset(lexicon.values())
        self.affixes = affixes or load_affixes("id")
        self._cache: dict[str, tuple[Analysis, ...]] = {}

    @classmethod
    def load(cls, extra_roots: frozenset[str] = frozenset()) -> IndonesianMorphology:
        """The shipped lexicon and root list, plus the roots the patterns name."""
        lexicon = {}
        with gzip.open(str(language_dir("id").joinpath(ID_LEXICON_FILE)), "rt", encoding="utf-8") as fh:
            for line in fh:
                form, _, root = line.rstrip("\n").partition("\t")
                if root:
                    lexicon[form] = root
        with gzip.open(str(language_dir("id").joinpath(ID_ROOTS_FILE)), "rt", encoding="utf-8") as fh:
            roots = frozenset(line.strip() for line in fh if line.strip())
        return cls(lexicon, roots | extra_roots)

    def analyze(self, word: str) -> tuple[Analysis, ...]:
        """Every plausible (root, prefix) reading of `word`, most likely first."""
        word = word.casefold()
        found = self._cache.get(word)
        if found is None:
            found = tuple(dict.fromkeys(self._analyze(word)))
            if len(self._cache) < 200_000:  # bounded: news vocabulary, not an attack surface
                self._cache[word] = found
        return found

    def lemmas(self, word: str) -> frozenset[str]:
        return frozenset(a.root for a in self.analyze(word))

    def _analyze(self, word: str) -> list[Analysis]:
        out: list[Analysis] = []
        for bare in _without_clitics(word, self.affixes.clitics):
            out += self._readings(bare)
        if "-" in word and not out:
            # reduplication: "surat-surat", "tembak-menembak" share a root; "bertolak-belakang" does not
            head, _, tail = word.partition("-")
            tail_roots = {a.root for a in self._analyze(tail)} if tail else set()
            out += [a for a in self._analyze(head) if a.root in tail_roots or head == tail]
        return out

    def _readings(self, word: str) -> list[Analysis]:
        out = []
        affixes = self.affixes
        if word in self.roots:
            out.append(self._reading(word))
        prefix = _surface_prefix(word, affixes)
        if word in self.lexicon:
            out.append(self._reading(self.lexicon[word], prefix))
        for stem in _without_suffix(word, affixes.suffixes):
            if stem in self.roots and stem != word:
                out.append(self._reading(stem))
            for pre, root in _without_prefix(stem, affixes):
                if root in self.roots:
                    out.append(self._reading(root, pre))
                    if pre in affixes.stacked:  # diberlakukan → berlaku as well as laku
                        outer, inner = affixes.stacked[pre]
                        out.append(self._reading(inner + root, outer))
        return out

    def _reading(self, root: str, prefix: str = "") -> Analysis:
        return Analysis(root, prefix, prefix in self.affixes.passive_prefixes)


def _without_clitics(word: str, clitics: tuple[str, ...]) -> list[str]:
    forms = [word]
    for clitic in clitics:
        if word.endswith(clitic) and len(word) - len(clitic) >= 4:
            forms.append(word[: -len(clitic)])
            break
    return forms


def _without_suffix(word: str, suffixes: tuple[str, ...]) -> list[str]:
    forms = [word]
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)])
    return forms


def _without_prefix(word: str, affixes: Affixes) -> list[tuple[str, str]]:
    """(prefix, remainder) candidates, including the nasal sound changes of meN-/peN-."""
    out = []
    for lead, restores in affixes.nasal:
        if word.startswith(lead) and len(word) > len(lead) + 1:
            rest = word[len(lead):]
            out += [(affixes.nasal_reading, restore + rest) for restore in restores]
    for plain in affixes.plain_prefixes:
        if word.startswith(plain) and len(word) > len(plain) + 2:
            rest = word[len(plain):]
            out.append((plain, rest))
            if plain in affixes.drop_r_after and rest.startswith("r"):
                out.append((plain, rest[1:]))
    return out


def _surface_prefix(word: str, affixes: Affixes) -> str:
    """The prefix a lexicon form carries, so passives are known for dictionary hits too."""
    for plain in affixes.surface_prefixes:
        if word.startswith(plain) and len(word) > len(plain) + 3:
            return plain
    return affixes.nasal_reading if word.startswith(affixes.nasal_surface) else ""


def load_irregular_verbs(code: str = "en") -> tuple[dict[str, str], frozenset[str]]:
    """Irregular forms -> lemma, and which forms are past participles (`lang/en/irregular_verbs.tsv`)."""
    path = language_dir(code).joinpath("irregular_verbs.tsv")
    lemmas: dict[str, str] = {}
    participles: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[2] not in ("yes", "no"):
            raise DataFileError(f"warta/lang/{code}/irregular_verbs.tsv", number,
                                "expected form<TAB>lemma<TAB>yes|no")
        lemmas[cells[0]] = cells[1]
        if cells[2] == "yes":
            participles.add(cells[0])
    return lemmas, frozenset(participles)


class EnglishMorphology:
    """Lemmas of English word forms, limited to the lemmas the patterns use."""

    def __init__(self, lemmas: frozenset[str]) -> None:
        self.known = lemmas
        self.irregular, self.participles = load_irregular_verbs()
        self.inflections = load_inflections("en")
        self._cache: dict[str, tuple[Analysis, ...]] = {}

    def analyze(self, word: str) -> tuple[Analysis, ...]:
        word = word.casefold()
        found = self._cache.get(word)
        if found is None:
            participle = word.endswith(self.inflections.participle_endings) or word in self.participles
            prefix = "en" if participle else ""
            found = tuple(Analysis(lemma, prefix) for lemma in self._lemmas(word))
            if len(self._cache) < 200_000:
                self._cache[word] = found
        return found

    def lemmas(self, word: str) -> frozenset[str]:
        return frozenset(a.root for a in self.analyze(word))

    def _lemmas(self, word: str) -> list[str]:
        out = [word]
        if word in self.irregular:
            out.append(self.irregular[word])
        for ending, repl in self.inflections.endings:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                stem = word[: -len(ending)] + repl
                out.append(stem)
                if ending in self.inflections.undouble_after and len(stem) > 3 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])  # "planned" → plan, "shelling" stays shell
        return [w for w in dict.fromkeys(out) if w == word or w in self.known]
