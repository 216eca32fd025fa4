"""Ingest at scale: throughput, database size and peak memory as the corpus grows.

The bundled demo corpus (1,170 real stories) is replicated to each size as distinct articles: each
copy gets its own id and URL (another site reprinting the story) and a date moved by a week per
round, so stories fold as syndicated copies and dyads span months. Each size is ingested by a
fresh `warta ingest` process; peak RSS is the largest process of that run (writer or worker).

    python bench/ingest_scale.py                      # 10,000 and 100,000 articles
    python bench/ingest_scale.py --sizes 2000 --workers 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "src" / "warta" / "data" / "corpus" / "clickid-internasional.jsonl.gz"
RESULTS = REPO / "bench" / "results" / "ingest_scale.json"
# Runs `warta ingest` and prints the largest resident set of any of its processes, in KiB.
WRAPPER = ("import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)")


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


def run_size(size: int, workers: int, folder: Path, records: list[dict[str, object]]) -> dict[str, object]:
    source = folder / f"corpus-{size}.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        for record in replicate(records, size):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = folder / f"warta-{size}.duckdb"
    command = [sys.executable, "-c", WRAPPER, sys.executable, "-m", "warta.cli.main", "ingest",
               "--db", str(db), "--no-progress", "--workers", str(workers), str(source)]
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"ingest of {size} failed: {proc.stderr.strip().splitlines()[-1:]}")
    peak_kib = int(proc.stdout.strip().splitlines()[-1])
    db_bytes = sum(p.stat().st_size for p in folder.glob(f"warta-{size}.duckdb*"))
    summary = [line for line in proc.stderr.splitlines() if "stored" in line][-1:]
    return {"articles": size, "seconds": round(seconds, 1), "articles_per_s": round(size / seconds, 1),
            "db_mb": round(db_bytes / 1e6, 1), "db_mb_per_1000": round(db_bytes / 1e6 / size * 1000, 2),
            "peak_rss_mb": round(peak_kib / 1024, 1), "summary": summary[0] if summary else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=0, help="as `warta ingest --workers` (0 = cores)")
    args = parser.parse_args()
    records = base_records()
    rows = []
    with tempfile.TemporaryDirectory(prefix="warta-scale-") as tmp:
        for size in args.sizes:
            row = run_size(size, args.workers, Path(tmp), records)
            rows.append(row)
            print(f"{row['articles']:>8,} articles  {row['articles_per_s']:>6} articles/s  "
                  f"{row['db_mb_per_1000']:>5} MB per 1,000  peak RSS {row['peak_rss_mb']} MB", flush=True)
    result = {"command": "python bench/ingest_scale.py " + " ".join(sys.argv[1:]),
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "load_average_1min_after": round(os.getloadavg()[0], 2)},
              "workers": args.workers, "runs": rows}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
