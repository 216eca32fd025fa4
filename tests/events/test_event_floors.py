"""Event-coding quality never drops below the figures pinned in tests/floors/events.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import warta
from warta.article import Article
from warta.events.evaluate import evaluate, read_jsonl

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "tests" / "floors" / "events.json").read_text(encoding="utf-8"))
SEED_GOLD = REPO / "tests" / "events" / "data" / "seed-gold.jsonl"
SETS = {  # name -> (file under eval/, dataset filter); the same list as bench/events.py
    "id_panl_dev": ("id-panl-dev.jsonl", None),
    "petrarch2_gsr_gigaword": ("petrarch2_dev.jsonl", "petrarch2_gsr_gigaword"),
    "petrarch2_dev_all": ("petrarch2_dev.jsonl", None),
    "cameo_manual_examples_dev": ("cameo_manual_examples_dev.jsonl", None),
}


def test_gold_files_are_the_pinned_ones(shared_data: Path) -> None:
    digest = hashlib.sha256(SEED_GOLD.read_bytes())
    for file in sorted({file for file, _ in SETS.values()}):
        digest.update((shared_data / "eval" / file).read_bytes())
    assert digest.hexdigest() == FLOORS["gold_sha256"], "gold changed: rerun bench/events.py --pin"


@pytest.mark.parametrize("name", ["seed", *SETS])
def test_f1_at_or_above_floor(name: str, request: pytest.FixtureRequest, pipeline: warta.Pipeline) -> None:
    def analyze(record: dict[str, Any]) -> Article:
        return pipeline.analyze({k: record[k] for k in ("id", "text", "date", "lang") if record.get(k)})

    if name == "seed":
        result = evaluate(read_jsonl(SEED_GOLD), analyze)
    else:  # only the other sets need the shared data (the seed's gold ships in the repo)
        shared_data: Path = request.getfixturevalue("shared_data")
        file, dataset = SETS[name]
        result = evaluate(read_jsonl(shared_data / "eval" / file), analyze, dataset)
    floor = FLOORS["floors"][name]
    assert result.exact.f1 >= floor["exact"], f"{name} exact F1 {result.exact.f1:.3f} < {floor['exact']}"
    assert result.lenient.f1 >= floor["lenient"], (
        f"{name} lenient F1 {result.lenient.f1:.3f} < {floor['lenient']}")
