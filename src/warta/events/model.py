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
from typing import Protocol, TypeVar

from warta.errors import DataFileError

MODEL_VERSION = 1


class Pairing(Protocol):
    """What decoding needs of a candidate: its actor groups (compared by identity)."""

    @property
    def source(self) -> object: ...

    @property
    def target(self) -> object: ...


C = TypeVar("C", bound=Pairing)


def decide(scored: Sequence[tuple[float, C]], threshold: float, per_trigger: int) -> list[tuple[float, C]]:
    """One trigger's events from its scored candidates: the best `per_trigger` at or above the
    threshold, and no (source, no target) beside a (source, target) already kept for that source.
    Training picks its threshold through this very function, so it is chosen as it is used."""
    kept: list[tuple[float, C]] = []
    for p, cand in sorted(scored, key=lambda item: -item[0]):
        if p < threshold or len(kept) >= per_trigger:
            break
        if cand.target is None and any(k.source is cand.source for _, k in kept):
            continue
        kept.append((p, cand))
    with_target = {id(k.source) for _, k in kept if k.target is not None}
    return [(p, c) for p, c in kept if c.target is not None or id(c.source) not in with_target]


def model_dir() -> Traversable:
    return files("warta.events").joinpath("model")


def model_file(lang: str) -> Traversable:
    return model_dir().joinpath(f"events-{lang}-{MODEL_VERSION}.json")


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

    def decide(self, scored: Sequence[tuple[float, C]]) -> list[tuple[float, C]]:
        return decide(scored, self.threshold, self.per_trigger)

    def probability(self, features: Sequence[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
