"""Induce an Indonesian CAMEO trigger lexicon from the PANL-BPPT Indonesian–English sentence pairs.

    .venv/bin/python scripts/induce_id_triggers.py [--shared ../shared/data] [--report FILE]

Why: the hand-written Indonesian patterns (`lang/id/events.toml`) cover the frequent codes only;
a lexicon learnt from parallel news makes Indonesian coverage a matter of data, not of whoever
wrote patterns last. Script + `lang/id/triggers-rejected.txt` (the hand curation) + the shared data
rebuild `lang/id/triggers-induced.tsv` exactly.

Method:
  1. Pairs: PANL-BPPT pairs minus every id of the Indonesian dev sets (id-panl-dev, id-panl-dev2:
     only their ids are read), minus the PANL measure part (`split.part_of(id, PANL_MEASURE_SHARE)`,
     kept for translation agreement), minus the id-panl-train ids (so the train check below measures
     the induced part on sentences it never saw; train gold is added afterwards as its own evidence).
  2. English side: warta's English coder codes each English sentence (events with trigger spans);
     English words are reduced to lemmas. Indonesian side: warta's own morphology (what the coder
     will run) gives roots; stopwords, numbers and names are dropped.
  3. Word translation: Dice over sentence pairs between English lemmas and Indonesian roots.
  4. Sentence-coded triggers: each English event's trigger is aligned to the Indonesian root of its
     sentence with the best Dice; (code, root) counts give bare-root entries, or exact-word
     entries when only some inflections of the root carry the event (the rest would be false hits).
  5. Dictionary triggers: PETRARCH's CAMEO verb dictionary (the converted TSV
     `lang/en/triggers-petrarch.tsv` when it exists, else CAMEO.2.0.txt): a verb with a default
     code, translated, when the Indonesian root mostly stands for that verb in international news;
     and `verb * object [code]` patterns carried over word by word, kept only as the Indonesian
     phrase read off an international pair whose English side has the English words (via=compose).
  6. Refinement (via=refine): a CAMEO leaf pattern whose verb translates to a root already trusted
     for the code's root (induced, gold or hand-written in events.toml) gives "<verb> ... <object>"
     the leaf code when the phrase occurs in the Indonesian international sentences.
  7. Curation: `triggers-rejected.txt` (read from the training proposals only) rejects roots alone,
     roots as a phrase's head, phrases, and (code, phrase) pairs. A rejected root inside a phrase is
     written as the exact words seen ("=mengadakan ... runding", not "ada ... runding").
  8. Gold: the id-panl-train trigger words with an unambiguous CAMEO root; the leaf code is what the
     English coder gives the pair's English side under that root.
  Words are lowercased, sets are iterated sorted: the output is the same on every run.
Prints coverage per CAMEO root and the train check (gold triggers found; hits that are gold).
Known: step 2 reads warta's English coder as it is now, so a rebuild follows the coder: a change to
the English lexicons or actors means rebuilding this TSV and retraining the Indonesian event model.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from warta.events.morphology import EnglishMorphology, IndonesianMorphology  # noqa: E402
from warta.events.ontology import Ontology  # noqa: E402
from warta.events.patterns import parse_phrase  # noqa: E402
from warta.split import PANL_MEASURE_SHARE, part_of  # noqa: E402

LANG_ID = REPO / "src" / "warta" / "lang" / "id"
OUT = LANG_ID / "triggers-induced.tsv"
REJECTED = LANG_ID / "triggers-rejected.txt"
PETRARCH_TSV = REPO / "src" / "warta" / "lang" / "en" / "triggers-petrarch.tsv"
VERSION = "id-triggers-induced-1"
CORPUS = "corpus/panl-bppt-en-id.jsonl.gz"
HELD_OUT = ("eval/id-panl-dev.jsonl", "eval/id-panl-dev2.jsonl")
TRAIN = "eval/id-panl-train.jsonl"
CAMEO_VERBS = "cameo/petrarch2/CAMEO.2.0.txt"
STOPWORDS = "morphology/nlpid-stopwords.txt"

# thresholds: a proposal needs this much evidence before it is shipped
MIN_PAIR_COUNT = 3  # a translation pair seen together in fewer sentences is noise
MIN_DICE = 0.12  # the weakest English→Indonesian association a trigger may rest on
MIN_EVENTS = 3  # English events aligned to a root before the root is a trigger of that code
MIN_CODE_SHARE = 0.3  # of a root's aligned events, for a code to be proposed
MIN_FORM_PRECISION = 0.25  # of a root's (or form's) occurrences, the share aligned to events
MIN_DICT_PRECISION = 0.4  # a dictionary verb's translation: share of the root's sentences with the verb
MIN_COMPOSED_PAIRS = 1  # training pairs attesting a composed verb ... object phrase
COMPOSE_GAP = 4  # words between a composed phrase's verb and object (the coder's default gap)
TRANSLATIONS = 2  # Indonesian roots tried per English word in a composition

_ID_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_EN_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_ID_FIELD = re.compile(r'"id"\s*:\s*"([^"]+)"')
_VERBAL = ("me", "di", "ber", "ter", "per", "pe")
_EN_STOP_WORDS = (
    "a an the of and or but to in on at by for with from as into onto over under about against "
    "between among through during after before since until upon within without off out up down "
    "near via per is are was were be been being am has have had do does did will would shall "
    "should can could may might must this that these those it its he she they them his her their "
    "him we our you your i me my who whom whose which what when where why how there here not no "
    "nor so than then too very also just said says say told tell mr mrs ms s t one two three four "
    "five six seven eight nine ten"
)
_EN_STOP = frozenset(_EN_STOP_WORDS.split())
_EN_PREPS_WORDS = (
    "to in on at by for with from of into over under against about between among through during "
    "after before near via upon toward towards within without off out up down as"
)
_EN_PREPS = frozenset(_EN_PREPS_WORDS.split())


# ---- data -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Pair:
    """One training pair, tokenised: Indonesian surface words with their roots, English lemmas."""

    id: str
    id_words: list[str]  # lowercased Indonesian tokens kept (stopwords, names, numbers gone)
    id_roots: list[str]  # the first root of each kept word
    en_lemmas: list[str]
    en_text: str
    category: str = ""

    @property
    def political(self) -> bool:
        """Trigger evidence comes from the international news only: sport ("beat", "attack"),
        science and markets use the same verbs for other things."""
        return self.category == "international"


def read_ids(path: Path) -> set[str]:
    """The ids of a JSONL file, read from each line's "id" field without parsing the sentence.

    Why: the dev sets must stay unread; only their ids are needed, to keep them out of induction.
    """
    ids = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            found = _ID_FIELD.search(line)
            if found:
                ids.add(found.group(1))
    return ids


def excluded(pair_id: str, held_out: set[str]) -> bool:
    """True for pairs induction must not see: dev/dev2 (and train) ids and the PANL measure part."""
    return pair_id in held_out or part_of(pair_id, PANL_MEASURE_SHARE) == "measure"


def held_out_ids(shared: Path, with_train: bool = True) -> set[str]:
    """Ids kept out of induction: the dev sets always, the train set so its check stays fair."""
    ids: set[str] = set()
    for name in HELD_OUT + ((TRAIN,) if with_train else ()):
        ids |= read_ids(shared / name)
    return ids


def iter_corpus(shared: Path) -> Iterator[dict[str, str]]:
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Rejections:
    """The hand curation (`triggers-rejected.txt`): see that file's header for the syntax."""

    alone: set[str] = field(default_factory=set)  # roots never a trigger on their own
    heads: set[str] = field(default_factory=set)  # roots never a trigger's first word at all
    phrases: set[str] = field(default_factory=set)  # normalised phrases, every code
    per_code: set[tuple[str, str]] = field(default_factory=set)  # (code, normalised phrase)


