"""Extraction quality gate: warta's main-text scores on the shared benchmark pages must not drop.

Recomputes what `bench/extraction.py` measures for warta (same loaders, same metric) and compares
it with the floors pinned in tests/floors/extraction.json, which also pins a hash of the corpus:
when the pages change, the floors must be measured again, not silently compared.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from warta import Pipeline, Settings
from warta.clean.stage import CleanStage

REPO = Path(__file__).resolve().parents[2]
FLOORS_FILE = REPO / "tests" / "floors" / "extraction.json"
FLOORS: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cleaner() -> Pipeline:
    """Only the clean stage: body, title and date all come from it, and later stages (actors,
    events) would only slow this gate down."""
    settings = Settings()
    return Pipeline(settings, stages=[CleanStage(settings)])


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """bench/extraction.py, loaded as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("warta_bench_extraction", REPO / "bench" / "extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_corpus_is_the_one_the_floors_were_measured_on(bench: ModuleType, shared_data: Path) -> None:
    got = bench.corpus_sha256(shared_data / "extraction")
    assert got == FLOORS["corpus_sha256"], (
        "the extraction corpus changed: run bench/extraction.py and pin new floors and hash")


@pytest.mark.parametrize("set_name", ["scrapinghub-aeb", "id-pages"])
def test_main_text_scores_stay_above_the_floors(bench: ModuleType, shared_data: Path, cleaner: Pipeline,
                                                 set_name: str) -> None:
    load = bench.load_aeb if set_name == "scrapinghub-aeb" else bench.load_id_pages
    pages = load(shared_data / "extraction")
    run = bench.run_warta(cleaner)
    outputs = [run(page) for page in pages]
    floor = FLOORS[set_name]
    got = bench.score(pages, outputs)
    assert got["empty"] <= floor["empty_max"]
    assert got["shingle_f1"] >= floor["shingle_f1"], f"{set_name} shingle F1 fell: {got}"
    assert got["bow_f1"] >= floor["bow_f1"], f"{set_name} bag-of-words F1 fell: {got}"
    if set_name == "id-pages":
        left = bench.leftover_score(outputs)
        meta = bench.metadata_score(pages, outputs)
        assert left["lines"] <= floor["leftover_lines_max"], f"boilerplate left in bodies: {left}"
        assert meta["title_exact"] >= floor["title_exact_min"], meta
        assert meta["date_correct"] >= floor["date_correct_min"], meta
