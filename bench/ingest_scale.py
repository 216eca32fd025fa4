"""Ingest at scale: throughput, database size and resident memory as the corpus grows.

The bundled demo corpus (1,170 real stories) is replicated as distinct articles: each copy gets its
own id and URL (another site reprinting the story) and a date moved by a week per round, so stories
fold as syndicated copies and dyads span months. One fresh `warta ingest` reads them all; at every
checkpoint (10,000 articles by default) the bench reads the resident memory of the writer and of
each worker process, the database size and the rate so far. Peak memory "at 10k" is the largest
reading up to 10k; the run's true peak (getrusage, which no sampling misses) closes the table.
Last, `warta report` runs on the full database, timed, with its own peak.

    python bench/ingest_scale.py                      # 100,000 articles, checkpoints every 10,000
    python bench/ingest_scale.py --articles 4000 --every 1000 --workers 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "src" / "warta" / "data" / "corpus" / "clickid-internasional.jsonl.gz"
RESULTS = REPO / "bench" / "results" / "ingest_scale.json"
WARTA = [sys.executable, "-m", "warta.cli.main"]


def base_records() -> list[dict[str, object]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def replicate(records: list[dict[str, object]], size: int) -> Iterator[dict[str, object]]:
    """`size` distinct articles: round k reprints every story with its own id, URL and a later date."""
    for n in range(size):
        k, record = divmod(n, len(records))
        copy = dict(records[record])
        copy["id"] = f"{copy['id']}-r{k}"
        copy["url"] = f"{copy.get('url') or 'https://example.org/' + str(copy['id'])}?reprint={k}"
        if copy.get("date"):
            day = dt.date.fromisoformat(str(copy["date"])[:10]) + dt.timedelta(weeks=k)
            copy["date"] = day.isoformat()
        yield copy


def resident_mb(root: psutil.Process) -> tuple[float, float]:
    """(writer, largest worker) resident memory in MB; a process that just ended counts as 0."""
    def rss(proc: psutil.Process) -> float:
        try:
            return proc.memory_info().rss / 2**20
        except psutil.Error:
            return 0.0
    try:
        children = root.children(recursive=True)
    except psutil.Error:
        children = []
    return rss(root), max((rss(child) for child in children), default=0.0)


def db_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file()) / 1e6


def ingest(source: Path, db: Path, workers: int, every: int) -> tuple[list[dict[str, object]], str]:
    """Run one ingest, reading memory at each `every` articles committed; returns rows and summary."""
    command = [*WARTA, "ingest", "--db", str(db), "--no-progress", "--workers", str(workers), str(source)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    root = psutil.Process(proc.pid)
    rows: list[dict[str, object]] = []
    peak_writer = peak_worker = 0.0
    summary = ""
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("warta: read "):
            summary = line.strip()
        if not line.startswith("warta: committed batch"):
            continue
        writer, worker = resident_mb(root)
        peak_writer, peak_worker = max(peak_writer, writer), max(peak_worker, worker)
        stored = int(line.split("stored ")[1].split(",")[0])
        if stored >= every * (len(rows) + 1):
            seconds = time.perf_counter() - started
            rows.append({"articles": stored, "seconds": round(seconds, 1),
                         "articles_per_s": round(stored / seconds, 1),
                         "db_mb_per_1000": round(db_mb(db) / stored * 1000, 2),  # with the WAL
                         "writer_rss_mb": round(writer), "worker_rss_mb": round(worker),
                         "peak_writer_mb": round(peak_writer), "peak_worker_mb": round(peak_worker)})
            print("{articles:>8,} articles  {articles_per_s:>6} articles/s  "
                  "{db_mb_per_1000:>5} MB per 1,000  writer {writer_rss_mb} MB (peak {peak_writer_mb})  "
                  "worker {worker_rss_mb} MB (peak {peak_worker_mb})".format(**rows[-1]), flush=True)
    if proc.wait() != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}): {summary}")
    return rows, summary


def report(db: Path) -> dict[str, object]:
    """Time `warta report` on the full database (a new process, so its peak is its own)."""
    started = time.perf_counter()
    proc = subprocess.run([*WARTA, "report", "--db", str(db), "--dyad", "USA", "IRN"],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"report failed: {proc.stderr.strip()[-300:]}")
    return {"seconds": round(time.perf_counter() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000, help="articles between memory readings")
    parser.add_argument("--workers", type=int, default=0, help="as `warta ingest --workers` (0 = cores)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warta-scale-") as tmp:
        source, db = Path(tmp) / "corpus.jsonl.gz", Path(tmp) / "warta.duckdb"
        with gzip.open(source, "wt", encoding="utf-8") as handle:
            for record in replicate(base_records(), args.articles):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        rows, summary = ingest(source, db, args.workers, args.every)
        ingest_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        final_mb = db_mb(db)  # after the closing checkpoint: no WAL left
        timed = report(db)
        report_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"database after closing: {final_mb:.0f} MB, "
          f"{final_mb / args.articles * 1000:.2f} MB per 1,000 articles")
    print(f"true peak of any ingest process: {ingest_peak:.0f} MB; "
          f"warta report on {args.articles:,} articles: {timed['seconds']} s"
          + (f", peak {report_peak:.0f} MB" if report_peak > ingest_peak else ""))
    result = {"command": "python bench/ingest_scale.py " + " ".join(sys.argv[1:]),
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "load_average_1min_after": round(os.getloadavg()[0], 2)},
              "workers": args.workers, "checkpoints": rows, "summary": summary,
              "ingest_true_peak_mb": round(ingest_peak), "db_mb_final": round(final_mb, 1),
              "db_mb_per_1000_final": round(final_mb / args.articles * 1000, 2), "report": timed}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
