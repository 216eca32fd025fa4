"""Benchmark the shipped NER model: dev F1 per corpus, speed, size and load time.

Run from the repository root:

    .venv/bin/python bench/ner.py [--model PATH] [--data ../shared/data] [--articles 1500]

Prints a table and writes bench/results/ner.json. F1 is entity-level, exact span and type
(seqeval's default), on warta's PER/ORG/LOC after mapping each corpus's tag names with
tagmap_v1.json; types warta drops (NERP's EVT/FNB, NER-UGM's TIME/QUANTITY) are not scored, so
the published figures (test splits, all types, transformer models) are context, not a like-for-like
comparison. Speed is tokens per CPU second of tokenize + tag over news text, one process pinned
to one core (CPU time, so that other load on the machine does not distort it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from warta.actors.ner import NerTagger, tokenize
from warta.actors.ner.corpus import load_tagmap, read_dataset
from warta.actors.ner.evaluate import score
from warta.actors.ner.model import default_model_path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "ner.json"

# Entity F1 on each set's test split, from shared/data/SOURCES-id.md (not comparable one-to-one).
PUBLISHED = {
    "idner-news-2k": None,
    "indolem-nerugm": {"f1": 74.9, "model": "IndoBERT (IndoLEM), 5-fold mean, 5 types"},
    "indolem-nerui": {"f1": 90.1, "model": "IndoBERT (IndoLEM), 5-fold mean"},
    "indonlu-nergrit": {"f1": 79.09, "model": "XLM-R base (IndoNLU); NusaBERT-large 79.86"},
    "indonlu-nerp": {"f1": 79.25, "model": "IndoBERT-large p1 (IndoNLU), 5 types; NusaBERT-large 85.12"},
}


def evaluate_dev(tagger: NerTagger, data: Path) -> dict[str, dict[str, float | int]]:
    """Entity P/R/F1 per dataset's dev split."""
    out: dict[str, dict[str, float | int]] = {}
    for name in sorted(load_tagmap()):
        sentences = read_dataset(data / "ner", name, "dev")
        result = score((s.tags, tagger.tag(s.tokens)) for s in sentences)
        out[name] = {"precision": round(100 * result.precision, 2), "recall": round(100 * result.recall, 2),
                     "f1": round(100 * result.f1, 2), "gold_entities": result.gold,
                     "sentences": len(sentences)}
    return out


def read_articles(data: Path, count: int) -> list[str]:
    """Article texts from the bundled news corpus (paragraphs re-split at the scraper's ',')."""
    texts: list[str] = []
    with gzip.open(data / "corpus" / "clickid-news.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"] or ""
            if text:
                texts.append(text.replace(".,", ".\n"))
            if len(texts) >= count:
                break
    return texts


def measure_speed(tagger: NerTagger, texts: list[str]) -> dict[str, float | int]:
    """Tokens per CPU second of `entities` over whole articles, best of 3 passes.

    CPU time of this process, not wall time: the figure is per core and stays honest on a
    shared, loaded machine. The first pass also fills the feature cache, as a long run would.
    """
    tokens = sum(len(tokenize(text)[0]) for text in texts)
    best = float("inf")
    entities = 0
    for _ in range(3):
        began = time.process_time()
        entities = sum(len(tagger.entities(text)) for text in texts)
        best = min(best, time.process_time() - began)
    return {"articles": len(texts), "tokens": tokens, "cpu_seconds": round(best, 3),
            "tokens_per_second": round(tokens / best), "entities": entities}


def measure_load(model: Path | None) -> float:
    """Seconds to import warta's NER and load the model in a fresh interpreter (median of 3).

    Wall time (what a user waits), so it reads high when the machine is busy.
    """
    argument = f"Path({str(model)!r})" if model else ""
    code = ("import time; t = time.perf_counter(); from pathlib import Path; "
            f"from warta.actors.ner import NerTagger; NerTagger({argument}); "
            "print(time.perf_counter() - t)")
    runs = sorted(float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                       text=True).stdout) for _ in range(3))
    return round(runs[1], 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model file (default: shipped)")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as issue 3 asks
    tagger = NerTagger(args.model)
    model_file = args.model or default_model_path()
    dev = evaluate_dev(tagger, args.data)
    speed = measure_speed(tagger, read_articles(args.data, args.articles))
    result = {
        "command": "python bench/ner.py",
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "scored_types": "PER, ORG, LOC after tagmap_v1.json; entity-level exact match",
        "model": tagger.info.get("name"),
        "features_version": tagger.info.get("features_version"),
        "model_bytes": model_file.stat().st_size,
        "load_seconds": measure_load(args.model),
        "speed": speed,
        "dev": {name: {**scores, "published_test_f1": PUBLISHED[name]} for name, scores in dev.items()},
    }
    print(f"{'dataset':18} {'P':>6} {'R':>6} {'F1':>6}  published (test)")
    for name, scores in dev.items():
        published = PUBLISHED[name]
        print(f"{name:18} {scores['precision']:6.2f} {scores['recall']:6.2f} {scores['f1']:6.2f}  "
              f"{published['f1'] if published else '-'}")
    print(f"speed {speed['tokens_per_second']:,} tokens/s; model {result['model_bytes'] / 1e6:.2f} MB; "
          f"load {result['load_seconds']} s")
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
