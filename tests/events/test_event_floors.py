"""Event-coding quality never drops below the figures pinned in tests/floors/events.json.

Every set of `warta.events.devsets.DEV_SETS`, each part (look / measure; "all" for the seed and the
training data), at both levels. The floors are written by `python bench/events.py --pin`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import warta
from warta.article import Article
from warta.events.devsets import DEV_SETS, SEED_GOLD, DevSet
from warta.events.evaluate import evaluate

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "tests" / "floors" / "events.json").read_text(encoding="utf-8"))
CASES = [(d, part) for d in DEV_SETS for part in (("look", "measure") if d.split else ("all",))]


def test_gold_files_are_the_pinned_ones(shared_data: Path) -> None:
    digest = hashlib.sha256(SEED_GOLD.read_bytes())
    for file in sorted({d.file for d in DEV_SETS if d.file}):
        digest.update((shared_data / "eval" / file).read_bytes())
    assert digest.hexdigest() == FLOORS["gold_sha256"], "gold changed: rerun bench/events.py --pin"


def test_every_set_and_part_has_a_floor() -> None:
    assert {f"{d.name}/{part}" for d, part in CASES} == set(FLOORS["floors"])


@pytest.mark.parametrize(("devset", "part"), CASES, ids=[f"{d.name}/{p}" for d, p in CASES])
def test_f1_at_or_above_floor(devset: DevSet, part: str, request: pytest.FixtureRequest,
                              pipeline: warta.Pipeline) -> None:
    def analyze(record: dict[str, Any]) -> Article:
        return pipeline.analyze({k: record[k] for k in ("id", "text", "date", "lang") if record.get(k)})

    # only the other sets need the shared data (the seed's gold ships in the repo)
    data = Path() if not devset.file else request.getfixturevalue("shared_data")
    result = evaluate(devset.records(data, None if part == "all" else part), analyze)
    floor = FLOORS["floors"][f"{devset.name}/{part}"]
    name = f"{devset.name}/{part}"
    # plain floats: a failure must not print the records (a measure part is never read)
    exact, lenient = float(result.exact.f1), float(result.lenient.f1)
    assert exact >= floor["exact"], f"{name} exact F1 {exact:.3f} < {floor['exact']}"
    assert lenient >= floor["lenient"], f"{name} lenient F1 {lenient:.3f} < {floor['lenient']}"
