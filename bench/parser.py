"""Benchmark the shipped dependency parsers: held-out UAS/LAS/UPOS, size, load time and speed.

Run from the repository root:

    .venv/bin/python bench/parser.py [--data ../shared/data/ud] [--lang id --lang en]

Prints a table and writes bench/results/parser.json. Scores are on the 'measure' part of the
staged UD files (`warta.syntax.train.split_part`: 15% of sentences by a fixed hash of the
sentence id, never trained on nor used for early stopping), every token counted, punctuation
included, on warta's tokens (multiword tokens collapsed, text re-cut by warta's regex), so they are
close to but not the same as published UD figures on UD's own tokens. Speed is tokens per CPU
second of `parse_words` one sentence at a time (and of `parse_batch`), one process pinned to one
core, best of 3 passes. Load time is a fresh interpreter importing spaCy and loading the model.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from warta.syntax.conllu import Sentence
from warta.syntax.evaluate import score
from warta.syntax.parse import LANGS, load_parser, model_path, parse_batch, run_pipeline
from warta.syntax.train import file_sha256, load_parts, treebank_paths

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "parser.json"

# Context only (UD's own tokens, full official train sets, other models): not like-for-like.
PUBLISHED = {
    "id": "UDPipe 2 on full UD_Indonesian-GSD test: LAS ~80; small CNN models on it ~70-75",
    "en": "UDPipe 2 on full UD_English-EWT test: LAS ~89-90; spaCy en_core_web_sm (OntoNotes labels) n/a",
}


def measure_speed(lang: str, sentences: list[Sentence]) -> dict[str, float | int]:
    """Tokens per CPU second of `parse_words` (one sentence a call) and `parse_batch`, best of 3."""
    nlp = load_parser(lang)
    inputs = [([w.form for w in s.words], [w.space_after for w in s.words]) for s in sentences]
    tokens = sum(len(words) for words, _ in inputs)
    single = batched = float("inf")
    for _ in range(3):
        began = time.process_time()
        for words, spaces in inputs:
            run_pipeline(nlp, words, spaces)
        single = min(single, time.process_time() - began)
        began = time.process_time()
        for _doc in parse_batch(lang, inputs):
            pass
        batched = min(batched, time.process_time() - began)
    return {"sentences": len(inputs), "tokens": tokens, "cpu_seconds": round(single, 3),
            "tokens_per_second": round(tokens / single), "batch_tokens_per_second": round(tokens / batched)}


def measure_load(lang: str) -> float:
    """Seconds to import spaCy and load the model in a fresh interpreter (median of 3, wall time)."""
    code = ("import time; t = time.perf_counter(); from warta.syntax.parse import load_parser; "
            f"load_parser({lang!r}); print(time.perf_counter() - t)")
    runs = sorted(float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                       text=True).stdout) for _ in range(3))
    return round(runs[1], 3)


def bench_language(lang: str, data: Path) -> dict[str, Any]:
    parts = load_parts(data, lang)
    nlp = load_parser(lang)
    folder = model_path(lang)
    return {
        "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "treebank_sha256": {p.name: file_sha256(p) for p in treebank_paths(data, lang)},
        "sentences": {name: len(items) for name, items in parts.items()},
        "tokens": {name: sum(len(s.words) for s in items) for name, items in parts.items()},
        "measure": score(nlp, parts["measure"]).as_dict(),
        "train_cpu_seconds": nlp.meta.get("warta", {}).get("train_cpu_seconds"),
        "model_bytes": sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()),
        "load_seconds": measure_load(lang),
        "speed": measure_speed(lang, parts["measure"]),
        "published": PUBLISHED[lang],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "ud")
    parser.add_argument("--lang", action="append", choices=LANGS, help="repeatable; default: all")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    languages = {lang: bench_language(lang, args.data) for lang in (args.lang or LANGS)}
    result = {
        "command": "python bench/parser.py",
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "scoring": "held-out 'measure' part (15% by hash of sent_id); every token, punctuation included; "
                   "LAS on full labels; warta tokens",
        "languages": languages,
    }
    print(f"{'lang':4} {'train sent/tok':>15} {'held-out sent/tok':>18} {'UAS':>6} {'LAS':>6} {'UPOS':>6} "
          f"{'MB':>5} {'load s':>6} {'tok/CPU s':>9} {'batched':>8}")
    for lang, row in languages.items():
        trained = f"{row['sentences']['train'] + row['sentences']['dev']}/" \
                  f"{row['tokens']['train'] + row['tokens']['dev']}"
        held = f"{row['sentences']['measure']}/{row['tokens']['measure']}"
        m, speed = row["measure"], row["speed"]
        print(f"{lang:4} {trained:>15} {held:>18} {m['uas']:6.2f} {m['las']:6.2f} {m['upos']:6.2f} "
              f"{row['model_bytes'] / 1e6:5.2f} {row['load_seconds']:6.2f} {speed['tokens_per_second']:9,} "
              f"{speed['batch_tokens_per_second']:8,}")
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
