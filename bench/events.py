"""Benchmark the event stage: dev figures, PANL translation invariance, and full-pipeline speed.

Run from the repository root:

    .venv/bin/python bench/events.py [--data ../shared/data] [--articles 2000] [--pairs 0]

1. Dev figures on every set of `warta.events.devsets.DEV_SETS`, each split by a fixed hash
   (`warta.split`) into a look part (read, written against, trained on) and a measure part
   (only ever scored). Both are printed so the gap is visible; the README quotes the measure part.
   The seed is a golden case and the id-panl-train sets are training data: reported whole.
   `--look` scores the look parts and training data only and writes nothing: the loop to
   develop in, which never reads a measure part.
2. PANL agreement: the Indonesian `text` and the English `text_en` of each international PANL-BPPT
   sentence in the PANL measure part (kept out of lexicon induction) are coded separately; a pair
   agrees when both sides give the same set of lenient (country, country, root) triples, counted
   over pairs where either side has an event (`--pairs 0` = all of them).
3. Speed: the whole pipeline (clean, language, sentences, actors, events) on text input, one
   process, one core, over the first `--articles` records of corpus/clickid-news.jsonl.gz, with the
   per-stage profile and the mean article size.

Prints a summary and writes bench/results/events.json.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import warta
from warta.article import Article
from warta.events.devsets import DEV_SETS, SEED_GOLD
from warta.events.evaluate import evaluate, read_jsonl, translation_agreement
from warta.pipeline import to_raw
from warta.split import PANL_MEASURE_SHARE, select

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "events.json"
# the same bench on the sentences of this split, run on the code before warta events 2 (commit 19dafe1)
BASELINE = REPO / "bench" / "results" / "events-baseline.json"
FLOORS = REPO / "tests" / "floors" / "events.json"
FLOOR_MARGIN = 0.01


def analyzer(pipeline: warta.Pipeline) -> Any:
    def analyze(record: dict[str, Any]) -> Article:
        return pipeline.analyze({k: record[k] for k in ("id", "text", "date", "lang") if record.get(k)})
    return analyze


def dev_figures(pipeline: warta.Pipeline, data: Path, look_only: bool = False) -> dict[str, Any]:
    """`{set: {part: figures}}`; unsplit sets have the one part "all"."""
    out: dict[str, Any] = {}
    for devset in DEV_SETS:
        parts = (("look",) if look_only else ("look", "measure")) if devset.split else (None,)
        out[devset.name] = {part or "all": evaluate(devset.records(data, part), analyzer(pipeline)).as_dict()
                            for part in parts}
    return out


def panl_agreement(pipeline: warta.Pipeline, data: Path, pairs: int) -> dict[str, Any]:
    records = [r for r in read_jsonl(data / "corpus" / "panl-bppt-en-id.jsonl.gz")
               if r.get("category") == "international"]
    records = list(select(records, "measure", PANL_MEASURE_SHARE))
    if pairs:
        records = records[:pairs]
    return translation_agreement(records, analyzer(pipeline)).as_dict()


def corpus_records(data: Path, articles: int) -> list[dict[str, Any]]:
    out = []
    with gzip.open(data / "corpus" / "clickid-news.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("text"):
                out.append({k: record[k] for k in ("id", "title", "text", "date", "url") if record.get(k)})
            if len(out) >= articles:
                break
    return out


def measure_speed(pipeline: warta.Pipeline, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Articles/s of the whole pipeline, and CPU time per stage (one core, warm)."""
    for record in records[:20]:  # warm caches, as a long-running pipeline would be
        pipeline.analyze(record)
    per_stage: dict[str, float] = defaultdict(float)
    events = failures = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for record in records:
        article = Article(raw=to_raw(record))
        try:
            for stage in pipeline.stages:
                t0 = time.process_time()
                article = stage(article)
                per_stage[stage.name] += time.process_time() - t0
        except warta.WartaError:
            failures += 1
            continue
        events += len(article.events)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    chars = sum(len(r["text"]) for r in records)
    # CPU time is the one-core figure; wall time is also given (a shared machine inflates it)
    return {
        "articles": len(records), "failures": failures, "cpu_seconds": round(cpu, 2),
        "wall_seconds": round(elapsed, 2), "articles_per_s": round(len(records) / cpu, 1),
        "articles_per_s_wall": round(len(records) / elapsed, 1),
        "mean_article_chars": round(chars / len(records)),
        "events": events,
        "per_stage_ms_per_article": {k: round(1000 * v / len(records), 3) for k, v in per_stage.items()},
    }


