"""PETRARCH's CAMEO verb dictionary read as it is, turned into warta triggers, and shipped as the
English trigger lexicon: the reader on real lines and small fixtures, the conversion's choices,
the TSV's format checks, and new English events it finds."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import warta
from warta.errors import DataFileError, InputError
from warta.events.lexicon import read_lexicon
from warta.events.loading import load_patterns
from warta.events.ontology import Ontology
from warta.events.petrarch_convert import convert
from warta.events.petrarch_reader import Term, VerbDictionary, read_verb_dictionary
from warta.lang import language_dir
from warta.settings import Settings

SHARED = Path(__file__).parents[2].parent / "shared" / "data"
CAMEO = SHARED / "cameo" / "petrarch2" / "CAMEO.2.0.txt"
TSV = "triggers-petrarch.tsv"


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def cameo() -> VerbDictionary:
    assert CAMEO.is_file(), f"shared data missing: {CAMEO}"
    return read_verb_dictionary(CAMEO)


def words(*runs: str) -> Term:
    return Term("words", options=tuple(tuple(r.split()) for r in runs))


# ---- the reader on the real dictionary ----

def test_real_dictionary_counts(cameo: VerbDictionary) -> None:
    assert len(cameo.blocks) == 397
    assert sum(len(b.patterns) for b in cameo.blocks) == 4668
    assert sum(len(b.verbs) for b in cameo.blocks) == 1817
    assert len(cameo.synsets) == 40
    assert len(cameo.transformations) == 8


def test_real_block_verbs_forms_and_patterns(cameo: VerbDictionary) -> None:
    block = next(b for b in cameo.blocks if b.name == "ACCELERATE")
    assert block.code == "---" and block.line == 709
    hurry = next(v for v in block.verbs if v.root == "hurry")
    assert hurry.forms == ("hurries", "hurrying", "hurried")
    assert next(v for v in block.verbs if v.root == "rush").forms is None  # regular: generated
    aid = next(p for p in block.patterns if p.line == 719)
    assert (aid.before, aid.after, aid.code) == ((), (words("aid"),), "070")
    border = next(p for p in block.patterns if p.line == 724)  # - * POLICE (TO BORDER) [153]
    assert border.after == (words("police"), Term("prep", word="to", governs=(words("border"),)))
    assert next(p for p in block.patterns if p.line == 718).code == "042:043"


def test_real_compound_verb_and_synsets(cameo: VerbDictionary) -> None:
    ask = next(b for b in cameo.blocks if b.name == "ASK")
    first = ask.verbs[0]  # +ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
    assert (first.root, first.after, first.forms, first.code) == (
        "ask", ("for",), ("asked", "asking", "asks"), "020")
    assert ("food",) in cameo.synsets["&FOOD"] and ("foods",) in cameo.synsets["&FOOD"]
    assert ("prime", "ministers") in cameo.synsets["&LEADER"]
    assert cameo.synsets["&AUXVERB1_"] == (("was",), ("were",), ("been",))  # '_' label: no plurals
    food = next(p for p in next(b for b in cameo.blocks if b.name == "ACCELERATE").patterns
                if p.line == 722)  # - * &FOOD [073]
    assert food.after[0].options == cameo.synsets["&FOOD"]


def test_petrarch_test_dictionary_reads(ontology: Ontology) -> None:
    """PETRARCH's validation dictionary: XML comments, embedded synsets, 'IN_*', '%', odd codes."""
    test_file = read_verb_dictionary(SHARED / "cameo" / "petrarch2" / "PETR.Validate.verbs.txt")
    accord = next(b for b in test_file.blocks if b.name == "ACCORD")
    assert ("military",) in test_file.synsets["&ACCORDSYN"]  # +&TIETYPES inside &ACCORDSYN
    assert accord.patterns and accord.patterns[0].code == "111"
    conversion = convert(test_file, ontology)
    assert conversion.entries and conversion.dropped


# ---- small fixtures ----

FIXTURE = """\
# comment line
<!-- a comment
   over two lines -->
&FOOD
+FOOD
+BABY_FORMULA_
&WEAPON_
+RIFLE
--- ACCELERATE [---] ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
+HURRY_UP {+HURRIES_UP +HURRIED_UP}
- * AID [070] # RUSH
- * (TO) [042:043]
- * &FOOD (TO +) [073]
- * &WEAPON_ [194]
- * (BEFORE COURT) [:173]
- * INCIDENTS [---]
- &MILITARY * BUILDUP [154]
- * {RELIEF ASSISTANCE} [0239]
--- GRANT  [0231]  ---
DOLE_OUT
BESTOW ; legacy comment
"""


