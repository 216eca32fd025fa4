"""The event model: shipped, loaded once, trained only on look parts, deciding lexicon triggers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warta
from warta.errors import DataFileError
from warta.events.devsets import DEV_SETS
from warta.events.model import EventModel, model_dir
from warta.events.train import POINTS_FILE, TRAIN_SETS, read_point, training_sets, write_point
from warta.split import part_of, record_key


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_shipped_model_loads_and_names_what_it_was_trained_on(lang: str) -> None:
    model = EventModel.load(lang)
    assert model is not None
    assert 0.05 < model.threshold < 0.95
    assert len(model.weights) > 200
    assert 0.0 < model.probability(["bias"]) < 1.0


def test_a_malformed_model_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "events-id-1.json"
    bad.write_text(json.dumps({"name": "x", "weights": [1, 2]}), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"events-id-1\.json"):
        EventModel.load("id", bad)


def test_training_never_reads_a_measure_part(shared_data: Path) -> None:
    for lang in TRAIN_SETS:
        for devset in training_sets(lang):
            records = list(devset.records(shared_data, "look" if devset.split else None))
            assert records
            if devset.split:
                assert all(part_of(record_key({**r, "id": r["id"].removesuffix("-en")})) == "look"
                           for r in records)
    assert {d.name for d in DEV_SETS if not d.split} >= {"id_panl_train", "id_panl_train_en"}


def test_a_model_event_names_the_model_and_its_score(pipeline: warta.Pipeline) -> None:
    """A nominal trigger from the induced lexicon ("Kunjungan ... ke"): no hand-written rule fills
    its roles, the model picks the pair from the sentence."""
    text = "Kunjungan Menteri Luar Negeri Jepang ke Korea Selatan membahas kerja sama ekonomi."
    article = pipeline.analyze({"text": text, "lang": "id"})
    decided = [e for e in article.events if e.rule.startswith("events-id-1:")]
    found = {(e.source.code[:3] if e.source else "", e.target.code[:3] if e.target else "", e.root)
             for e in decided}
    assert ("JPN", "KOR", "04") in found, article.events
    for event in decided:
        score = float(event.rule.rsplit("p=", 1)[1])
        assert event.confidence == pytest.approx(score, abs=0.005)
        assert score >= EventModel.load("id").threshold  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_shipped_model_sits_at_its_kept_operating_point(lang: str) -> None:
    # a plain retrain fits the weights at the kept point; only --select moves it
    model = EventModel.load(lang)
    assert model is not None
    _, threshold = read_point(Path(str(model_dir().joinpath(POINTS_FILE))), lang)
    assert model.threshold == threshold


def test_a_new_operating_point_keeps_the_other_language(tmp_path: Path) -> None:
    points = tmp_path / POINTS_FILE
    write_point(points, "id", 0.3, 0.52)
    write_point(points, "en", 0.1, 0.340000001)
    assert (read_point(points, "id"), read_point(points, "en")) == ((0.3, 0.52), (0.1, 0.34))
    with pytest.raises(DataFileError, match="no operating point for 'ms'"):
        read_point(points, "ms")