def gold_sha256(data: Path) -> str:
    """One hash over every gold file the floors are measured on."""
    digest = hashlib.sha256(SEED_GOLD.read_bytes())
    for file in sorted({d.file for d in DEV_SETS if d.file}):
        digest.update((data / "eval" / file).read_bytes())
    return digest.hexdigest()


def pin_floors(dev: dict[str, Any], data: Path) -> None:
    """Floors FLOOR_MARGIN below what was measured; tests/events/test_event_floors.py checks them.
    A floor only rises: on the same gold, a figure under its floor keeps the old floor (and fails
    the test), so pinning cannot hide a loss."""
    measured = {f"{name}/{part}": {level: figures[level]["f1"] for level in ("exact", "lenient")}
                for name, parts in dev.items() for part, figures in parts.items()}
    digest = gold_sha256(data)
    old = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}
    kept = old.get("floors", {}) if old.get("gold_sha256") == digest else {}
    floors = {key: {level: max(round(max(0.0, f1 - FLOOR_MARGIN), 3), kept.get(key, {}).get(level, 0.0))
                    for level, f1 in levels.items()}
              for key, levels in measured.items()}
    FLOORS.write_text(json.dumps({
        "about": "Floors for event coding (F1 of asserted+reported events) per set and part (look / "
                 "measure / all), measured by bench/events.py --pin and checked by "
                 f"tests/events/test_event_floors.py; each sits {FLOOR_MARGIN} below the measured F1, "
                 "or stays where it was when that is higher (a floor only rises on the same gold). "
                 "If gold_sha256 no longer matches, the gold files changed: re-measure and pin again.",
        "gold_sha256": digest,
        "measured": measured,
        "floors": floors,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"pinned floors in {FLOORS.relative_to(REPO)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--pairs", type=int, default=0, help="PANL pairs to code (0 = all)")
    parser.add_argument("--pin", action="store_true", help=f"also write the floors to {FLOORS.name}")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the results JSON")
    parser.add_argument("--look", action="store_true",
                        help="the development loop: score the look parts and training data only, "
                             "print them, write nothing (the measure parts and PANL pairs untouched)")
    args = parser.parse_args(argv)
    if args.look and args.pin:
        parser.error("--pin needs the measure parts: not with --look")
    pipeline = warta.Pipeline()
    results: dict[str, Any] = {
        "command": "python bench/events.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "dev": dev_figures(pipeline, args.data, look_only=args.look),
    }
    before = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}
    for name, parts in results["dev"].items():
        for part, figures in parts.items():
            exact, lenient = figures["exact"], figures["lenient"]
            then = before.get("dev", {}).get(name, {}).get(part)
            was = (f"  (before: exact {then['exact']['f1']:.3f}, lenient {then['lenient']['f1']:.3f})"
                   if then else "")
            print(f"{name:26} {part:7} exact F1={exact['f1']:.3f}  lenient P={lenient['precision']:.3f} "
                  f"R={lenient['recall']:.3f} F1={lenient['f1']:.3f} ({figures['records']} records, "
                  f"{lenient['gold']} gold events){was}")
    if args.look:
        return 0
    results["panl_agreement"] = panl_agreement(pipeline, args.data, args.pairs)
    agreement = results["panl_agreement"]
    then = before.get("panl_agreement")
    print(f"PANL id/en agreement: {agreement['agreement']:.3f} of {agreement['with_events']} "
          "pairs with events "
          f"({agreement['sentences']} pairs); triple Jaccard {agreement['triple_jaccard']:.3f}"
          + (f" (before: {then['agreement']:.3f}, Jaccard {then['triple_jaccard']:.3f})" if then else ""))
    results["speed"] = measure_speed(pipeline, corpus_records(args.data, args.articles))
    speed = results["speed"]
    print(f"speed: {speed['articles_per_s']} articles/s per core (CPU time; wall "
          f"{speed['articles_per_s_wall']}/s) over {speed['articles']} clickid-news "
          f"articles (mean {speed['mean_article_chars']} chars), {speed['events']} events")
    for stage, ms in speed["per_stage_ms_per_article"].items():
        print(f"  {stage:12} {ms:8.3f} ms/article")
    if args.pin:
        pin_floors(results["dev"], args.data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