def read_rejections(path: Path) -> Rejections:
    """`root` (not alone), `!root` (not even heading a phrase), `phrase`, or `CODE phrase`."""
    out = Rejections()
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cells = line.split()
        if len(cells) >= 2 and cells[0].isdigit():
            out.per_code.add((cells[0], " ".join(cells[1:])))
        elif len(cells) == 1 and cells[0].startswith("!"):
            out.heads.add(cells[0][1:])
            out.alone.add(cells[0][1:])
        elif len(cells) == 1:
            out.alone.add(cells[0])
        else:
            out.phrases.add(" ".join(cells))
    return out


# ---- tokenising -----------------------------------------------------------------------------


class Tokeniser:
    """Indonesian and English tokens as the induction counts them."""

    def __init__(self, shared: Path, rows: list[dict[str, str]],
                 en_known: frozenset[str] = frozenset()) -> None:
        self.morph = IndonesianMorphology.load()
        self.stop = frozenset(w.strip().casefold() for w in
                              (shared / STOPWORDS).read_text(encoding="utf-8").splitlines() if w.strip())
        lower: Counter[str] = Counter()
        capital: Counter[str] = Counter()
        en_vocab: Counter[str] = Counter()
        for row in rows:
            for n, word in enumerate(_ID_WORD.findall(row["text"])):
                if word[0].isupper():
                    if n:
                        capital[word.casefold()] += 1
                else:
                    lower[word] += 1
            en_vocab.update(w.casefold() for w in _EN_WORD.findall(row["text_en"]))
        self.lower, self.capital = lower, capital
        self.en_morph = EnglishMorphology(frozenset(w for w, c in en_vocab.items() if c >= 2))
        self.en_vocab, self.en_known = en_vocab, en_known
        self._root: dict[str, str] = {}
        self.ambiguous: frozenset[str] = frozenset()  # roots rejected alone (triggers-rejected.txt)

    def keep_id(self, word: str) -> bool:
        """A content word: not a stopword (unless a derived verb, which the list has many of), not
        a name (a capitalised word seen more often capitalised than not), not a number."""
        low = word.casefold()
        if len(low) < 3 or (not low.isalpha() and "-" not in low):
            return False
        if word[0].isupper() and self.capital[low] >= self.lower[low]:
            return False
        if low in self.stop:
            return low.startswith(_VERBAL) and len(low) >= 7
        return True

    def root(self, word: str) -> str:
        low = word.casefold()
        found = self._root.get(low)
        if found is None:
            analyses = self.morph.analyze(low)
            found = analyses[0].root if analyses else low
            self._root[low] = found
        return found

    def roots(self, word: str) -> frozenset[str]:
        """Every root the coder could read in `word` (what a bare-root entry would match)."""
        return self.morph.lemmas(word.casefold()) | {word.casefold()}

    def en_lemma(self, word: str) -> str:
        low = word.casefold()
        options = [a.root for a in self.en_morph.analyze(low)]
        if not options:
            return low
        # a lemma the CAMEO dictionary names ("talks" → talk), else the most frequent reading
        # ("aid" stays aid, not "ai"; "attacked" → attack)
        named = [o for o in options if o in self.en_known]
        return min(named or options, key=lambda o: (-(o in self.en_known), -self.en_vocab[o], len(o)))

    def en_lemmas(self, text: str) -> list[str]:
        return [self.en_lemma(w) for w in _EN_WORD.findall(text) if w.casefold() not in _EN_STOP]

    def id_tokens(self, text: str) -> tuple[list[str], list[str]]:
        words = [w.casefold() for w in _ID_WORD.findall(text) if self.keep_id(w)]
        return words, [self.root(w) for w in words]


# ---- translation --------------------------------------------------------------------------


@dataclass
class Translation:
    """Sentence-level co-occurrence of English lemmas and Indonesian roots (document frequencies)."""

    en: Counter[str] = field(default_factory=Counter)
    id: Counter[str] = field(default_factory=Counter)
    joint: Counter[tuple[str, str]] = field(default_factory=Counter)
    pairs: int = 0

    @classmethod
    def count(cls, pairs: Iterable[Pair]) -> Translation:
        table = cls()
        for pair in pairs:
            table.pairs += 1
            ens, ids = set(pair.en_lemmas), set(pair.id_roots)
            table.en.update(ens)
            table.id.update(ids)
            table.joint.update((e, i) for e in ens for i in ids)
        return table

    def dice(self, en: str, root: str) -> float:
        joint = self.joint.get((en, root), 0)
        return 2 * joint / (self.en[en] + self.id[root]) if joint else 0.0

    def llr(self, en: str, root: str) -> float:
        """Dunning's log-likelihood ratio of the 2×2 table (reported, to tell chance from signal)."""
        k11 = self.joint.get((en, root), 0)
        k12, k21 = self.en[en] - k11, self.id[root] - k11
        k22 = self.pairs - k11 - k12 - k21

        def h(*ks: int) -> float:
            total = sum(ks)
            return sum(k * math.log(k / total) for k in ks if k)

        return 2 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))

    def best(self, en: str, n: int = TRANSLATIONS) -> list[tuple[str, float]]:
        """The `n` Indonesian roots most associated with `en` (enough evidence only)."""
        if en not in self.en:
            return []
        options = [(root, self.dice(en, root)) for (e, root), c in self._by_en().get(en, {}).items()
                   if c >= MIN_PAIR_COUNT]
        options = [o for o in options if o[1] >= MIN_DICE]
        return sorted(options, key=lambda o: (-o[1], o[0]))[:n]

    def best_en(self, root: str, n: int = 3) -> list[str]:
        """The `n` English lemmas most associated with `root`: a translation must be mutual."""
        by_root = getattr(self, "_root_index", None)
        if by_root is None:
            by_root = defaultdict(list)
            for (e, r), c in self.joint.items():
                if c >= MIN_PAIR_COUNT:
                    by_root[r].append(e)
            self._root_index = by_root
        return sorted(by_root.get(root, []), key=lambda e: (-self.dice(e, root), e))[:n]

    def mutual(self, en: str, root: str, n: int = 3) -> bool:
        return en in self.best_en(root, n)

    def _by_en(self) -> dict[str, dict[tuple[str, str], int]]:
        cache = getattr(self, "_index", None)
        if cache is None:
            cache = defaultdict(dict)
            for (e, root), c in self.joint.items():
                cache[e][(e, root)] = c
            self._index = cache
        return cache


