"""Main-text quality of warta beside trafilatura alone, on the same pages in the same run.

    .venv/bin/python bench/extraction.py            # prints a table, writes bench/results/extraction.json

Sets (from `<repo>/../shared/data/extraction`):
- scrapinghub-aeb: 91 English-heavy pages with hand-checked gold bodies (upstream 4-shingle metric).
- id-pages: 33 Indonesian pages with silver gold (the scrapers' own output; see its README).

warta's time is `warta.analyze` (the default pipeline: clean, language, sentences); the clean
stage alone is timed too, as that is the part comparable to trafilatura.
Both tools are compared on the article body only (the gold holds no headline): warta's
`article.body` (text after the title paragraph) and trafilatura's `text`, run with the settings
`warta/clean/html.py` uses. The gold keeps datelines ("NEW YORK (Reuters) -" on AEB, and on some
id pages) and some captions; warta moves those to metadata or `removed`, which costs it a few
tokens of recall; that is left in the score. Leftover boilerplate on the id pages is counted with
the regexes in LEFTOVERS, written apart from warta's rule files.
The functions here are also what `tests/clean/test_extraction_floors.py` recomputes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.settings import Document

import warta
from warta.clean.html import TRAFILATURA_OPTIONS
from warta.clean.stage import CleanStage
from warta.errors import WartaError

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "extraction"
RESULTS = REPO / "bench" / "results" / "extraction.json"
_TOKEN = re.compile(r"\w+")
SHINGLE = 4  # upstream evaluate.py uses 4-token shingles

# Boilerplate that must not survive in an Indonesian body: one regex per kind, scanned per line.
# Written here, independent of warta's rules, from what trafilatura leaves on the id pages.
LEFTOVERS: dict[str, re.Pattern[str]] = {
    "dateline": re.compile(
        r"^(?:[A-Z][\w.'’]*[ ,]*){1,4}\((?:ANTARA|Antara)[^)]*\)\s*[-–—]"
        r"|^(?:[A-Z][\w.'’]*[ ,]*){1,4},\s*(?:[\w-]+\.)?(?:KOMPAS|Kompas|Tribunnews|TRIBUNNEWS|kompas)"
        r"\.(?:com|COM)\s*[-–—]"
        r"|^[\w-]+\.(?:com|COM|co\.id|CO\.ID|co|CO)\s*,\s*[A-Z][\w ]{1,30}\s*[-–—]"
        r"|^[\w-]+\.(?:com|co\.id|CO\.ID)\s*[-–—]"
        r"|^[A-Z]{3,}(?: [A-Z]{2,})?\s*[-–—]\s"),
    "related_link": re.compile(r"\b(?:baca|simak|lihat)\s+(?:juga|pula)\b", re.I),
    "author_initials": re.compile(r"\((?:[a-z]{2,5}/)+[a-z]{2,5}\)|^\([a-z]{2,5}\)$"),
    "caption": re.compile(r"\b[Ff]oto\s*:|\((?:ANTARA FOTO|Antara Foto)/|^Ilustrasi\b"),
    "editor_copyright": re.compile(r"^(?:Editor|Penyunting|Pewarta|Penulis|Reporter)\s*:"
                                   r"|COPYRIGHT|Copyright|Hak [Cc]ipta|©"),
    "footer": re.compile(r"Informasi pemasangan iklan|Pedoman Media Siber|^Berita Terkini$"
                         r"|^Berita Terbaru|^Terpopuler$|^Indeks Berita|^(?:Tags?|Topik)\s*:", re.I),
}


@dataclass
class Page:
    name: str
    html: str
    url: str | None
    gold: str
    title: str | None = None
    date_utc: str | None = None


@dataclass
class Output:
    body: str
    title: str | None
    date: str | None
    seconds: float


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingle_counts(text: str, size: int = SHINGLE) -> Counter[str]:
    toks = tokens(text)
    return Counter(" ".join(toks[i:i + size]) for i in range(max(1, len(toks) - size + 1))
                   if toks[i:i + size])


def shingle_tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    """Upstream AEB per-page counts, normalised to sum 1."""
    want, got = shingle_counts(gold), shingle_counts(pred)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Precision/recall means over pages (upstream rule), F1 of the two means."""
    precisions, recalls = [], []
    for gold, pred in pairs:
        tp, fp, fn = shingle_tp_fp_fn(gold, pred)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def bow_f1(gold: str, pred: str) -> float:
    """Bag-of-words F1 of one page (lower-cased `\\w+` tokens)."""
    want = Counter(t.lower() for t in tokens(gold))
    got = Counter(t.lower() for t in tokens(pred))
    tp = sum((want & got).values())
    if not tp:
        return 0.0
    p, r = tp / sum(got.values()), tp / sum(want.values())
    return 2 * p * r / (p + r)