def fixture_dictionary(tmp_path: Path, text: str = FIXTURE) -> VerbDictionary:
    path = tmp_path / "verbs.txt"
    path.write_text(text, encoding="utf-8")
    return read_verb_dictionary(path)


def test_fixture_reader(tmp_path: Path) -> None:
    d = fixture_dictionary(tmp_path)
    assert d.synsets["&FOOD"] == (("food",), ("foods",), ("baby", "formula"))
    assert d.synsets["&WEAPON_"] == (("rifle",),)
    rush, speed, hurry = d.blocks[0].verbs
    assert speed.forms == ("speeding", "speeds", "sped") and rush.forms is None
    assert (hurry.root, hurry.after, hurry.forms) == ("hurry", ("up",), ("hurries", "hurried"))
    assert [v.root for v in d.blocks[1].verbs] == ["dole", "bestow"]
    assert d.blocks[1].code == "0231"
    target = d.blocks[0].patterns[2].after[1]
    assert target == Term("prep", word="to", governs=(Term("target"),))


def test_fixture_conversion(tmp_path: Path, ontology: Ontology) -> None:
    conversion = convert(fixture_dictionary(tmp_path), ontology)
    rows = {(e.code, e.phrase) for e in conversion.entries}
    head = "rush|speed|=speeding|=speeds|=sped"
    assert ("070", f"{head} ...3 =aid") in rows
    assert ("070", "hurry|=hurries|=hurried =up ...3 =aid") in rows  # multi-word verb: own row
    assert ("042", f"{head} =to") in rows  # active half of [042:043]; a bare preposition is next
    assert ("073", f"{head} ...3 =food|=foods ...3 =to") in rows  # "+": the roles find the target
    assert ("073", f"{head} ...3 =baby =formula ...3 =to") in rows
    assert ("194", f"{head} ...3 =rifle") in rows
    assert ("023", f"{head} ...3 =relief =assistance") in rows  # 0239 is no code: its parent
    assert ("0231", "dole =out") in rows and ("0231", "bestow") in rows  # the block's default
    assert conversion.dropped["pattern: passive-only code [:B] (roles reversed)"] == 1
    assert conversion.dropped["null code [---] (PETRARCH: no event when it matches)"] == 1
    assert conversion.dropped["words before the verb (a condition on the subject)"] == 1
    assert conversion.patterns == 8 and conversion.converted == 5
    source = next(e.source for e in conversion.entries if e.phrase == f"{head} ...3 =aid")
    assert source == "verbs:ACCELERATE:13"


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("--- A [010] ---\nSAY\n- * AID\n", 3, "needs a [code]"),
    ("--- A [010] ---\nSAY\n- AID * ( * AID [010]\n", 3, "exactly one '*'"),
    ("--- A [010] ---\nSAY\n- * (TO BORDER [010]\n", 3, "unbalanced"),
    ("--- A [010] ---\nSAY\n- * {RELIEF AID [010]\n", 3, "unbalanced"),
    ("SAY [010]\n", 1, "before any"),
    ("- * AID [070]\n", 1, "before any"),
    ("--- [010] ---\nSAY\n", 1, "block header"),
    ("--- A [010] ---\nSAY {SAID} [010] extra\n", 2, "expected 'VERB"),
])
def test_malformed_lines_name_file_and_line(tmp_path: Path, text: str, line: int,
                                            problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_verb_dictionary(path)
    assert f"{path}:{line}:" in str(caught.value)
    assert problem in str(caught.value)


# ---- the shipped lexicon ----

def test_shipped_tsv_is_current_and_licensed(cameo: VerbDictionary, ontology: Ontology) -> None:
    path = language_dir("en").joinpath(TSV)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# version = en-triggers-petrarch-1\n")
    assert "The MIT License" in text and "Open Event Data Alliance" in text
    assert hashlib.sha256(CAMEO.read_bytes()).hexdigest() in text
    shipped = {(e.code, e.phrase, e.source) for e in read_lexicon(path, ontology).entries}
    assert shipped == {(e.code, e.phrase, e.source) for e in convert(cameo, ontology).entries}


def test_shipped_tsv_loads_beside_the_hand_written_patterns(ontology: Ontology) -> None:
    patterns = load_patterns("en", ontology)
    petrarch = [p for p in patterns.lexicon if p.rule.startswith("en-triggers-petrarch-1:CAMEO.2.0:")]
    assert len(petrarch) > 5000
    # beside PETRARCH's verbs, only warta's event nouns (lang/en/triggers-nouns.tsv)
    assert all(p in petrarch or p.rule.startswith("en-triggers-nouns-1:codebook:") for p in patterns.lexicon)
    assert all(p.rule.startswith("en-events-1:") for p in patterns.patterns)
    assert all(0.0 < p.confidence <= 1.0 for p in patterns.lexicon)
    assert "recapture" in patterns.lemmas  # lexicon roots reach the morphology
    by_code = {p.code: p for p in patterns.lexicon}
    assert by_code["040"].reciprocal  # inherited from the hand-written "consult"
    assert by_code["010"].statement and by_code["010"].needs_target  # ... from "statement"
    assert by_code["173"].needs_target  # root 17 needs a target (events.toml's default)


def test_hand_written_patterns_win_their_words(ontology: Ontology) -> None:
    """events.toml has "arrest" (173): PETRARCH's bare ARREST and any row of another root that
    starts on "arrest" are left out, so the hand-written pattern decides."""
    patterns = load_patterns("en", ontology)
    for pattern, phrase in patterns.by_lemma["arrest"] + patterns.by_word.get("arrested", []):
        if pattern in patterns.lexicon:
            assert pattern.code[:2] == "17" and len(phrase) > 1


@pytest.mark.parametrize(("row", "problem"), [
    ("070\trush ...3 =aid\tverb\tX:1", "5 tab-separated fields"),
    ("999\trush\tverb\tX:1\t0.5", "not a CAMEO event code"),
    ("070\trush\tadverb\tX:1\t0.5", "kind must be"),
    ("070\trush\tverb\tX:1\tmuch", "bad weight or phrase"),
    ("070\trush ...\tverb\tX:1\t0.5", "bad weight or phrase"),
    ("070\trush\tverb\tX:1\t1.5", "not within 0-1"),
])
def test_malformed_tsv_rows_name_file_and_line(tmp_path: Path, ontology: Ontology, row: str,
                                               problem: str) -> None:
    path = tmp_path / "triggers-x.tsv"
    path.write_text(f"# version = xx-1\ncode\tphrase\tkind\tsource\tweight\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_lexicon(path, ontology)
    assert f"{path}:3:" in str(caught.value) and problem in str(caught.value)


def test_tsv_needs_a_version(tmp_path: Path, ontology: Ontology) -> None:
    path = tmp_path / "triggers-x.tsv"
    path.write_text("070\trush\tverb\tX:1\t0.5\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=":1: needs a '# version"):
        read_lexicon(path, ontology)


def test_extra_files(tmp_path: Path, ontology: Ontology) -> None:
    txt = tmp_path / "mine.txt"
    txt.write_text("--- SCRAMBLE [---] ---\nSCRAMBLE\n- * JETS [150]\n", encoding="utf-8")
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("# version = mine-1\n1823\tbludgeon\tverb\tmine:1\t0.6\n", encoding="utf-8")
    patterns = load_patterns("en", ontology, extra=(txt, tsv))
    rules = {p.rule for p in patterns.lexicon}
    assert "petrarch-mine:mine:SCRAMBLE:3" in rules and "mine-1:mine:1" in rules
    assert any(p.code == "1823" for p, _ in patterns.by_lemma["bludgeon"])
    with pytest.raises(DataFileError, match="PETRARCH verb dictionary"):
        load_patterns("en", ontology, extra=(tmp_path / "mine.json",))


# ---- new English events ----

@pytest.fixture(scope="module")
def pipeline() -> warta.Pipeline:
    try:
        return warta.Pipeline()
    except InputError:  # no dependency-parser model trained in this checkout yet
        return warta.Pipeline(Settings(use_parser=False))


@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt rushed humanitarian aid to Gaza.", ("EGY", "PSEGZA", "070")),
    ("The Syrian army recaptured Aleppo.", ("SYRMIL", "SYR", "192")),
    ("Ukrainian troops ambushed a Russian convoy.", ("UKRMIL", "RUS", "190")),
])
def test_english_events_from_petrarch(pipeline: warta.Pipeline, text: str,
                                      expected: tuple[str, str, str]) -> None:
    article = pipeline.analyze({"text": text, "lang": "en"})
    found = {(e.source.code if e.source else "", e.target.code if e.target else "", e.code): e.rule
             for e in article.events}
    assert expected in found, found
    # a lexicon trigger is decided by the event model, whose rule names it and the row
    assert found[expected].startswith("events-en-1:en-triggers-petrarch-1:CAMEO.2.0:")


def test_hand_written_english_still_decides(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze({"text": "Police detained three Kenyan journalists.", "lang": "en"})
    assert [(e.code, e.rule) for e in article.events] == [("173", "en-events-1:arrest")]