# ---- the English side: coded events and CAMEO dictionary templates --------------------------


@dataclass(frozen=True, slots=True)
class EnEvent:
    """One event the English coder found in a pair: its code and trigger lemmas."""

    pair: int
    code: str
    lemmas: tuple[str, ...]


_PIPELINE: list[object] = []


def _english_pipeline():
    """warta's English coder, word-order rules only (the build must not need trained models, nor
    the Indonesian lexicon it writes); one per run."""
    if not _PIPELINE:
        from warta import Pipeline
        from warta.settings import Settings

        _PIPELINE.append(Pipeline(Settings(languages=("en",), use_parser=False, use_ner=False)))
    return _PIPELINE[0]


def code_english(pairs: list[Pair], tok: Tokeniser) -> list[EnEvent]:
    """Run warta's English coder over every English side (it is fast: a rule coder)."""
    pipeline = _english_pipeline()
    events = []
    for n, pair in enumerate(pairs):
        article = pipeline.analyze({"text": pair.en_text, "lang": "en"})
        for event in article.events:
            if event.trigger is None:
                continue
            lemmas = tuple(tok.en_lemma(w) for w in _EN_WORD.findall(event.trigger.text)
                           if w.casefold() not in _EN_STOP)
            if lemmas:
                events.append(EnEvent(n, event.code, lemmas))
    return events


@dataclass(frozen=True, slots=True)
class Template:
    """An English CAMEO trigger: a code, verb lemmas (alternatives) and object words (each slot's
    alternatives, in English order). No object: the verb alone is the trigger."""

    code: str
    verbs: tuple[str, ...]
    objects: tuple[tuple[str, ...], ...]
    origin: str


def templates_from_petrarch_tsv(path: Path) -> list[Template]:
    """The PETRARCH2 dictionary as converted by warta (`code phrase kind source weight`)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0][:1].isdigit():
            continue
        try:
            elements = parse_phrase(cells[1])
        except ValueError:
            continue
        raw = [tuple(sorted(e.lemmas | e.words)) for e in elements if not e.gap]
        slots = [tuple(w for w in s if w not in _EN_STOP) for s in raw]
        slots = [s for s in slots if s]
        if not slots or len(slots) > 3 or (len(raw) > 1 and len(slots) == 1):
            continue  # a preposition alone decides the code ("rush ... to"): no Indonesian word for it
        out.append(Template(cells[0], slots[0], tuple(slots[1:]), "petrarch-tsv"))
    return out


def templates_from_cameo(path: Path) -> list[Template]:
    """PETRARCH2's CAMEO.2.0 verb blocks, read minimally: a block's verbs with its default code,
    and its `- * object [code]` patterns (synonym sets expanded, prepositions dropped)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    synsets: dict[str, list[str]] = {}
    head, _, verbs_part = text.partition("####### VERB PATTERNS #######")
    current: list[str] | None = None
    for line in head.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = synsets.setdefault(line.split()[0], [])
        elif line.startswith("+") and current is not None:
            current.append(line[1:].split()[0].strip("_").replace("_", " ").casefold())
        elif not line:
            current = None
    verbs_part = verbs_part.partition("######## TRANSFORMATIONS")[0]
    out: list[Template] = []
    for block in re.split(r"\n(?=---\s)", verbs_part):
        header = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", block)
        if not header:
            continue
        default = header.group(2).split(":")[0]
        verbs: list[str] = []
        patterns: list[tuple[str, str]] = []
        for line in block.splitlines()[1:]:
            body = line.split("#", 1)[0].strip()
            if not body:
                continue
            if body.startswith("-"):
                found = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]", body)
                if found:
                    patterns.append((found.group(1), found.group(2).split(":")[0]))
            elif not body.startswith("+"):  # multi-word verbs (+MEET_WITH) are left out
                verbs.append(body.split()[0].casefold())
        verbs = [v for v in verbs if v.isalpha()]
        if not verbs:
            continue
        if default.isdigit():
            out.append(Template(default, tuple(verbs), (), f"cameo:{header.group(1).casefold()}"))
        for pattern, code in patterns:
            if not code.isdigit() or "*" not in pattern:
                continue
            before, _, after = pattern.partition("*")
            if re.search(r"[A-Za-z]", before):
                continue  # subject-side words: an Indonesian order the translation cannot guess
            slots = _object_slots(after, synsets)
            if slots and len(slots) <= 2:
                out.append(Template(code, tuple(verbs), tuple(slots), f"cameo:{header.group(1).casefold()}"))
    return out


def _object_slots(after: str, synsets: dict[str, list[str]]) -> list[tuple[str, ...]]:
    slots: list[tuple[str, ...]] = []
    for raw in re.findall(r"&?[A-Za-z][A-Za-z_\-']*", after):
        if raw.startswith("&"):
            members = tuple(m for m in synsets.get(raw, []) if " " not in m)[:8]
            if members:
                slots.append(members)
            continue
        word = raw.strip("_").casefold()
        if word in _EN_PREPS or word in _EN_STOP or len(word) < 3:
            continue
        slots.append((word,))
    return slots


def load_templates(shared: Path) -> tuple[list[Template], str]:
    """CAMEO.2.0's verb blocks read here (pinned shared data: every block's default code), plus
    the converted PETRARCH TSV when another part of warta ships it (its own reading of the
    patterns); duplicates dropped, order kept, so the build is the same whenever both are."""
    found = templates_from_cameo(shared / CAMEO_VERBS)
    source = CAMEO_VERBS
    if PETRARCH_TSV.exists():
        converted = templates_from_petrarch_tsv(PETRARCH_TSV)
        if converted:
            found += converted
            source += " + src/warta/lang/en/triggers-petrarch.tsv"
    seen: set[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]] = set()
    out = []
    for t in found:
        key = (t.code, tuple(sorted(t.verbs)), t.objects)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out, source


# ---- proposals ----------------------------------------------------------------------------


@dataclass(slots=True)
class Proposal:
    """One candidate lexicon line and the evidence behind it (`support`: aligned pairs)."""

    code: str
    phrase: str
    kind: str
    source: str
    weight: float
    support: int
    method: str  # coder | cameo | compose | gold


def nominal(word: str) -> bool:
    """A noun form of a root: -an nouns (serangan, perundingan, kesepakatan) and peN- agents."""
    bare = word[:-3] if word.endswith("nya") else word
    return (bare.endswith("an") and not bare.startswith(("me", "di", "ber", "ter"))) or bare.startswith("pe")


def kind_of(forms: Counter[str]) -> str:
    nouns = sum(c for f, c in forms.items() if nominal(f))
    return "noun" if nouns * 2 > sum(forms.values()) else "verb"


