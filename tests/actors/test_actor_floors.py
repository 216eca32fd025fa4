"""Actor quality may not drop below the floors pinned in tests/floors/actors.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import warta
from warta.actors.evaluate import gold_codes, load_records, score, seed_coverage
from warta.actors.stage import ActorStage

FLOORS = json.loads((Path(__file__).parents[1] / "floors" / "actors.json").read_text(encoding="utf-8"))
SEED_EXPECT = json.loads((Path(__file__).parent / "seed_actors.json").read_text(encoding="utf-8"))
SETS = {"petrarch2_gsr_gigaword": ("petrarch2_dev.jsonl", "petrarch2_gsr_gigaword"),
        "cameo_manual_examples": ("cameo_manual_examples_dev.jsonl", None),
        "id_panl_dev": ("id-panl-dev.jsonl", None)}


def test_gold_data_is_the_pinned_data(shared_data: Path) -> None:
    for name, digest in FLOORS["data_sha256"].items():
        actual = hashlib.sha256((shared_data / "eval" / name).read_bytes()).hexdigest()
        assert actual == digest, f"{name} changed: rerun bench/actors.py and re-pin tests/floors/actors.json"


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_floors(name: str, shared_data: Path, actor_stage: ActorStage) -> None:
    filename, dataset = SETS[name]
    records = load_records(shared_data / "eval" / filename, dataset)
    tallies = score((gold_codes(r), actor_stage.find_actors(r["text"], r.get("lang") or "en", r.get("date")))
                    for r in records)
    for level, floor in FLOORS["gold"][name].items():
        got = tallies[level]
        assert got.recall >= floor["recall"], f"{name} {level} recall {got.recall:.3f} < {floor['recall']}"
        assert got.precision >= floor["precision_lower_bound"], \
            f"{name} {level} precision {got.precision:.3f} < {floor['precision_lower_bound']}"


def test_seed_floor(pipeline: warta.Pipeline, seed_text: str) -> None:
    article = pipeline.analyze(seed_text)
    coverage, missing = seed_coverage(article.text, article.actors, SEED_EXPECT["expect"])
    assert coverage >= FLOORS["seed_coverage"], missing
