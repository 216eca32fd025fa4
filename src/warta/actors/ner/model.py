"""Load the shipped CRF model and tag tokens or character spans of a text.

The model is a CRFsuite file plus a JSON sidecar saying which feature version built it; both
ship inside the package and are read with importlib.resources, so loading needs no network and
works from a wheel. A `NerTagger` owns its CRFsuite tagger and feature cache: build one per
process (or per pipeline) and reuse it; it is not thread-safe.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pycrfsuite

from warta.actors.ner.casing import parse_casing
from warta.actors.ner.evaluate import bio_spans
from warta.actors.ner.features import FEATURES_VERSION, FeatureExtractor
from warta.actors.ner.tokenize import chunk_bounds, tokenize
from warta.errors import DataFileError

MODEL_NAME = "ner-id-v1"
MODEL_DIR = "model"
MODEL_SUFFIX = ".crfsuite"
META_SUFFIX = ".json"
CASING_SUFFIX = ".casing.tsv"

Entity = tuple[int, int, str]


def default_model_path() -> Path:
    """Where the shipped model lives in a source checkout (used by `warta train ner`)."""
    return Path(__file__).resolve().parent / MODEL_DIR / (MODEL_NAME + MODEL_SUFFIX)


def _read_model(path: Path | None) -> tuple[bytes, dict[str, Any], dict[str, int], str]:
    """Model bytes, its metadata, its capitalisation counts and a name for error messages."""
    if path is None:
        folder = files("warta.actors.ner").joinpath(MODEL_DIR)
        model = folder.joinpath(MODEL_NAME + MODEL_SUFFIX)
        meta = folder.joinpath(MODEL_NAME + META_SUFFIX)
        casing = folder.joinpath(MODEL_NAME + CASING_SUFFIX)
        where = f"warta/actors/ner/{MODEL_DIR}/{MODEL_NAME}"
    else:
        model, meta, casing = path, path.with_suffix(META_SUFFIX), path.with_suffix(CASING_SUFFIX)
        where = str(path.with_suffix(""))
    try:
        blob = model.read_bytes()
        info: dict[str, Any] = json.loads(meta.read_text(encoding="utf-8"))
        casing_text = casing.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise DataFileError(where, None, f"cannot read the NER model or its sidecars ({exc}); "
                            "run `warta train ner`") from exc
    return blob, info, parse_casing(casing_text, where + CASING_SUFFIX), where


class NerTagger:
    """Named-entity tagger for Indonesian (PER, ORG, LOC), a CRF over hand-written features."""

    def __init__(self, path: Path | None = None) -> None:
        """Load the model at `path`, or the one shipped in the package when None."""
        blob, info, casing, where = _read_model(path)
        if info.get("features_version") != FEATURES_VERSION:
            raise DataFileError(where, None, f"built with features v{info.get('features_version')}, "
                                f"this code uses v{FEATURES_VERSION}; retrain with `warta train ner`")
        self.info = info
        self.labels: tuple[str, ...] = tuple(info.get("types", ("PER", "ORG", "LOC")))
        self._tagger = pycrfsuite.Tagger()
        # CRFsuite reads the model from this buffer without copying it: keep it alive.
        self._blob = blob
        try:
            self._tagger.open_inmemory(blob)
        except (ValueError, OSError) as exc:
            raise DataFileError(where, None, f"not a CRFsuite model ({exc})") from exc
        self._features = FeatureExtractor(casing)

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags ('B-PER', 'I-LOC', 'O' ...) for one sentence of tokens, same length."""
        if not tokens:
            return []
        tags: list[str] = self._tagger.tag(self._features.sequence(tokens))
        return tags

    def entities(self, text: str, start: int = 0, end: int | None = None) -> list[Entity]:
        """(start, end, type) character spans of the entities in `text[start:end]`.

        Offsets index `text` itself (not the slice), so `text[s:e]` is the entity's text. The
        span is tokenized and cut into rough sentences (at . ! ? and line breaks), each tagged
        as one sequence.
        """
        tokens, starts, ends = tokenize(text, start, end)
        found: list[Entity] = []
        for first, last in chunk_bounds(text, tokens, starts, ends):
            tags = self.tag(tokens[first:last])
            for i, j, kind in bio_spans(tags):
                found.append((starts[first + i], ends[first + j - 1], kind))
        return found