def root_and_forms(root: str, forms_hit: Counter[str], form_df: Counter[str], root_hits: int,
                   root_df: int, tok: Tokeniser, precision: float = MIN_FORM_PRECISION,
                   min_count: int = 2) -> list[str]:
    """The bare root when enough of its occurrences carry the event, and the exact forms that do
    on their own ("=pertemuan|=bertemu" when "menemukan" makes "temu" too loose): the curation
    may reject the root and keep the forms."""
    out = []
    if root in tok.morph.roots and root_df and root_hits / root_df >= precision:
        out.append(root)
    good = sorted((f for f, c in forms_hit.items()
                   if c >= min_count and form_df[f] and c / form_df[f] >= precision),
                  key=lambda f: (-forms_hit[f], f))
    if good and (not out or len(good) < len(forms_hit)):
        out.append("|".join(f"={f}" for f in sorted(good[:6])))
    return out


def propose_from_coder(pairs: list[Pair], events: list[EnEvent], table: Translation, pol: Translation,
                       tok: Tokeniser, form_df: Counter[str]) -> list[Proposal]:
    """Align each English event's trigger to its sentence's best-associated Indonesian root
    (a mutual translation: the root's own best English words include the trigger's)."""
    by_code: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (root, code) → forms
    pairs_hit: dict[tuple[str, str], set[int]] = defaultdict(set)
    en_of: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    dice_of: dict[tuple[str, str], list[float]] = defaultdict(list)
    total: Counter[str] = Counter()
    for event in events:
        pair = pairs[event.pair]
        if not pair.political:
            continue
        best: tuple[float, str, str] | None = None
        for lemma in event.lemmas:
            for root in sorted(set(pair.id_roots)):
                if table.joint.get((lemma, root), 0) < MIN_PAIR_COUNT or not table.mutual(lemma, root):
                    continue
                score = table.dice(lemma, root)
                if score >= MIN_DICE and (best is None or score > best[0]):
                    best = (score, root, lemma)
        if best is None:
            continue
        score, root, lemma = best
        key = (root, event.code)
        if event.pair in pairs_hit[key]:
            continue  # one sentence is one piece of evidence
        pairs_hit[key].add(event.pair)
        by_code[key].update(w for w, r in zip(pair.id_words, pair.id_roots, strict=True) if r == root)
        en_of[key][lemma] += 1
        dice_of[key].append(score)
        total[root] += 1
    out = []
    for (root, code), forms in by_code.items():
        n = len(pairs_hit[(root, code)])
        if n < MIN_EVENTS or n / total[root] < MIN_CODE_SHARE:
            continue
        en = en_of[(root, code)].most_common(1)[0][0]
        dice = max(dice_of[(root, code)])
        precision = n / max(1, pol.id[root])
        weight = 0.3 + 0.5 * min(1.0, precision / 0.6) * (n / total[root])
        for phrase in root_and_forms(root, forms, form_df, n, pol.id[root], tok):
            out.append(Proposal(code, phrase, kind_of(forms), f"panl:dice={dice:.2f}:n={n}:en={en}:via=coder",
                                round(weight, 2), n, "coder"))
    return out


def propose_from_dictionary(pairs: list[Pair], templates: list[Template], table: Translation,
                            pol: Translation, tok: Tokeniser, form_df: Counter[str]) -> list[Proposal]:
    """A CAMEO verb with a default code, translated: a mutual translation, seen together in
    international news, and the Indonesian root must mostly stand for one of the block's verbs
    there (the share of its sentences whose English side has one)."""
    en_pairs = _en_index(pairs)
    out = []
    for template in templates:
        if template.objects:
            continue
        lemmas = {tok.en_lemma(v) for v in template.verbs}
        for verb in sorted(lemmas):
            with_verb = en_pairs.get(verb, set())
            for root, dice in table.best(verb):
                if root not in tok.morph.roots or not table.mutual(verb, root):
                    continue
                joint = pol.joint.get((verb, root), 0)
                if joint < MIN_EVENTS:
                    continue
                root_pairs = {n for n in with_verb if root in pairs[n].id_roots}
                precision = len(root_pairs) / max(1, pol.id[root])
                forms: Counter[str] = Counter(w for n in root_pairs for w in set(
                    w for w, r in zip(pairs[n].id_words, pairs[n].id_roots, strict=True) if r == root))
                weight = 0.3 + 0.4 * min(1.0, precision / 0.6)
                for phrase in root_and_forms(root, forms, form_df, len(root_pairs), pol.id[root], tok,
                                             MIN_DICT_PRECISION, MIN_EVENTS):
                    out.append(Proposal(template.code, phrase, kind_of(forms),
                                        f"panl:dice={dice:.2f}:n={joint}:en={verb}:via={template.origin}",
                                        round(weight, 2), joint, "cameo"))
    return out


def _en_index(pairs: list[Pair], every_domain: bool = False) -> dict[str, set[int]]:
    """English lemma → the international pairs (or all pairs) that have it."""
    index: dict[str, set[int]] = defaultdict(set)
    for n, pair in enumerate(pairs):
        if pair.political or every_domain:
            for lemma in pair.en_lemmas:
                index[lemma].add(n)
    return index


def _in_order(lemmas: list[str], verbs: set[str], slots: list[set[str]],
              window: int = 6) -> tuple[str, ...] | None:
    """The English words of a template in this sentence (a verb, then each object slot within
    `window` content words), or None."""
    for i, lemma in enumerate(lemmas):
        if lemma not in verbs:
            continue
        j, words = i, [lemma]
        for slot in slots:
            nxt = next((k for k in range(j + 1, min(len(lemmas), j + 1 + window)) if lemmas[k] in slot), None)
            if nxt is None:
                break
            j = nxt
            words.append(lemmas[nxt])
        else:
            return tuple(words)
    return None


def _translations(table: Translation, en: str, mutual: int = 3) -> set[str]:
    """Indonesian roots for `en`: its best three, each having `en` among its own best `mutual`."""
    return {r for r, _ in table.best(en, 3) if table.mutual(en, r, mutual)}


