"""Train the CRF on the pooled train splits and write the model plus its JSON sidecar.

Training is deterministic for a given corpus and options (L-BFGS, no shuffling), so the shipped
model can be rebuilt with `warta train ner`. L1 regularisation (c1) prunes most feature weights,
which keeps the file small. c1/c2 were chosen on the dev splits (mean dev F1 over the five sets,
features v2: c1 0.1/c2 0.01 -> 77.8, 0.03/0.1 -> 77.8, 0.03/0.25 -> 78.6, 0.05/0.5 -> 78.7;
features v3, which trade ~0.3 F1 for 1.5x speed: 0.05/0.5 -> 78.4), so dev F1 is slightly
optimistic; the held-out test splits are the honest figure.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pycrfsuite

from warta.actors.ner.casing import count_casing, iter_corpus_texts, write_casing
from warta.actors.ner.corpus import load_tagmap, read_dataset
from warta.actors.ner.features import FEATURES_VERSION, FeatureExtractor
from warta.actors.ner.model import CASING_SUFFIX, META_SUFFIX
from warta.errors import InputError


@dataclass(frozen=True)
class TrainOptions:
    """How to train; the defaults build the shipped model."""

    datasets: tuple[str, ...] = ()  # empty = every dataset in the tag map
    c1: float = 0.05
    c2: float = 0.5
    max_iterations: int = 250
    min_freq: int = 2  # features seen fewer times are dropped: smaller file, little F1 cost
    limit: int | None = None  # sentences per dataset, for quick tests


@dataclass
class TrainReport:
    path: str
    sentences: dict[str, int] = field(default_factory=dict)
    tokens: int = 0
    model_bytes: int = 0


def _corpus_digest(data_dir: Path, names: tuple[str, ...]) -> str:
    """sha256 over the train files, so a model says exactly which data made it."""
    digest = hashlib.sha256()
    for name in names:
        digest.update((data_dir / name / "train.jsonl").read_bytes())
    return digest.hexdigest()[:16]


def train_ner(data_dir: Path, out: Path, corpus: tuple[Path, ...], options: TrainOptions | None = None,
              progress: Callable[[str], None] | None = None) -> TrainReport:
    """Train on `data_dir/<dataset>/train.jsonl` for each dataset; write the model and sidecars.

    `corpus` is unlabelled news (gzip JSONL with a `text` field) for the capitalisation counts.
    """
    options = options or TrainOptions()
    names = options.datasets or tuple(sorted(load_tagmap()))
    for path in corpus:
        if not path.is_file():
            raise InputError(f"{path}: no such corpus file; pass --corpus pointing at shared/data/corpus")
    casing = count_casing(iter_corpus_texts(corpus))
    if progress:
        progress(f"capitalisation counts: {len(casing)} words from {len(corpus)} corpus files")
    features = FeatureExtractor(casing)
    trainer = pycrfsuite.Trainer(verbose=False)
    report = TrainReport(path=str(out))
    for name in names:
        sentences = read_dataset(data_dir, name, "train", options.limit)
        report.sentences[name] = len(sentences)
        for sentence in sentences:
            report.tokens += len(sentence.tokens)
            trainer.append(features.sequence(sentence.tokens), sentence.tags)
        if progress:
            progress(f"{name}: {len(sentences)} sentences")
    trainer.set_params({
        "c1": options.c1,
        "c2": options.c2,
        "max_iterations": options.max_iterations,
        "feature.minfreq": options.min_freq,
        "feature.possible_transitions": True,
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    write_casing(casing, out.with_suffix(CASING_SUFFIX))
    trainer.train(str(out))
    report.model_bytes = out.stat().st_size
    meta = {
        "name": out.stem,
        "features_version": FEATURES_VERSION,
        "types": ["PER", "ORG", "LOC"],
        "options": asdict(options) | {"datasets": list(names)},
        "sentences": report.sentences,
        "tokens": report.tokens,
        "corpus_sha256": _corpus_digest(data_dir, names),
        "tagmap": "tagmap_v1.json",
        "casing_corpus": [path.name for path in corpus],
    }
    out.with_suffix(META_SUFFIX).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return report
