"""The event model: a logistic regression over candidate features, trained on annotated sentences.

`warta train events` fits it with scikit-learn (`warta.events.train`) on id-panl-train and the look
parts of the dev sets, and writes the weights as JSON beside this module (`model/events-<lang>-N.json`):
a few hundred KB, read with the standard library, no pickle. At run time a candidate's probability
is the logistic of its features' summed weights; candidates at or above the model's threshold
(chosen on held-out folds of the training data) become events, with `rule` naming the model and
its score.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from warta.errors import DataFileError

MODEL_VERSION = 1


def model_file(lang: str) -> Traversable:
    return files("warta.events").joinpath("model", f"events-{lang}-{MODEL_VERSION}.json")


@dataclass(frozen=True)
class EventModel:
    name: str
    weights: dict[str, float]
    threshold: float
    per_trigger: int = 2  # most events one trigger yields (compound sources or targets)

    @classmethod
    def load(cls, lang: str, path: Path | Traversable | None = None) -> EventModel | None:
        """The shipped model of `lang`, or None when there is none."""
        source = path or model_file(lang)
        if not source.is_file():
            return None
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
            return cls(name=str(data["name"]), weights={str(k): float(v) for k, v in data["weights"].items()},
                       threshold=float(data["threshold"]), per_trigger=int(data.get("per_trigger", 2)))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(str(source), None, f"not a warta event model ({exc})") from exc

    def probability(self, features: Sequence[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