def propose_compositions(pairs: list[Pair], id_tokens: list[list[str]], templates: list[Template],
                         table: Translation, tok: Tokeniser) -> list[Proposal]:
    """CAMEO `verb * object [code]` patterns carried over word by word, as phrases read off the
    Indonesian sides of the international pairs whose English side has the pattern (so the
    Indonesian order is real); each word must be a mutual translation of the English word there."""
    en_pairs = _en_index(pairs)
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    en_of: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    heads: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # the phrase's first word
    for template in templates:
        if not template.objects:
            continue
        verbs = {tok.en_lemma(v) for v in template.verbs}
        slots = [{tok.en_lemma(w) for w in slot} for slot in template.objects]
        candidates = set().union(*(en_pairs.get(v, set()) for v in verbs))
        for slot in slots:
            candidates &= set().union(*(en_pairs.get(w, set()) for w in slot))
        for n in sorted(candidates):
            words = _in_order(pairs[n].en_lemmas, verbs, slots)
            if words is None:
                continue
            id_verbs = _translations(table, words[0])
            id_slots = [_translations(table, w) for w in words[1:]]
            if not id_verbs or not all(id_slots):
                continue
            read = _read_phrase(id_tokens[n], id_verbs, id_slots, tok)
            if read:
                phrase, head = read
                key = (template.code, phrase)
                found[key].add(n)
                en_of[key][" ".join(words)] += 1
                heads[key][head] += 1
    out = []
    for (code, phrase), hits in found.items():
        if len(hits) < MIN_COMPOSED_PAIRS:
            continue
        weight = 0.35 + 0.1 * min(4, len(hits))
        en = en_of[(code, phrase)].most_common(1)[0][0]
        out.append(Proposal(code, phrase, kind_of(heads[(code, phrase)]),
                            f"panl:n={len(hits)}:en={en}:via=compose",
                            round(weight, 2), len(hits), "compose"))
    return out


def _element(word: str, roots: set[str], tok: Tokeniser) -> str:
    """A phrase element: the root, or the exact word when the root is unknown to the coder or
    too ambiguous to stand for every inflection ("mengadakan" yes, "ada" no)."""
    shared = sorted(tok.roots(word) & roots & tok.morph.roots)
    return shared[0] if shared and shared[0] not in tok.ambiguous else f"={word}"


def _read_phrase(tokens: list[str], id_verbs: set[str], id_slots: list[set[str]],
                 tok: Tokeniser) -> tuple[str, str] | None:
    """The Indonesian phrase of one attesting sentence: the verb's word and each object's word,
    in the sentence's order, joined by gaps the coder allows (at most COMPOSE_GAP words)."""
    span = COMPOSE_GAP + 1
    for i, word in enumerate(tokens):
        if not tok.roots(word) & id_verbs:
            continue
        picked = [(i, _element(word, id_verbs, tok))]
        for slot in id_slots:
            near = [k for k in range(max(0, i - span * 2), min(len(tokens), i + span * 2 + 1))
                    if k not in {p for p, _ in picked} and tok.roots(tokens[k]) & slot]
            if not near:
                break
            k = min(near, key=lambda k: abs(k - i))
            picked.append((k, _element(tokens[k], slot, tok)))
        else:
            picked.sort()
            parts = [picked[0][1]]
            for (a, _), (b, element) in pairwise(picked):
                if b - a - 1 > COMPOSE_GAP:
                    break
                if b - a > 1:
                    parts.append("...")
                parts.append(element)
            else:
                return " ".join(parts), tokens[picked[0][0]]
    return None


def handwritten_triggers(ontology: Ontology) -> list[Proposal]:
    """The one-word triggers of warta's hand-written Indonesian patterns (events.toml), as
    trusted parents for `propose_refinements`; they are not written to the lexicon."""
    from warta.events.patterns import parse_patterns
    from warta.lang import language_dir

    out = []
    for pattern in parse_patterns(language_dir("id").joinpath("events.toml"), "id", ontology).patterns:
        for phrase in pattern.phrases:
            first = phrase[0]
            for word in sorted(first.lemmas) + [f"={w}" for w in sorted(first.words)]:
                kind = "noun" if nominal(word.lstrip("=")) else "verb"
                out.append(Proposal(pattern.code, word, kind, "events.toml", 0.0, 0, "handwritten"))
    return out


def derived_verb(word: str, root: str, tok: Tokeniser) -> bool:
    """A meN-/di- verb or peN- noun of `root` ("mengadakan", "diadakan", "pemberian"): what a light
    root means inside a phrase. Not ber-/ter-/ke- forms or the root itself ("berada", "terakhir",
    "keadaan", "ada"), nor a longer derivation of another word ("pemberitahuan")."""
    return (tok.root(word) == root and word.startswith(("me", "di", "pe")) and "-" not in word
            and len(word) <= len(root) + 7)


def propose_refinements(trusted: list[Proposal], id_tokens: list[list[str]], news: list[bool],
                         templates: list[Template], table: Translation, tok: Tokeniser) -> list[Proposal]:
    """Leaf codes for trusted triggers: a CAMEO `verb * object [code]` pattern whose verb
    translates to a root already trusted for the code's CAMEO root ("tuntut" for 10) gives
    "tuntut ... <object>" the pattern's leaf code when the phrase occurs in the training pairs'
    Indonesian sides (international news only: attested elsewhere they are sport's "tembak ...
    gawang", markets' "memberikan ... kredit", "dibebaskan ... biaya", tried and read). The English
    side need not have it: the parent trigger is trusted, the object only narrows the code, so
    single attestations are enough."""
    by_root: dict[str, dict[str, str]] = defaultdict(dict)  # CAMEO root → trusted root → kind
    for p in trusted:
        if " " in p.phrase:
            continue
        first = p.phrase.split("|")[0]
        root = tok.root(first[1:]) if first.startswith("=") else first
        if root in tok.morph.roots:
            by_root[p.code[:2]].setdefault(root, p.kind)
    positions: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for n, tokens in enumerate(id_tokens):
        if not news[n]:
            continue
        for i, word in enumerate(tokens):
            for root in tok.roots(word):
                positions[root].add((n, i))
    common = 0.02 * max(1, table.pairs)  # objects as frequent as "pemerintah" narrow nothing
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    en_of: dict[tuple[str, str], str] = {}
    kinds: dict[tuple[str, str], str] = {}
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # the verb's attested words
    for template in templates:
        if not template.objects:
            continue
        trusted_here = by_root.get(template.code[:2], {})
        verbs = {tok.en_lemma(v) for v in template.verbs}
        id_verbs = {(r, v) for v in verbs for r in _translations(table, v) if r in trusted_here}
        if not id_verbs:
            continue
        for word in template.objects[-1]:  # the last object word is the head: "state of EMERGENCY"
            lemma = tok.en_lemma(word)
            for obj in sorted(_translations(table, lemma, 5)):
                if table.id[obj] > common or obj not in tok.morph.roots:
                    continue
                for verb, en_verb in sorted(id_verbs):
                    if obj == verb:
                        continue
                    key = (template.code, f"{verb} ... {obj}")
                    for n, i in positions[verb]:
                        if any((n, j) in positions[obj] for j in range(i + 1, i + COMPOSE_GAP + 2)):
                            found[key].add(n)
                            surfaces[key][id_tokens[n][i]] += 1
                    if found.get(key):
                        en_of.setdefault(key, f"{en_verb} {lemma}")
                        kinds[key] = trusted_here[verb]
    out = []
    for (code, phrase), hits in found.items():
        if hits:
            key = (code, phrase)
            verb, rest = phrase.split(" ", 1)
            if verb in tok.ambiguous:  # a light verb heads a phrase as the words seen: "=menghentikan"
                words = sorted(w for w in surfaces[key] if derived_verb(w, verb, tok))[:6]
                if not words:
                    continue
                phrase = "|".join(f"={w}" for w in words) + " " + rest
            out.append(Proposal(code, phrase, kinds[key], f"panl:n={len(hits)}:en={en_of[key]}:via=refine",
                                round(0.35 + 0.05 * min(4, len(hits)), 2), len(hits), "refine"))
    return out


