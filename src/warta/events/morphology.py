"""Word forms → roots, so one event pattern keyed by a root covers every inflection.

Indonesian: a lookup of forms from nlp-id's lemma dictionary (MIT; only the forms of roots the
patterns use, see scripts/build_event_lexicon.py), then affix rules for what it lacks
("diberlakukan" is not in it): clitics -nya/-lah/-kah/-pun, reduplication, suffixes -kan/-i/-an,
prefixes meN-/peN- with their sound changes, ber-, per-, memper-, di-, ter-, ke-. A rule's
candidate root is accepted only when it is a known root, which is what keeps "mengunjungi" →
"kunjung" (a stemmer strips it to "unjung").

English: an irregular-verb table and -s/-es/-ed/-ing rules, checked against the known lemmas.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

from warta.errors import DataFileError
from warta.events.ontology import data_dir
from warta.lang import language_dir

ID_LEXICON_FILE = "id-lemmas-1.tsv.gz"
ID_ROOTS_FILE = "id-roots-1.txt.gz"
PASSIVE_PREFIXES = frozenset({"di", "ter", "diper"})

_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
# meN-/peN- allomorphs: (prefix as written, letters that replace the nasal) — "meny" + vowel
# hides an s ("menyerang" → serang), "men" a t, "mem" a p, "meng" a k or nothing.
_NASAL = (
    ("menge", ("",)), ("meny", ("s", "ny")), ("meng", ("k", "")), ("mem", ("p", "")),
    ("men", ("t", "")), ("me", ("",)),
)
_PLAIN = ("memper", "diper", "member", "diber", "ber", "be", "per", "di", "ter", "ke", "se")


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: its root and the prefix the reading stripped ("" for none)."""

    root: str
    prefix: str = ""

    @property
    def passive(self) -> bool:
        return self.prefix in PASSIVE_PREFIXES


class IndonesianMorphology:
    """Readings of Indonesian words; results are cached per instance (one per pipeline)."""

    def __init__(self, lexicon: dict[str, str], roots: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.roots = roots | frozenset(lexicon.values())
        self._cache: dict[str, tuple[Analysis, ...]] = {}

    @classmethod
    def load(cls, extra_roots: frozenset[str] = frozenset()) -> IndonesianMorphology:
        """The shipped lexicon and root list, plus the roots the patterns name."""
        lexicon = {}
        with gzip.open(str(data_dir().joinpath(ID_LEXICON_FILE)), "rt", encoding="utf-8") as fh:
            for line in fh:
                form, _, root = line.rstrip("\n").partition("\t")
                if root:
                    lexicon[form] = root
        with gzip.open(str(data_dir().joinpath(ID_ROOTS_FILE)), "rt", encoding="utf-8") as fh:
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
        for bare in _without_clitics(word):
            out += self._readings(bare)
        if "-" in word and not out:
            # reduplication: "surat-surat", "tembak-menembak" share a root; "bertolak-belakang" does not
            head, _, tail = word.partition("-")
            tail_roots = {a.root for a in self._analyze(tail)} if tail else set()
            out += [a for a in self._analyze(head) if a.root in tail_roots or head == tail]
        return out

    def _readings(self, word: str) -> list[Analysis]:
        out = []
        if word in self.roots:
            out.append(Analysis(word))
        prefix = _surface_prefix(word)
        if word in self.lexicon:
            out.append(Analysis(self.lexicon[word], prefix))
        for stem in _without_suffix(word):
            if stem in self.roots and stem != word:
                out.append(Analysis(stem))
            for pre, root in _without_prefix(stem):
                if root in self.roots:
                    out.append(Analysis(root, pre))
                    if pre in ("diber", "member"):  # diberlakukan → berlaku as well as laku
                        out.append(Analysis("ber" + root, pre[:-3]))
        return out


def _without_clitics(word: str) -> list[str]:
    forms = [word]
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) - len(clitic) >= 4:
            forms.append(word[: -len(clitic)])
            break
    return forms


def _without_suffix(word: str) -> list[str]:
    forms = [word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)])
    return forms


def _without_prefix(word: str) -> list[tuple[str, str]]:
    """(prefix, remainder) candidates, including the nasal sound changes of meN-/peN-."""
    out = []
    for nasal, restores in _NASAL:
        for lead in (nasal, "pe" + nasal[2:]):
            if word.startswith(lead) and len(word) > len(lead) + 1:
                rest = word[len(lead):]
                out += [("meN", restore + rest) for restore in restores]
    for plain in _PLAIN:
        if word.startswith(plain) and len(word) > len(plain) + 2:
            rest = word[len(plain):]
            out.append((plain, rest))
            # diper-/memper- then a nasal-less meN- reading, e.g. "dipertimbangkan" → timbang
            if plain in ("per", "ber", "ter") and rest.startswith("r"):
                out.append((plain, rest[1:]))
    return out


def _surface_prefix(word: str) -> str:
    """The prefix a lexicon form carries, so passives are known for dictionary hits too."""
    for plain in ("diper", "di", "ter"):
        if word.startswith(plain) and len(word) > len(plain) + 3:
            return plain
    return "meN" if word.startswith("me") else ""


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
        self._cache: dict[str, tuple[Analysis, ...]] = {}

    def analyze(self, word: str) -> tuple[Analysis, ...]:
        word = word.casefold()
        found = self._cache.get(word)
        if found is None:
            prefix = "en" if word.endswith("ed") or word in self.participles else ""
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
        for ending, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""),
                             ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                stem = word[: -len(ending)] + repl
                out.append(stem)
                if ending in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])  # "planned" → plan, "shelling" stays shell
        return [w for w in dict.fromkeys(out) if w == word or w in self.known]
