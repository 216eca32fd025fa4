"""Robustness bench: seconds per MB on the shapes that were quadratic, and a fuzz of generated inputs.

    .venv/bin/python bench/robustness.py                        # timings + 1,000,000 fuzz inputs
    .venv/bin/python bench/robustness.py --inputs 20000 --seconds 300 --workers 2
    .venv/bin/python bench/robustness.py --no-fuzz              # timings only

Timings (CPU seconds of this process, per MB of input) for the shapes of issue 14: the sentence
splitter alone and `warta.analyze` end to end on `'Ab cd. ' * 32000` (224 KB),
`'Russia attacked Ukraine. ' * 16000` (400 KB) and one very long sentence
(`'Russia attacked Ukraine, ' * N`), measured at a few sizes to show the event stage is linear
in it (its seconds per MB stay flat as N grows).

The fuzz runs `warta.analyze` on generated inputs (random bytes, random unicode with lone
surrogates and controls, HTML fragments, JSON records, sentences of dictionary words) and the
JSONL reader on generated lines (JSON shapes, deep nesting, long numbers, bytes), in `--workers`
processes, until `--inputs` are done or `--seconds` have passed. A crash is any exception other
than `WartaError`; a span violation is a sentence, actor or event span outside the text or an
event trigger that is not the text at its span. Each is printed with a reproducer (the seed and
index that regenerate it, and the input's repr). The rate is given per wall-clock second and per
CPU-second of the workers, which is what other jobs on shared cores do not change. Results go to
bench/results/robustness.json; a run of one part (`--no-fuzz`, `--no-timings`) keeps the other
part's last results there.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LANG = REPO / "src" / "warta" / "lang"
MB = 1_000_000

ODD = ["\ud800", "\udfff", "\x00", "\x1b[31m", "\x07", "\u202e", "\ufffd", "\ufeff", "\u200b", "<svg>",
       "<p>", "[", "{", "}", "]", '"', "\\", "http://[x", ".", ". ", "…", "\n", "\n\n", "\t", "0001-01-01",
       "19-09-10", "9" * 5000, "A.S.", "Dr.", "(tia)", "JAKARTA,", "KOMPAS.com -", "Rp1.988", "3,5"]
TAGS = ["html", "head", "body", "p", "div", "svg", "math", "table", "tr", "td", "script", "style",
        "article", "title", "a", "br", "meta", "noscript", "template", "iframe"]


def dictionary_words() -> list[str]:
    """Actor names and function words from the language files: text that looks like news."""
    words: list[str] = []
    for code in ("id", "en"):
        for line in (LANG / code / "actors.tsv").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.append(line.split("\t")[0])
        for line in (LANG / code / "function_words.txt").read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words += line.split()
    words += ["menyerang", "bertemu", "mengecam", "attacked", "met", "condemned", "said", "kata",
              "mengatakan", "tidak", "akan", "mungkin", "menurut", "according", "to", ".", ",", "!"]
    return words


# -- generators: each is (rng) -> input, so (seed, index) reproduces an input exactly ----------------

def random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randrange(0, 3000))


def random_unicode(rng: random.Random, longest: int = 400) -> str:
    """Characters mostly from Latin to IPA (60%), some from anywhere in Unicode, lone surrogates
    included (30%), some odd pieces (10%). Drawn from two `randbytes` calls rather than two
    generator calls per character: generation was a fifth of the fuzz's time, none of it warta's."""
    size = rng.randrange(0, longest)
    kinds, values = rng.randbytes(size), memoryview(rng.randbytes(4 * size)).cast("I")
    return "".join(chr(0x20 + v % 0x230) if k < 154 else chr(v % 0x110000) if k < 230 else ODD[v % len(ODD)]
                   for k, v in zip(kinds, values, strict=True))


def html_fragment(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(0, 60)):
        roll = rng.random()
        tag = rng.choice(TAGS)
        if roll < 0.35:
            parts.append(f"<{tag}>")
        elif roll < 0.6:
            parts.append(f"</{tag}>")
        elif roll < 0.65:
            depth = rng.randrange(200, 3000)
            parts.append(f"<{tag}>" * depth)
        else:
            parts.append(rng.choice(WORDS) + " " + rng.choice(ODD))
    return "".join(parts)


def json_value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        return rng.choice([None, True, 1, -7, 1.5, 10 ** rng.randrange(1, 40), rng.choice(ODD),
                           random_unicode(rng, 50), " ".join(rng.choices(WORDS, k=8))])
    if roll < 0.7:
        return [json_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return {rng.choice((*FIELDS, "x")): json_value(rng, depth + 1) for _ in range(rng.randrange(0, 5))}


FIELDS = ("id", "url", "html", "text", "title", "date", "source", "lang")


def record(rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in FIELDS:
        if rng.random() < 0.5:
            out[key] = json_value(rng) if rng.random() < 0.3 else sentences(rng)[:200] + rng.choice(ODD)
    if rng.random() < 0.7:
        out["text"] = sentences(rng)
    return out


def sentences(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randrange(1, 120))
    return " ".join(words)


def jsonl_line(rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.1:
        n = rng.randrange(60, 200_000)
        return b'{"text":' + b"[" * n + b"]" * n + b"}"
    if roll < 0.2:
        return b'{"id":' + b"9" * rng.randrange(50, 6000) + b',"text":"x"}'
    if roll < 0.3:
        return random_bytes(rng)[:300]
    value = record(rng) if roll < 0.8 else json_value(rng)
    return json.dumps(value).encode("utf-8", "surrogatepass")


WORDS = dictionary_words()
ANALYZE_KINDS: list[tuple[str, Callable[[random.Random], Any]]] = [
    ("bytes", random_bytes), ("unicode", random_unicode), ("html", html_fragment),
    ("record", record), ("sentences", sentences)]


# -- the fuzz --------------------------------------------------------------------------------------

def span_problems(article: Any) -> list[str]:
    size = len(article.text)
    found = []
    if not 0 <= article.body_start <= size:
        found.append(f"body_start {article.body_start} outside 0..{size}")
    for span in (*article.sentences, *article.actors):
        if not 0 <= span.start < span.end <= size:
            found.append(f"span {span.start}..{span.end} outside 0..{size}")
    for event in article.events:
        trigger = event.trigger
        if article.text[trigger.start:trigger.end] != trigger.text:
            found.append(f"trigger {trigger.text!r} is not the text at {trigger.start}..{trigger.end}")
    return found


_PIPELINE: Any = None


def fuzz_worker(job: tuple[int, int, int, float]) -> dict[str, Any]:
    """Inputs `first..last` of `seed` (or until `deadline`); counts, crashes and violations."""
    import warta
    from warta.article import Failure, RawDocument
    from warta.errors import WartaError
    from warta.ingest.readers import read_jsonl_lines

    global _PIPELINE
    seed, first, last, deadline = job
    if time.time() > deadline:
        return {"done": 0, "refused": 0, "crashes": [], "violations": []}
    _PIPELINE = pipeline = _PIPELINE or warta.Pipeline()  # one per worker process, not per chunk
    done = refused = 0
    crashes: list[dict[str, str]] = []
    violations: list[dict[str, str]] = []
    for index in range(first, last):
        if time.time() > deadline:
            break
        rng = random.Random(f"{seed}:{index}")
        where = f"--seed {seed} --index {index}"
        if index % 2:  # the JSONL reader, a few lines at a time
            lines = [jsonl_line(rng) for _ in range(rng.randrange(1, 4))]
            try:
                items = list(read_jsonl_lines(lines, "fuzz.jsonl"))
                if not all(isinstance(item, RawDocument | Failure) for item in items):
                    violations.append({"where": where, "kind": "jsonl", "problem": "not a record"})
            except Exception as exc:
                crashes.append({"where": where, "kind": "jsonl", "input": repr(lines)[:300],
                                "error": f"{type(exc).__name__}: {exc}"[:300]})
        else:
            kind, make = ANALYZE_KINDS[(index // 2) % len(ANALYZE_KINDS)]
            item = make(rng)
            try:
                article = pipeline.analyze(item)
                json.dumps(article.to_dict())
                for problem in span_problems(article):
                    violations.append({"where": where, "kind": kind, "problem": problem,
                                       "input": repr(item)[:300]})
            except WartaError:
                refused += 1
            except Exception as exc:
                crashes.append({"where": where, "kind": kind, "input": repr(item)[:300],
                                "error": f"{type(exc).__name__}: {exc}"[:300]})
        done += 1
    return {"done": done, "refused": refused, "crashes": crashes, "violations": violations}


def reproduce(seed: int, index: int) -> Any:
    """The input `fuzz_worker` made at (`seed`, `index`)."""
    rng = random.Random(f"{seed}:{index}")
    if index % 2:
        return [jsonl_line(rng) for _ in range(rng.randrange(1, 4))]
    return ANALYZE_KINDS[(index // 2) % len(ANALYZE_KINDS)][1](rng)


def fuzz(inputs: int, seconds: float, workers: int, seed: int) -> dict[str, Any]:
    deadline = time.time() + seconds
    chunk = 2_000
    jobs = [(seed, start, min(inputs, start + chunk), deadline) for start in range(0, inputs, chunk)]
    started = time.monotonic()
    totals: dict[str, Any] = {"done": 0, "refused": 0, "crashes": [], "violations": []}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        for result in pool.imap_unordered(fuzz_worker, jobs):
            totals["done"] += result["done"]
            totals["refused"] += result["refused"]
            totals["crashes"] += result["crashes"]
            totals["violations"] += result["violations"]
    finally:
        pool.close()
        pool.join()  # reaped, so their CPU time is counted in RUSAGE_CHILDREN
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    totals["seconds"] = round(time.monotonic() - started, 1)
    totals["worker_cpu_seconds"] = round(after.ru_utime + after.ru_stime - before.ru_utime
                                         - before.ru_stime, 1)
    totals["inputs_asked"] = inputs
    return totals


# -- timings ---------------------------------------------------------------------------------------

def timings(long_sizes: list[int]) -> list[dict[str, Any]]:
    import warta
    from warta.language.sentences import load_abbreviations, split_sentences

    pipeline = warta.Pipeline()
    pipeline.analyze("Presiden Joko Widodo bertemu Kim di Jakarta. Russia attacked Ukraine.")  # lazy loads
    abbreviations = load_abbreviations(("id", "en"))
    shapes = [("'Ab cd. ' * 32000", "Ab cd. " * 32_000), ("'Russia attacked Ukraine. ' * 16000",
                                                          "Russia attacked Ukraine. " * 16_000)]
    shapes += [(f"one sentence: 'Russia attacked Ukraine, ' * {n}",
                "Russia attacked Ukraine, " * n + "and so on.") for n in long_sizes]
    rows = []
    for label, text in shapes:
        size = len(text.encode())
        started = time.process_time()
        split_sentences(text, abbreviations)
        split = time.process_time() - started
        started = time.process_time()
        article = pipeline.analyze(text)
        whole = time.process_time() - started
        row = {"shape": label, "bytes": size, "sentences_s_per_mb": round(split / size * MB, 3),
               "analyze_s": round(whole, 2), "analyze_s_per_mb": round(whole / size * MB, 1),
               "events": len(article.events)}
        print(f"{label:50} {size / 1000:7.1f} KB  splitter {row['sentences_s_per_mb']:7.3f} s/MB  "
              f"analyze {whole:7.2f} s = {row['analyze_s_per_mb']:8.1f} s/MB  ({len(article.events)} events)",
              flush=True)
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=3600.0, help="fuzz time budget")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--long", type=int, nargs="*", default=[100, 200, 400],
                        help="repetitions of the one long sentence to time")
    parser.add_argument("--no-fuzz", action="store_true")
    parser.add_argument("--no-timings", action="store_true")
    parser.add_argument("--reproduce", type=int, nargs=2, metavar=("SEED", "INDEX"),
                        help="print the input the fuzz made at SEED INDEX and stop")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "robustness.json")
    args = parser.parse_args()
    if args.reproduce:
        print(repr(reproduce(*args.reproduce)))
        return
    previous = json.loads(args.out.read_text(encoding="utf-8")) if args.out and args.out.exists() else {}
    results: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores",
                               "python": platform.python_version()}
    results.update({part: previous[part] for part in ("timings", "fuzz") if part in previous})
    if not args.no_timings:
        results["timings"] = timings(args.long)
    if not args.no_fuzz:
        found = fuzz(args.inputs, args.seconds, args.workers, args.seed)
        results["fuzz"] = {**found, "workers": args.workers, "seed": args.seed}
        rate, per_cpu = (found["done"] / max(found[key], 0.1) for key in ("seconds", "worker_cpu_seconds"))
        print(f"fuzz: {found['done']:,} inputs in {found['seconds']} s on {args.workers} workers "
              f"({rate:,.0f}/s; {per_cpu:,.0f} per CPU-second of the workers; {found['refused']:,} "
              f"refused with a WartaError): {len(found['crashes'])} crashes, "
              f"{len(found['violations'])} span violations")
        for problem in found["crashes"][:20] + found["violations"][:20]:
            print(f"  {problem['kind']}: {problem.get('error') or problem.get('problem')}  "
                  f"(reproduce: bench/robustness.py --reproduce {problem['where'].split()[1]} "
                  f"{problem['where'].split()[3]}) {problem.get('input', '')[:160]}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