def precise_enough(proposals: list[Proposal], texts: list[str], ontology: Ontology) -> list[Proposal]:
    """Drop dictionary-derived entries that fire far more often than they are attested: a phrase
    seen with its English pattern in 2 of the 300 sentences it matches is not that pattern."""
    fires = corpus_hits(texts, proposals, ontology)
    kept = []
    for n, p in enumerate(proposals):
        if p.method in ("compose", "cameo") and fires[n] and p.support / fires[n] < MIN_FORM_PRECISION:
            continue
        kept.append(p)
    return kept


# ---- merging, gold, curation ------------------------------------------------------------------


def merge(proposals: list[Proposal], tok: Tokeniser) -> list[Proposal]:
    """One entry per trigger root (a single-word entry) or per phrase: gold wins, then the
    English coder's contextual code, then the best-supported; a bare root found by any method
    replaces a list of its exact forms (it passed the stricter whole-root precision test)."""
    groups: dict[str, list[Proposal]] = defaultdict(list)
    for p in proposals:
        groups[_key(p.phrase, tok)].append(p)
    kept = []
    for group in groups.values():
        best = max(group, key=lambda p: (p.method == "gold", p.method == "coder", p.support, len(p.code)))
        bare = [p.phrase for p in group if " " not in p.phrase and not p.phrase.startswith("=")]
        if bare and best.phrase.startswith("=") and best.method != "gold":
            others = sorted({p.source.split(":via=")[-1] for p in group if p is not best})
            best = Proposal(best.code, bare[0], best.kind, best.source + "+" + "+".join(others),
                            best.weight, best.support, best.method)
        kept.append(best)
    return sorted(kept, key=lambda p: (p.code, p.phrase))


def _key(phrase: str, tok: Tokeniser) -> str:
    """What two entries compete for: a single word's root, or the whole phrase."""
    if " " in phrase:
        return phrase
    first = phrase.split("|")[0]
    return tok.root(first[1:]) if first.startswith("=") else first


def gold_triggers(shared: Path, tok: Tokeniser) -> list[tuple[str, str, str, str]]:
    """(sentence id, trigger text, root codes "18|19", English side) of every id-panl-train event."""
    out = []
    with (shared / TRAIN).open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            for event in record.get("expected", []):
                if event.get("trigger"):
                    out.append((record["id"], event["trigger"], event["code"], record.get("text_en") or ""))
    return out


_GOLD_SKIP_WORDS = (
    "akan bakal ingin mau siap telah sudah masih juga segera untuk kami kita mereka"
)
_GOLD_SKIP = frozenset(_GOLD_SKIP_WORDS.split())
_GOLD_TRAIL = frozenset(["ke", "kepada", "dengan", "dari", "di", "untuk", "pada", "atas", "oleh"])
_GOLD_INSIDE = frozenset(["yang", "ini", "itu", "adalah", "dan", "antara", "para", "sebuah", "tersebut"])


def gold_phrase(trigger: str, tok: Tokeniser, rejected: set[str]) -> str | None:
    """A gold trigger as a phrase: names (capitalised words after the first) and modal or
    pronoun words dropped ("akan membuka kembali" → "buka kembali"), a trailing preposition too;
    each word's root, or the exact word when its root is rejected alone (too ambiguous) or
    unknown; longer than three words: left out."""
    raw = _ID_WORD.findall(trigger)
    words = [w.casefold() for n, w in enumerate(raw) if not (n and w[0].isupper())
             and w.casefold() not in _GOLD_INSIDE]
    while words and words[0] in _GOLD_SKIP:
        words.pop(0)
    while words and words[-1] in _GOLD_TRAIL | _GOLD_SKIP:
        words.pop()
    if not words or len(words) > 3:
        return None
    parts = []
    for word in words:
        root = tok.root(word)
        parts.append(root if root in tok.morph.roots and root not in rejected and
                     (len(words) > 1 or word not in tok.stop or root != word) else f"={word}")
    return " ".join(parts)


def propose_gold(shared: Path, tok: Tokeniser, ontology: Ontology, rejected: set[str]) -> list[Proposal]:
    """Gold trigger words of id-panl-train with an unambiguous CAMEO root. The set is annotated
    to the root only; the leaf code is the one warta's English coder gives the pair's English side
    under that root (its commonest), else the root's generic leaf ("19" → "190")."""
    pipeline = _english_pipeline()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    leaves: dict[str, Counter[str]] = defaultdict(Counter)
    trigger_words: dict[str, Counter[str]] = defaultdict(Counter)  # each trigger's first word
    coded: dict[str, list[str]] = {}
    for sid, trigger, codes, english in gold_triggers(shared, tok):
        phrase = gold_phrase(trigger, tok, rejected)
        if phrase is None:
            continue
        if sid not in coded:
            coded[sid] = [e.code for e in pipeline.analyze({"text": english, "lang": "en"}).events] \
                if english else []
        roots = codes.split("|")
        votes[phrase].update(roots)
        leaves[phrase].update(c for c in coded[sid] if c[:2] in roots and len(c) > 2)
        trigger_words[phrase][_ID_WORD.findall(trigger)[0].casefold()] += 1
    out = []
    for phrase, counted in votes.items():
        (root, n), *rest = counted.most_common()
        if rest and rest[0][1] * 2 > n:
            continue  # annotated with two roots about as often: not evidence for either
        under = [c for c, _k in leaves[phrase].most_common() if c[:2] == root]
        code = under[0] if under else (root + "0" if len(root) == 2 else root)
        if code not in ontology:
            continue
        kind = kind_of(Counter({trigger_words[phrase].most_common(1)[0][0]: 1}))
        via = ":leaf=en-coder" if under else ""
        out.append(Proposal(code, phrase, kind, f"panl-train:gold:n={n}{via}", 0.8, n, "gold"))
    return out


def normalise(phrase: str, tok: Tokeniser) -> str:
    """A phrase with each exact word read as its root (first alternative only), so a rejection
    written "010 beri ... nyata" also catches "=memberikan ... nyata"."""
    parts = []
    for element in phrase.split():
        first = element.split("|")[0]
        parts.append(tok.root(first[1:]) if first.startswith("=") and not first.startswith("=-") else first)
    return " ".join(parts)


