"""Read the NER corpora (JSONL, BIO) and map their tag names to warta's PER/ORG/LOC.

The five corpora name the same types differently (PERSON/PPL/PER ...); `tagmap_v1.json`, beside
this module, says how each dataset's types map, and which are dropped (NERP's EVT and FNB,
NER-UGM's TIME and QUANTITY).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from warta.errors import DataFileError, InputError

TAGMAP_FILE = "tagmap_v1.json"


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    tokens: list[str]
    tags: list[str]


def load_tagmap() -> dict[str, dict[str, str | None]]:
    """Dataset name -> {source type: warta type or None}."""
    resource = files("warta.actors.ner").joinpath(TAGMAP_FILE)
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    datasets: dict[str, dict[str, str | None]] = data["datasets"]
    return datasets


def map_tags(tags: list[str], mapping: dict[str, str | None], where: str) -> list[str]:
    """BIO tags with each type renamed by `mapping`; dropped types become O."""
    out: list[str] = []
    for tag in tags:
        if tag == "O":
            out.append("O")
            continue
        prefix, _, kind = tag.partition("-")
        if prefix not in ("B", "I") or kind not in mapping:
            raise DataFileError(where, None, f"unknown tag {tag!r}; add its type to {TAGMAP_FILE}")
        target = mapping[kind]
        out.append(f"{prefix}-{target}" if target else "O")
    return out


def read_split(path: Path, mapping: dict[str, str | None] | None = None,
               limit: int | None = None) -> list[TaggedSentence]:
    """Sentences of one JSONL split, tags mapped when a mapping is given."""
    if not path.is_file():
        raise InputError(f"{path}: no such file; pass --data pointing at shared/data/ner")
    sentences: list[TaggedSentence] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and len(sentences) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                tokens, tags = list(record["tokens"]), list(record["tags"])
            except (ValueError, KeyError, TypeError) as exc:
                raise DataFileError(str(path), number, f"not a {{tokens, tags}} record: {exc}") from exc
            if len(tokens) != len(tags):
                raise DataFileError(str(path), number, "tokens and tags differ in length")
            if mapping is not None:
                tags = map_tags(tags, mapping, f"{path}:{number}")
            sentences.append(TaggedSentence(tokens, tags))
    return sentences


def read_dataset(data_dir: Path, name: str, split: str, limit: int | None = None) -> list[TaggedSentence]:
    """One dataset's split ('train' or 'dev') with warta tag names."""
    tagmap = load_tagmap()
    if name not in tagmap:
        raise InputError(f"unknown NER dataset {name!r}; known: {', '.join(sorted(tagmap))}")
    return read_split(data_dir / name / f"{split}.jsonl", tagmap[name], limit)
