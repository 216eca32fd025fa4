"""The shipped NER model must not score below the pinned dev-split F1 floors.

Floors live in tests/floors/ner.json with a hash of each dev file, so a changed corpus fails
loudly instead of silently moving the bar. Whole dev splits are scored (about 40k tokens, a
second). Re-pin after retraining: run bench/ner.py and copy its F1 minus the margin noted there.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from support import REPO
from warta.actors.ner import NerTagger
from warta.actors.ner.corpus import read_dataset
from warta.actors.ner.evaluate import score

FLOORS = json.loads((REPO / "tests" / "floors" / "ner.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger()


def test_floors_are_for_the_shipped_model(tagger: NerTagger) -> None:
    assert tagger.info["name"] == FLOORS["model"]
    assert tagger.info["corpus_sha256"] == FLOORS["train_sha256"], "model retrained: re-run bench/ner.py"


@pytest.mark.parametrize("name", sorted(FLOORS["f1_floor"]))
def test_dev_f1_is_at_least_the_floor(name: str, tagger: NerTagger, shared_data: Path) -> None:
    path = shared_data / "ner" / name / "dev.jsonl"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    assert digest == FLOORS["dev_sha256"][name], f"{path} changed: re-run bench/ner.py and re-pin"
    sentences = read_dataset(shared_data / "ner", name, "dev")
    result = score((s.tags, tagger.tag(s.tokens)) for s in sentences)
    assert 100 * result.f1 >= FLOORS["f1_floor"][name], f"{name}: dev F1 {100 * result.f1:.2f}"