def load_aeb(data: Path = DATA) -> list[Page]:
    root = data / "scrapinghub-aeb"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for name in sorted(gold):
        html = gzip.decompress((root / "html" / f"{name}.html.gz").read_bytes()).decode("utf-8")
        pages.append(Page(name, html, gold[name].get("url"), gold[name]["articleBody"]))
    return pages


def load_id_pages(data: Path = DATA) -> list[Page]:
    root = data / "id-pages"
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for rec in manifest["pages"]:
        gold = rec["gold"]
        html = (root / rec["file"]).read_text(encoding="utf-8")
        pages.append(Page(Path(rec["file"]).name, html, rec.get("url"), gold["content"],
                          gold.get("title"), gold.get("date_utc")))
    return pages


def corpus_files(data: Path = DATA) -> list[Path]:
    """The files the floors are pinned on, in a stable order."""
    aeb = data / "scrapinghub-aeb"
    ids = data / "id-pages"
    return [aeb / "ground-truth.json", *sorted((aeb / "html").glob("*.html.gz")),
            ids / "manifest.json", *sorted((ids / "html").glob("*.html"))]


def corpus_sha256(data: Path = DATA) -> str:
    digest = hashlib.sha256()
    for path in corpus_files(data):
        digest.update(path.relative_to(data).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def run_warta(pipeline: warta.Pipeline) -> Callable[[Page], Output]:
    """`pipeline.analyze` on one page, timed; a page warta rejects counts as empty."""

    def run(page: Page) -> Output:
        start = time.perf_counter()
        try:
            article = pipeline.analyze(page.html, url=page.url)
        except WartaError:
            return Output("", None, None, time.perf_counter() - start)
        return Output(article.body, article.title, article.date, time.perf_counter() - start)
    return run


def run_trafilatura(page: Page) -> Output:
    """trafilatura alone, with the settings of warta/clean/html.py."""
    start = time.perf_counter()
    doc = trafilatura.bare_extraction(page.html, url=page.url, **TRAFILATURA_OPTIONS)
    seconds = time.perf_counter() - start
    if not isinstance(doc, Document):
        return Output("", None, None, seconds)
    return Output(doc.text or "", doc.title, doc.date, seconds)


def leftovers(text: str) -> Counter[str]:
    """Boilerplate lines per kind in one body."""
    found: Counter[str] = Counter()
    for line in text.splitlines():
        line = line.strip()
        for kind, pattern in LEFTOVERS.items():
            if line and pattern.search(line):
                found[kind] += 1
    return found


def date_correct(got: str | None, gold_utc: str | None) -> bool:
    """The day matches the gold instant, read in UTC or in Jakarta time (pages print WIB)."""
    if not got or not gold_utc:
        return False
    instant = dt.datetime.fromisoformat(gold_utc.replace("Z", "+00:00"))
    days = {instant.date().isoformat(), (instant + dt.timedelta(hours=7)).date().isoformat()}
    return got[:10] in days


def score(pages: list[Page], outputs: list[Output]) -> dict[str, Any]:
    pairs = [(p.gold, o.body) for p, o in zip(pages, outputs, strict=True)]
    sh = shingle_scores(pairs)
    return {
        "shingle_p": round(sh["p"], 4), "shingle_r": round(sh["r"], 4), "shingle_f1": round(sh["f1"], 4),
        "bow_f1": round(statistics.fmean(bow_f1(g, b) for g, b in pairs), 4),
        "empty": sum(1 for o in outputs if not o.body.strip()),
        "median_ms": round(1000 * statistics.median(o.seconds for o in outputs), 2),
    }


def metadata_score(pages: list[Page], outputs: list[Output]) -> dict[str, int]:
    with_gold = [(p, o) for p, o in zip(pages, outputs, strict=True) if p.title]
    return {
        "pages": len(with_gold),
        "title_exact": sum(1 for p, o in with_gold if (o.title or "").strip() == p.title.strip()),
        "date_correct": sum(1 for p, o in with_gold if date_correct(o.date, p.date_utc)),
    }


def leftover_score(outputs: list[Output]) -> dict[str, Any]:
    per_kind: Counter[str] = Counter()
    pages_with: Counter[str] = Counter()
    for out in outputs:
        found = leftovers(out.body)
        per_kind.update(found)
        pages_with.update(found.keys())
    return {"lines": sum(per_kind.values()), "by_kind": dict(sorted(per_kind.items())),
            "pages_by_kind": dict(sorted(pages_with.items()))}


def evaluate(tools: dict[str, Callable[[Page], Output]], sets: dict[str, list[Page]]
             ) -> dict[str, dict[str, Any]]:
    """Every tool over every set, page by page in turn (so load on the machine hits all alike)."""
    results: dict[str, dict[str, Any]] = {}
    for set_name, pages in sets.items():
        for run in tools.values():  # warm-up: first-call imports and caches are not timed
            run(pages[0])
        outputs: dict[str, list[Output]] = {tool: [] for tool in tools}
        for page in pages:
            for tool, run in tools.items():
                outputs[tool].append(run(page))
        results[set_name] = {"pages": len(pages)}
        for tool, got in outputs.items():
            entry = score(pages, got)
            if set_name == "id-pages":
                entry["leftovers"] = leftover_score(got)
                entry["metadata"] = metadata_score(pages, got)
            results[set_name][tool] = entry
    return results


def print_table(results: dict[str, dict[str, Any]]) -> None:
    head = f"{'set':<16}{'tool':<13}{'sh P':>7}{'sh R':>7}{'sh F1':>7}{'bow F1':>8}{'empty':>6}{'ms/page':>9}"
    print(head)
    print("-" * len(head))
    for set_name, entry in results.items():
        for tool in ("trafilatura", "warta"):
            r = entry[tool]
            print(f"{set_name:<16}{tool:<13}{r['shingle_p']:>7.3f}{r['shingle_r']:>7.3f}"
                  f"{r['shingle_f1']:>7.3f}{r['bow_f1']:>8.3f}{r['empty']:>6}{r['median_ms']:>9.1f}")
    for set_name, entry in results.items():
        print(f"{set_name:<16}warta clean stage only (no language/sentences): "
              f"{entry['warta']['clean_stage_median_ms']:.1f} ms/page")
    ids = results.get("id-pages")
    if ids:
        print("\nid-pages leftovers (boilerplate lines in the body) and metadata on pages with gold:")
        for tool in ("trafilatura", "warta"):
            left, meta = ids[tool]["leftovers"], ids[tool]["metadata"]
            kinds = ", ".join(f"{k} {v}" for k, v in left["by_kind"].items()) or "none"
            n = meta["pages"]
            print(f"  {tool:<12} {left['lines']:>3} lines ({kinds}); title exact "
                  f"{meta['title_exact']}/{n}, date correct {meta['date_correct']}/{n}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared extraction folder")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON results")
    args = parser.parse_args(argv)
    settings = warta.Settings()
    tools = {"trafilatura": run_trafilatura, "warta": run_warta(warta.Pipeline(settings)),
             "warta_clean": run_warta(warta.Pipeline(settings, stages=[CleanStage(settings)]))}
    sets = {"scrapinghub-aeb": load_aeb(args.data), "id-pages": load_id_pages(args.data)}
    results = evaluate(tools, sets)
    for entry in results.values():  # same body as "warta"; only its time is of interest
        entry["warta"]["clean_stage_median_ms"] = entry.pop("warta_clean")["median_ms"]
    print_table(results)
    report = {"corpus_sha256": corpus_sha256(args.data), "trafilatura": trafilatura.__version__,
              "warta": warta.__version__, "python": sys.version.split()[0],
              "cpus": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2),
              "timing_note": "median wall ms/page, tools interleaved page by page; compare within one run",
              "results": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
