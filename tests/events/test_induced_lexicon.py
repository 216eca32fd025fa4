"""The induced Indonesian trigger lexicon (`lang/id/triggers-induced.tsv`) and its build's data hygiene.

Why: the lexicon is generated from PANL-BPPT pairs by `scripts/induce_id_triggers.py`; these tests
pin that the shipped file is well formed for warta's loader, covers every CAMEO root, and that the
build can never read the sentences it is later scored on (the Indonesian dev sets and the PANL
measure part). Only the ids of the dev sets are read here, never their sentences.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from warta.events.ontology import Ontology
from warta.events.patterns import parse_phrase
from warta.split import PANL_MEASURE_SHARE, part_of

REPO = Path(__file__).resolve().parents[2]
LEXICON = REPO / "src" / "warta" / "lang" / "id" / "triggers-induced.tsv"
REJECTED = REPO / "src" / "warta" / "lang" / "id" / "triggers-rejected.txt"
SCRIPT = REPO / "scripts" / "induce_id_triggers.py"
MIN_LEAF_CODES = 135  # the goal is 150: see the module's report; this floor keeps what is shipped
_ID = re.compile(r'"id"\s*:\s*"([^"]+)"')


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("induce_id_triggers", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line and not line.startswith("#")]
    assert body[0].split("\t") == ["code", "phrase", "kind", "source", "weight"]
    return [line.split("\t") for line in body[1:]]


def test_header_names_version_licences_and_corpus_digest() -> None:
    head = LEXICON.read_text(encoding="utf-8").splitlines()[:20]
    assert head[0] == "# version = id-triggers-induced-1"
    text = "\n".join(head)
    assert "PANL-BPPT" in text and "no licence stated" in text and "MIT" in text
    assert re.search(r"corpus sha256 = [0-9a-f]{64}", text)


def test_every_row_parses(rows: list[list[str]]) -> None:
    ontology = Ontology.load()
    assert len(rows) > 300
    for code, phrase, kind, source, weight in rows:
        assert code in ontology, code
        parse_phrase(phrase)  # raises on a malformed phrase
        assert kind in ("verb", "noun"), (phrase, kind)
        assert source.startswith(("panl:", "panl-train:gold")), source
        assert 0.0 < float(weight) <= 1.0
    phrases = [r[1] for r in rows]
    assert len(phrases) == len(set(phrases)), "one code per phrase"


def test_warta_loader_reads_it() -> None:
    lexicon = pytest.importorskip("warta.events.lexicon")
    loaded = lexicon.read_lexicon(LEXICON, Ontology.load())
    assert loaded.version == "id-triggers-induced-1" and len(loaded.entries) > 300


def test_covers_every_root_and_enough_leaf_codes(rows: list[list[str]]) -> None:
    ontology = Ontology.load()
    codes = {r[0] for r in rows}
    assert {c[:2] for c in codes} == set(ontology.roots)
    leaves = {c for c in codes if len(c) > 2}
    assert len(leaves) >= MIN_LEAF_CODES


def test_no_rejected_root_ships_alone(rows: list[list[str]], script: ModuleType) -> None:
    rejected = script.read_rejections(REJECTED)
    assert "ada" in rejected.alone and "kata" in rejected.heads
    alone = {r[1] for r in rows if " " not in r[1] and not r[1].startswith("=")}
    assert not alone & rejected.alone
    for phrase in (r[1] for r in rows):
        head = phrase.split()[0]
        assert head not in rejected.heads, phrase


def test_dev_ids_are_read_without_sentences(shared_data: Path, script: ModuleType) -> None:
    dev = script.read_ids(shared_data / "eval" / "id-panl-dev.jsonl")
    dev2 = script.read_ids(shared_data / "eval" / "id-panl-dev2.jsonl")
    assert dev and dev2 and all(i.startswith("panl-bppt-") for i in dev | dev2)
    held = script.held_out_ids(shared_data)
    assert dev | dev2 <= held
    assert all(script.excluded(i, held) for i in dev | dev2)


def test_measure_part_and_train_are_excluded(shared_data: Path, script: ModuleType) -> None:
    held = script.held_out_ids(shared_data)
    train = script.read_ids(shared_data / "eval" / "id-panl-train.jsonl")
    assert train <= held  # kept out of induction so the train check is held out
    with gzip.open(shared_data / "corpus" / "panl-bppt-en-id.jsonl.gz", "rt", encoding="utf-8") as fh:
        ids = [m.group(1) for m in (_ID.search(line) for line in fh) if m]
    measure = [i for i in ids if part_of(i, PANL_MEASURE_SHARE) == "measure"]
    assert 0.15 < len(measure) / len(ids) < 0.25
    assert all(script.excluded(i, set()) for i in measure)
    kept = [i for i in ids if not script.excluded(i, held)]
    assert not set(kept) & held and not any(part_of(i, PANL_MEASURE_SHARE) == "measure" for i in kept)
    # the shipped file was built from exactly these: its header counts them
    header = "\n".join(LEXICON.read_text(encoding="utf-8").splitlines()[:20])
    assert f"{len(kept)} used" in header


def test_rejections_parse(script: ModuleType) -> None:
    rejected = script.read_rejections(REJECTED)
    assert rejected.per_code and rejected.alone and rejected.heads
    assert all(code.isdigit() for code, _ in rejected.per_code)
    for _code, phrase in rejected.per_code:
        parse_phrase(phrase)