def apply_rejections(proposals: list[Proposal], rejected: Rejections,
                     tok: Tokeniser) -> tuple[list[Proposal], int]:
    """Drop the proposals the curation rejects (gold only by exact word, phrase or head)."""
    per_code = {(c, normalise(p, tok)) for c, p in rejected.per_code}
    phrases = {normalise(p, tok) for p in rejected.phrases}
    kept = []
    for p in proposals:
        norm = normalise(p.phrase, tok)
        head = norm.split()[0]
        single = " " not in p.phrase
        exact_alone = single and p.phrase.startswith("=") and p.phrase.split("|")[0] in rejected.alone
        if exact_alone or head in rejected.heads or norm in phrases or (p.code, norm) in per_code:
            continue  # gold too: these say the word or phrase is not an event whoever proposes it
        if p.method != "gold" and single and p.phrase in rejected.alone:
            continue
        if p.method == "cameo" and single and head in rejected.alone:
            continue  # a dictionary verb's forms of a rejected root ("=memberikan" for "give")
        kept.append(p)
    return kept, len(proposals) - len(kept)


# ---- the coder's matcher, for checks ---------------------------------------------------------


def _markers(ontology: Ontology):
    """The Indonesian closed-class markers (gaps stop at clause boundaries and other verbs)."""
    from warta.events.patterns import parse_patterns
    from warta.lang import language_dir

    return parse_patterns(language_dir("id").joinpath("events.toml"), "id", ontology).markers


def matcher_for(proposals: list[Proposal], ontology: Ontology, with_handwritten: bool = False):
    """warta's own Indonesian matcher over the proposals (after the hand-written patterns, which
    win ties, when asked), so checks count what the coder would."""
    from warta.events.matcher import Matcher
    from warta.events.patterns import Pattern, compile_patterns, parse_patterns
    from warta.lang import language_dir

    patterns = tuple(Pattern(id=str(n), code=p.code, phrases=(parse_phrase(p.phrase),),
                             rule=f"{VERSION}:{n}") for n, p in enumerate(proposals))
    if with_handwritten:
        base = parse_patterns(language_dir("id").joinpath("events.toml"), "id", ontology).patterns
        patterns = tuple(base) + patterns
    compiled = compile_patterns("id", VERSION, patterns, _markers(ontology))
    return Matcher(compiled, IndonesianMorphology.load(extra_roots=compiled.lemmas))


def shipped_matcher(ontology: Ontology, with_lexicons: bool):
    """The coder's matcher as shipped: hand-written patterns, with or without the lexicons."""
    from warta.events.loading import load_patterns
    from warta.events.matcher import Matcher
    from warta.events.patterns import parse_patterns
    from warta.lang import language_dir

    compiled = load_patterns("id", ontology) if with_lexicons else \
        parse_patterns(language_dir("id").joinpath("events.toml"), "id", ontology)
    return Matcher(compiled, IndonesianMorphology.load(extra_roots=compiled.lemmas))


def find_hits(matcher, text: str) -> list[tuple[str, str, int, int]]:
    """(pattern id, code, start, end) of every trigger the matcher finds in `text`."""
    from warta.article import Sentence
    from warta.events.tokens import build_view

    view = build_view(text, Sentence(0, len(text)), [])
    out = []
    for match in matcher.find(view):
        tokens = [view.tokens[i] for i in match.positions]
        out.append((match.pattern.id, match.pattern.code, tokens[0].start, tokens[-1].end))
    return out


def train_check(shared: Path, matcher) -> dict[str, float]:
    """Gold triggers found with the right CAMEO root, and hits that are gold triggers."""
    gold_found = gold_total = hits = hits_gold = hits_trigger = 0
    with (shared / TRAIN).open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record["text"]
            spans = []
            for event in record.get("expected", []):
                trigger = event.get("trigger") or ""
                start = text.casefold().find(trigger.casefold()) if trigger else -1
                if start >= 0:
                    spans.append((start, start + len(trigger), set(event["code"].split("|"))))
            found = find_hits(matcher, text)
            for start, end, roots in spans:
                gold_total += 1
                gold_found += any(s < end and e > start and code[:2] in roots for _i, code, s, e in found)
            for _i, code, s, e in found:
                hits += 1
                over = [roots for start, end, roots in spans if s < end and e > start]
                hits_trigger += bool(over)
                hits_gold += any(code[:2] in roots for roots in over)
    return {"gold_triggers": gold_total, "gold_found": gold_found,
            "recall": gold_found / max(1, gold_total), "hits": hits, "hits_on_trigger": hits_trigger,
            "hits_right_root": hits_gold, "precision": hits_gold / max(1, hits),
            "trigger_precision": hits_trigger / max(1, hits)}


def corpus_hits(pairs_text: list[str], proposals: list[Proposal], ontology: Ontology) -> Counter[int]:
    """How often each proposal fires over the training sentences (under competition)."""
    matcher = matcher_for(proposals, ontology)
    counts: Counter[int] = Counter()
    for text in pairs_text:
        counts.update({int(i) for i, _c, _s, _e in find_hits(matcher, text) if i.isdigit()})
    return counts


# ---- build ----------------------------------------------------------------------------------


def load_pairs(shared: Path) -> tuple[list[Pair], list[list[str]], list[str], Tokeniser, dict[str, int]]:
    """The pairs induction may read, tokenised, and how many were held out and why."""
    held = held_out_ids(shared)
    dev_only = held_out_ids(shared, with_train=False)
    stats = Counter()
    rows = []
    for row in iter_corpus(shared):
        stats["corpus"] += 1
        if row["id"] in dev_only:
            stats["dev"] += 1
        elif row["id"] in held:
            stats["train"] += 1
        elif excluded(row["id"], held):
            stats["measure"] += 1
        else:
            rows.append(row)
    templates, _ = load_templates(shared)
    # the dictionary's words that are lemmas (its inflected exact forms would stop "wounded" → wound)
    verbs = {v for t in templates for v in t.verbs}
    known = frozenset(w for t in templates for w in t.verbs + tuple(x for s in t.objects for x in s)
                      if not w.endswith(("ed", "ing", "es")) and not (w.endswith("s") and w[:-1] in verbs))
    tok = Tokeniser(shared, rows, known)
    pairs, full, texts = [], [], []
    from warta.events.tokens import tokenize

    for row in rows:
        words, roots = tok.id_tokens(row["text"])
        pairs.append(Pair(row["id"], words, roots, tok.en_lemmas(row["text_en"]), row["text_en"],
                          row.get("category") or ""))
        full.append([t.low for t in tokenize(row["text"], 0, len(row["text"])) if t.low[0].isalnum()])
        texts.append(row["text"])
    stats["used"] = len(pairs)
    return pairs, full, texts, tok, dict(stats)


def coverage(proposals: Iterable[Proposal], ontology: Ontology) -> dict[str, tuple[int, int]]:
    """Per CAMEO root: (leaf codes with an Indonesian trigger, leaf codes CAMEO has)."""
    have = {p.code for p in proposals}
    out = {}
    for root in ontology.roots:
        leaves = [c for c in ontology.types if len(c) > 2 and c[:2] == root]
        out[root] = (sum(c in have for c in leaves), len(leaves))
    return out


