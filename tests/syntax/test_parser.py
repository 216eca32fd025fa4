"""The shipped dependency parsers load, parse news sentences sensibly and keep their held-out LAS.

The floors live in tests/floors/parser.json with the sha256 of every treebank file they were
measured on, so a changed file fails loudly instead of moving the bar. These tests fail (never
skip) when the shared data or a model is missing: a parser nobody can check is a broken parser.
Held-out scoring parses about 11k tokens per language (a few seconds). Re-pin after retraining:
run bench/parser.py and copy its LAS minus the margin noted in the floors file.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from support import REPO
from warta.events import tokens as event_tokens
from warta.syntax.conllu import TOKEN, Sentence, Word, contract, read_conllu, retokenize
from warta.syntax.evaluate import score
from warta.syntax.parse import load_parser, model_path, parse_batch, parse_text, parse_words
from warta.syntax.train import load_parts, split_part

FLOORS = json.loads((REPO / "tests" / "floors" / "parser.json").read_text(encoding="utf-8"))
UD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ud"


def words_of(text: str) -> list[str]:
    return TOKEN.findall(text)


def relations(doc: Any) -> dict[str, tuple[str, str]]:
    """token text -> (relation, head text)."""
    return {t.text: (t.dep_, t.head.text) for t in doc}


# --- the shipped models ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_model_is_shipped_small_and_licensed(lang: str) -> None:
    folder = model_path(lang)
    assert (folder / "config.cfg").is_file(), f"no model at {folder}"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size <= 15e6, f"{lang} model is {size / 1e6:.1f} MB"
    notice = (folder / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice and "derived work" in notice
    nlp = load_parser(lang)
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "parser"]
    assert load_parser(lang) is nlp, "loaded once per process"


@pytest.mark.parametrize(("lang", "text", "verb", "subject", "object_"), [
    ("id", "Rusia menyerang Ukraina.", "menyerang", "Rusia", "Ukraina"),
    ("en", "Russia attacked Ukraine.", "attacked", "Russia", "Ukraine"),
    ("id", "Presiden Joko Widodo mengkritik pemerintah Malaysia di Jakarta pada hari Senin.",
     "mengkritik", "Presiden", "pemerintah"),
    ("en", "The Indonesian government condemned the attack on Monday.", "condemned", "government", "attack"),
])
def test_subject_and_object_of_a_news_sentence(lang: str, text: str, verb: str, subject: str,
                                               object_: str) -> None:
    words = words_of(text)
    doc = parse_words(lang, words, [True] * (len(words) - 2) + [False, False])
    assert [t.text for t in doc] == words
    rel = relations(doc)
    assert rel[verb][0] == "ROOT"
    assert rel[subject] == ("nsubj", verb)
    assert rel[object_] == ("obj", verb)
    assert doc[words.index(verb)].pos_ == "VERB"


def test_passive_and_possessive_over_warta_tokens() -> None:
    """Warta keeps "bukunya" and "Russia's" whole; the parser was trained on such tokens."""
    doc = parse_words("id", words_of("Ukraina diserang oleh pasukan Rusia."))
    assert relations(doc)["Ukraina"] == ("nsubj:pass", "diserang")
    doc = parse_words("en", words_of("Russia's army attacked the city."))
    assert doc[0].text == "Russia's"
    assert relations(doc)["Russia's"] == ("nmod:poss", "army")
    assert relations(doc)["army"] == ("nsubj", "attacked")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_sentence_gives_one_root(lang: str) -> None:
    text = ("Polisi menangkap tiga orang. Mereka dibawa ke Jakarta." if lang == "id"
            else "Police arrested three men. They were taken to Jakarta.")
    doc = parse_words(lang, words_of(text))
    assert sum(t.dep_ == "ROOT" for t in doc) == 1
    assert len(parse_words(lang, [])) == 0
    with pytest.raises(ValueError):
        parse_words(lang, ["Rusia", " "])


def test_batch_parses_like_one_by_one() -> None:
    texts = ("Rusia menyerang Ukraina.", "", "Polisi menangkap tiga orang di Solo.")
    sentences = [words_of(t) for t in texts]
    batched = list(parse_batch("id", [(words, None) for words in sentences]))
    single = [parse_words("id", words) for words in sentences]
    assert [[(t.text, t.dep_, t.head.i, t.pos_) for t in doc] for doc in batched] == \
        [[(t.text, t.dep_, t.head.i, t.pos_) for t in doc] for doc in single]


def test_parse_text_uses_warta_tokens() -> None:
    doc = parse_text("id", "Jokowi bertemu Putin, katanya.")
    assert [t.text for t in doc] == ["Jokowi", "bertemu", "Putin", ",", "katanya", "."]
    with pytest.raises(ValueError):
        load_parser("fr")


# --- held-out floors ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def treebanks() -> Path:
    assert UD.is_dir(), f"UD treebanks not found at {UD} (shared/data/ud beside the clone)"
    return UD


@pytest.mark.parametrize("lang", sorted(FLOORS["languages"]))
def test_held_out_las_is_at_least_the_floor(lang: str, treebanks: Path) -> None:
    pinned = FLOORS["languages"][lang]
    for name, digest in pinned["treebank_sha256"].items():
        path = treebanks / name
        assert path.is_file(), f"{path} missing"
        digest_now = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest_now == digest, f"{path} changed: re-run bench/parser.py and re-pin"
    nlp = load_parser(lang)
    assert nlp.meta["warta"]["sentences"]["measure"] == pinned["sentences"], "model retrained: re-pin"
    result = score(nlp, load_parts(treebanks, lang)["measure"])
    assert result.sentences == pinned["sentences"]
    assert result.las >= pinned["las_floor"], f"{lang}: held-out LAS {result.las}"
    assert result.uas >= pinned["uas_floor"], f"{lang}: held-out UAS {result.uas}"
    assert result.upos >= pinned["upos_floor"], f"{lang}: held-out UPOS {result.upos}"


def test_model_sources_are_the_pinned_files() -> None:
    for lang, pinned in FLOORS["languages"].items():
        sources = {s["name"]: s["sha256"] for s in load_parser(lang).meta["sources"]}
        assert sources == pinned["treebank_sha256"]


# --- reading and re-cutting CoNLL-U ---------------------------------------------------------------

def test_token_pattern_is_the_event_coders() -> None:
    assert TOKEN.pattern == event_tokens._TOKEN.pattern


def test_split_is_fixed_by_the_sentence_id() -> None:
    assert {split_part(f"s{i}") for i in range(200)} == {"train", "dev", "measure"}
    assert split_part("csui-train-1") == split_part("csui-train-1")


CONLLU = """# sent_id = t1
# text = Dia membaca bukunya.
1\tDia\tdia\tPRON\tPRP\tPerson=3\t2\tnsubj\t_\t_
2\tmembaca\tbaca\tVERB\tVB\tVoice=Act\t0\troot\t_\t_
3-4\tbukunya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
3\tbuku\tbuku\tNOUN\tNN\t_\t2\tobj\t_\t_
4\tnya\tdia\tPRON\tPRP\t_\t3\tnmod:poss\t_\t_
4.1\tx\tx\tX\tX\t_\t_\t_\t2:dep\t_
5\t.\t.\tPUNCT\tZ\t_\t2\tpunct\t_\t_

