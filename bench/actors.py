"""Measure the actor stage: seed coverage, actor P/R on gold sets, speed, dictionary load time.

    .venv/bin/python bench/actors.py [--data ../shared/data] [--articles 1500] [--pairs 3000]

Writes bench/results/actors.json. Speed is single-process CPU time (time.process_time) of
`ActorStage.find_actors` over sentences split beforehand, on the bundled corpus
(corpus/clickid-news.jsonl.gz Indonesian articles, corpus/panl-bppt-en-id.jsonl.gz sentence
pairs in both languages); tokens are whitespace tokens. With `--ner` (and a trained model in
warta/actors/ner/model/) the NER tagger runs inside the stage too.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.actors.evaluate import gold_codes, load_records, score, seed_coverage  # noqa: E402
from warta.actors.stage import ActorStage  # noqa: E402
from warta.language.sentences import load_abbreviations, split_sentences  # noqa: E402
from warta.settings import Settings  # noqa: E402

SEED_EXPECT = ROOT / "tests" / "actors" / "seed_actors.json"
LOAD_SNIPPET = """
import time
from warta.actors.stage import ActorStage
from warta.settings import Settings
t, c = time.perf_counter(), time.process_time(); ActorStage(Settings())
print(time.perf_counter() - t, time.process_time() - c)
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def measure_load() -> dict[str, float]:
    """Dictionary load + automaton build in a fresh process, best of 3: wall and CPU seconds.

    CPU time is what one core spends; wall time also counts waiting for a busy machine.
    """
    walls, cpus = [], []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout.split()
        walls.append(float(out[0]))
        cpus.append(float(out[1]))
    return {"wall_s": round(min(walls), 3), "cpu_s": round(min(cpus), 3)}


def gold_scores(stage: ActorStage, data: Path) -> dict[str, Any]:
    sets = {
        "petrarch2_gsr_gigaword": load_records(data / "eval" / "petrarch2_dev.jsonl",
                                               "petrarch2_gsr_gigaword"),
        "cameo_manual_examples": load_records(data / "eval" / "cameo_manual_examples_dev.jsonl"),
        # Indonesian, gold at country level only: read the "country" figures
        "id_panl_dev": load_records(data / "eval" / "id-panl-dev.jsonl"),
    }
    out = {}
    for name, records in sets.items():
        pairs = [(gold_codes(r), stage.find_actors(r["text"], r.get("lang") or "en", r.get("date")))
                 for r in records]
        tallies = score(pairs)
        out[name] = {"records": len(records), **{k: v.as_dict() for k, v in tallies.items()}}
    return out


def corpus_texts(data: Path, articles: int, pairs: int) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    with gzip.open(data / "corpus" / "clickid-news.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(texts) >= articles:
                break
            record = json.loads(line)
            texts.append((record.get("lang") or "id", (record.get("title") or "") + "\n\n" + record["text"]))
    with gzip.open(data / "corpus" / "panl-bppt-en-id.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= pairs:
                break
            record = json.loads(line)
            texts.append(("id", record["text"]))
            texts.append(("en", record["text_en"]))
    return texts


def measure_speed(stage: ActorStage, texts: list[tuple[str, str]]) -> dict[str, Any]:
    abbreviations = load_abbreviations(("id", "en"))
    prepared = [(lang, text, [(s.start, s.end) for s in split_sentences(text, abbreviations, 0)])
                for lang, text in texts]
    per_lang: dict[str, dict[str, float]] = {}
    mentions = 0
    for lang, text, spans in prepared[:50]:  # warm the code-period cache like a running pipeline
        stage.find_actors(text, lang, None, spans)
    for lang, text, spans in prepared:
        started = time.process_time()
        found = stage.find_actors(text, lang, None, spans)
        spent = time.process_time() - started
        row = per_lang.setdefault(lang, {"tokens": 0, "seconds": 0.0, "texts": 0})
        row["tokens"] += len(text.split())
        row["seconds"] += spent
        row["texts"] += 1
        mentions += len(found)
    tokens = sum(r["tokens"] for r in per_lang.values())
    seconds = sum(r["seconds"] for r in per_lang.values())
    return {
        "tokens": int(tokens), "cpu_seconds": round(seconds, 3),
        "tokens_per_second": round(tokens / seconds) if seconds else None, "mentions": mentions,
        "per_language": {lang: {"texts": int(r["texts"]), "tokens": int(r["tokens"]),
                                "tokens_per_second": round(r["tokens"] / r["seconds"]) if r["seconds"]
                                else None}
                         for lang, r in per_lang.items()},
    }


def seed_score(stage: ActorStage) -> dict[str, Any]:
    import warta

    expect = json.loads(SEED_EXPECT.read_text(encoding="utf-8"))
    seed = ROOT.parent / "shared" / "seed" / "000_cc0b5cec338f7a65.txt"
    pipeline = warta.Pipeline()
    article = pipeline.analyze(seed.read_text(encoding="utf-8"))
    article = stage(article)
    coverage, missing = seed_coverage(article.text, article.actors, expect["expect"])
    wrong = sorted({m.code for m in article.actors if m.kind != "place"} - set(expect["allowed"]))
    return {"coverage": round(coverage, 4), "missing": missing, "codes_outside_table": wrong,
            "mentions": len(article.actors)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--pairs", type=int, default=3000)
    parser.add_argument("--ner", action="store_true", help="run the NER tagger inside the stage")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "actors.json")
    args = parser.parse_args(argv)
    tagger = None
    if args.ner:
        from warta.actors.ner import NerTagger

        tagger = NerTagger()
    stage = ActorStage(Settings(), tagger=tagger)
    results = {
        "command": "python bench/actors.py" + (" --ner" if args.ner else ""),
        "machine": {"python": platform.python_version(),
                    "processor": platform.processor() or platform.machine()},
        "dictionary_load": measure_load(),
        "seed": seed_score(stage),
        "gold": gold_scores(stage, args.data),
        "speed": measure_speed(stage, corpus_texts(args.data, args.articles, args.pairs)),
        "ner_in_stage": tagger is not None,
        "data_sha256": {name: sha256(args.data / "eval" / name)
                        for name in ("petrarch2_dev.jsonl", "cameo_manual_examples_dev.jsonl",
                                     "id-panl-dev.jsonl")},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