def header(shared: Path, template_source: str, stats: dict[str, int]) -> list[str]:
    return [
        f"# version = {VERSION}",
        "# Indonesian CAMEO triggers induced from PANL-BPPT English–Indonesian sentence pairs.",
        "# Built by scripts/induce_id_triggers.py (do not edit: edit the script or triggers-rejected.txt).",
        "# Sources and licences:",
        "#   PANL-BPPT parallel corpus (PAN Localization / BPPT, 2009; no licence stated), via",
        "#     prasastoadi/parallel-corpora-en-id @ dce91cd22aa7; only statistics and single words or short",
        "#     phrases are shipped, no sentence.",
        f"#   corpus sha256 = {sha256(shared / CORPUS)}",
        "#   English CAMEO patterns: PETRARCH2's CAMEO.2.0 verb dictionary (MIT, Open Event Data Alliance),",
        f"#     read from {template_source};",
        "#     English sides coded by warta's English coder (word-order rules).",
        "#   id-panl-train gold triggers (warta's own annotation): source panl-train:gold.",
        f"# pairs: {stats['corpus']} in the corpus; held out: {stats['dev']} dev/dev2, "
        f"{stats['train']} train,",
        f"#   {stats['measure']} PANL measure part; {stats['used']} used.",
        "# source: panl:dice=<best English–Indonesian Dice>:n=<supporting pairs>:en=<English trigger>",
        "#   :via=<how>",
        "#   via=coder: aligned to warta's English events; via=cameo:<block>: a CAMEO verb's translation;",
        "#   via=compose: a CAMEO verb+object pattern read off attesting pairs; via=refine: a trusted",
        "#   trigger with a CAMEO pattern's object, attested in Indonesian. weight: confidence 0-1.",
        "# kind: verb / noun: the form of the (first) word that carried the events.",
        "code\tphrase\tkind\tsource\tweight",
    ]


def build(shared: Path, proposals_out: Path | None = None) -> tuple[list[Proposal], list[Proposal]]:
    """Every step; returns (induced entries, induced + gold entries) and writes the TSV."""
    ontology = Ontology.load()
    pairs, full, texts, tok, stats = load_pairs(shared)
    print(f"pairs: {stats}", file=sys.stderr)
    templates, template_source = load_templates(shared)
    events = code_english(pairs, tok)
    print(f"templates: {len(templates)} from {template_source}; English events: {len(events)}",
          file=sys.stderr)
    table = Translation.count(pairs)  # translations: every domain
    pol = Translation.count(p for p in pairs if p.political)  # trigger evidence: international news
    form_df: Counter[str] = Counter()
    for pair in pairs:
        if pair.political:
            form_df.update(set(pair.id_words))
    all_texts = texts
    texts = [t for t, p in zip(texts, pairs, strict=True) if p.political]
    rejected = read_rejections(REJECTED)
    tok.ambiguous = frozenset(w for w in rejected.alone if not w.startswith("="))
    raw = (propose_from_coder(pairs, events, table, pol, tok, form_df)
           + propose_from_dictionary(pairs, templates, table, pol, tok, form_df)
           + propose_compositions(pairs, full, templates, table, tok))
    raw_all = [p for p in raw if p.code in ontology]
    raw, dropped = apply_rejections(raw_all, rejected, tok)
    induced = precise_enough(merge(raw, tok), texts, ontology)
    gold = propose_gold(shared, tok, ontology, rejected.alone)
    # parents: every one-word proposal (a root rejected alone may head a phrase), gold, hand-written
    trusted = [p for p in raw_all if normalise(p.phrase, tok).split()[0] not in rejected.heads]
    trusted += gold + handwritten_triggers(ontology)
    refined, dropped_refined = apply_rejections(
        propose_refinements(trusted, full, [p.political for p in pairs],
                            templates, table, tok), rejected, tok)
    dropped += dropped_refined
    known = {p.phrase for p in induced}
    refined = [p for p in merge(refined, tok) if p.phrase not in known]
    fires = corpus_hits(all_texts, refined, ontology)  # the coder's own matcher must find it
    induced = merge(induced + [p for n, p in enumerate(refined) if fires[n]], tok)
    if proposals_out:
        _dump(proposals_out, induced, texts, ontology)
    print(f"proposals: {len(raw) + dropped}, {dropped} rejected, {len(induced)} kept", file=sys.stderr)
    gold, dropped_gold = apply_rejections(gold, rejected, tok)
    dropped += dropped_gold
    induced_phrases = {p.phrase: p for p in induced}
    extra = [g for g in gold if g.phrase not in induced_phrases
             or induced_phrases[g.phrase].code[:2] != g.code[:2]]
    full_set = merge(induced + extra, tok)
    for p in full_set:
        parse_phrase(p.phrase)
    lines = header(shared, template_source, stats)
    lines += [f"{p.code}\t{p.phrase}\t{p.kind}\t{p.source}\t{p.weight:.2f}" for p in full_set]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return induced, full_set


def _dump(path: Path, proposals: list[Proposal], texts: list[str], ontology: Ontology) -> None:
    """Every merged proposal with how often it fires on training sentences, for curation."""
    fires = corpus_hits(texts, proposals, ontology)
    with path.open("w", encoding="utf-8") as fh:
        for n, p in enumerate(proposals):
            name = ontology.get(p.code).name
            fh.write(f"{p.code}\t{p.phrase}\t{p.kind}\t{p.source}\t{p.weight}\tfires={fires[n]}\t{name}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--proposals", type=Path, help="also write every proposal here (for curation)")
    args = parser.parse_args(argv)
    ontology = Ontology.load()
    induced, full_set = build(args.shared, args.proposals)
    per_root = coverage(full_set, ontology)
    print("coverage per CAMEO root (leaf codes with an Indonesian trigger / leaf codes):")
    for root, (have, total) in per_root.items():
        print(f"  {root} {ontology.get(root).name[:40]:<40} {have:>3} / {total}")
    leaves = sum(h for h, _ in per_root.values())
    print(f"leaf codes covered: {leaves} of {sum(t for _, t in per_root.values())}; "
          f"roots covered: {sum(h > 0 for h, _ in per_root.values())} of {len(per_root)}; "
          f"entries: {len(full_set)} ({len(induced)} induced)")
    checks = (("induced only (train held out)", matcher_for(induced, ontology)),
              ("the TSV alone (with train gold)", matcher_for(full_set, ontology)),
              ("events.toml + induced only (train held out)",
               matcher_for(induced, ontology, with_handwritten=True)),
              ("hand-written events.toml alone", shipped_matcher(ontology, with_lexicons=False)),
              ("events.toml + every shipped lexicon", shipped_matcher(ontology, with_lexicons=True)))
    for name, matcher in checks:
        check = train_check(args.shared, matcher)
        print(f"id-panl-train, {name}: gold triggers found with the right root {check['gold_found']}"
              f"/{check['gold_triggers']} = {check['recall']:.3f}; hits {check['hits']}, on a gold trigger "
              f"{check['hits_on_trigger']} ({check['trigger_precision']:.3f}), with the right root "
              f"{check['hits_right_root']} ({check['precision']:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
