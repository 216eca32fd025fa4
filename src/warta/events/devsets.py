"""The evaluation sets warta's event coding is scored on, declared once for the bench and the floors.

Each set is a gold JSONL under `<shared data>/eval/` (or the seed gold that ships in the repo),
optionally filtered to one `dataset`, read on its Indonesian `text` or its English `text_en` (the
PANL sets hold both: the same events hold for the translation). Every set except the seed and
the training data is split by `warta.split` into a look part and a measure part.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.events.evaluate import read_jsonl
from warta.split import Part, select

REPO = Path(__file__).resolve().parents[3]
SEED_GOLD = REPO / "tests" / "events" / "data" / "seed-gold.jsonl"


@dataclass(frozen=True, slots=True)
class DevSet:
    name: str
    file: str  # under eval/; "" for the seed gold in the repo
    dataset: str | None = None
    side: str = "text"  # "text" or "text_en" (the English translation)
    split: bool = True  # False: the seed (a golden case) and training data, reported whole
    note: str = ""

    def path(self, data: Path) -> Path:
        return SEED_GOLD if not self.file else data / "eval" / self.file

    def records(self, data: Path, part: Part | None) -> Iterator[dict[str, Any]]:
        """Gold records of one part, as the coder should see them (the English side relabelled)."""
        rows = read_jsonl(self.path(data))
        if self.dataset:
            rows = (r for r in rows if r.get("dataset") == self.dataset)
        for record in select(rows, part if self.split else None):
            if self.side == "text_en":
                if not record.get("text_en"):
                    continue
                record = {**record, "id": f"{record.get('id')}-en", "text": record["text_en"], "lang": "en"}
            yield record


DEV_SETS = (
    DevSet("seed", "", split=False, note="the golden case"),
    DevSet("id_panl_dev2", "id-panl-dev2.jsonl"),
    DevSet("id_panl_dev2_en", "id-panl-dev2.jsonl", side="text_en"),
    DevSet("id_panl_dev", "id-panl-dev.jsonl"),
    DevSet("petrarch2_gsr_gigaword", "petrarch2_dev.jsonl", "petrarch2_gsr_gigaword"),
    DevSet("petrarch2_dev_all", "petrarch2_dev.jsonl"),
    DevSet("cameo_manual_examples_dev", "cameo_manual_examples_dev.jsonl"),
    DevSet("id_panl_train", "id-panl-train.jsonl", split=False, note="training data (in-sample)"),
    DevSet("id_panl_train_en", "id-panl-train.jsonl", side="text_en", split=False,
           note="training data (in-sample)"),
)