# sent_id = t2
# text = Russia's U.S. deal
1\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnmod:poss\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tU.S.\tU.S.\tPROPN\tNNP\t_\t4\tcompound\t_\t_
4\tdeal\tdeal\tNOUN\tNN\t_\t0\troot\t_\t_

"""


def test_multiword_tokens_keep_the_surface_token(tmp_path: Path) -> None:
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    first, second = list(read_conllu(path))
    assert [w.form for w in first.words] == ["Dia", "membaca", "bukunya", "."]
    assert (first.words[2].deprel, first.words[2].head, first.words[2].upos) == ("obj", 1, "NOUN")
    assert first.words[2].space_after is False and first.words[3].head == 1
    cut = retokenize(second)
    assert [w.form for w in cut.words] == ["Russia's", "U", ".", "S", ".", "deal"]
    assert [(w.deprel, w.head) for w in cut.words] == [
        ("nmod:poss", 5), ("compound", 5), ("goeswith", 1), ("goeswith", 1), ("goeswith", 1), ("root", -1)]
    assert cut.words[2].upos == "X"


def test_contracting_keeps_a_tree() -> None:
    # 2 is the root, 2 -> 1 -> 0. Grouping {0, 2}: had the first member (0) spoken for the group,
    # the group would hang from 1, which hangs from the group (a cycle); the shallowest (2) speaks.
    heads, reps = contract([1, 2, -1], [[0, 2], [1]])
    assert (heads, reps) == ([-1, 0], [2, 1])
    heads, reps = contract([1, -1, 1], [[0, 1], [2]])
    assert (heads, reps) == ([-1, 0], [1, 2])


@pytest.mark.parametrize("name", ["id_csui-ud-train.conllu.gz", "en_ewt-ud-dev.conllu.gz"])
def test_real_treebank_recuts_to_warta_tokens(name: str, treebanks: Path) -> None:
    for sentence in read_conllu(treebanks / name):
        cut = retokenize(sentence)
        text = "".join(w.form + (" " if w.space_after else "") for w in cut.words)
        assert [w.form for w in cut.words] == TOKEN.findall(text)
        assert sum(w.head < 0 for w in cut.words) == 1
        _assert_tree(cut)


def _assert_tree(sentence: Sentence) -> None:
    words: tuple[Word, ...] = sentence.words
    for start in range(len(words)):
        node, steps = start, 0
        while words[node].head >= 0:
            node, steps = words[node].head, steps + 1
            assert steps <= len(words), f"{sentence.sent_id}: cycle"


def test_no_space_inside_a_token() -> None:
    assert all(not re.search(r"\s", t) for t in words_of("Rusia  menyerang\tUkraina."))


# --- warta train parser -------------------------------------------------------------------------

def test_train_parser_errors_are_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warta.cli.main import app

    result = CliRunner().invoke(app, ["train", "parser", "--lang", "fr"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "warta: error: --lang must be one of id, en, not 'fr'"
    result = CliRunner().invoke(app, ["train", "parser", "--lang", "id", "--data", str(tmp_path),
                                      "--out", str(tmp_path / "model")])
    assert result.exit_code == 1
    assert result.stderr.startswith("warta: error: treebank file(s) not found: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "model").exists()
