"""Bounded load test of `warta serve` on loopback: requests/s, p50/p99 latency and errors.

    .venv/bin/python bench/load.py                    # 50 clients, 30 s, writes bench/results/load.json
    .venv/bin/python bench/load.py --clients 10 --duration 5 --out /tmp/load.json

Builds a database from the bundled sample (the real pipeline), starts `warta serve` on a free
127.0.0.1 port, and runs `--clients` concurrent clients for `--duration` seconds. Each client
sends GET /events with a rotating set of filters and, every `--analyze-every`th request, POST
/analyze with a bundled article. Traffic goes to loopback only and stops by itself. The rate limit
stays in the request path but is set far above the offered load, so its cost is measured while
it never refuses a request.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx

import warta
from warta.ingest.readers import read_paths
from warta.scale.ingest import ingest
from warta.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "src" / "warta" / "data" / "sample"
# Event mentions, as the published figures were measured (GET /events lists story events by default).
EVENT_QUERIES = [{"unit": "mentions", **query} for query in (
    {}, {"actor": "RUS"}, {"dyad": "RUS-PRK"}, {"root": "04"}, {"quad_class": "1"},
    {"modality": "reported"}, {"q": "senjata"}, {"actor": "USA", "limit": "10"}, {"offset": "20"},
    {"since": "2020-01-01", "until": "2030-01-01"},
)]
MAX_REQUESTS = 2_000_000  # a second bound besides time: no run can go on unbounded


@dataclass
class Samples:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"events": [], "analyze": []})
    errors: dict[str, int] = field(default_factory=dict)
    count: int = 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_db(path: Path) -> dict[str, int]:
    """The bundled sample through the real pipeline into a new database."""
    pipeline = warta.Pipeline()
    with Store(path) as store:
        ingest(store, pipeline, read_paths([str(SAMPLE)]))
        return store.counts()


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "warta.cli.main", "serve", "--db", str(db), "--port", str(port),
               "--rate-limit", "1000000", "--rate-burst", "1000000"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"warta serve exited: {err}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/events?limit=1", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("warta serve did not start within 60 s")


class Connection:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams.

    httpx's pool costs milliseconds a request at 50 connections, and client and server share the
    same two cores here, so a heavier client would measure itself rather than the service.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, body: bytes = b"", ctype: str = "") -> int:
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"{method} {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        if body:
            head += f"Content-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode("latin-1") + b"\r\n" + body)
        await self.writer.drain()
        status = int((await self.reader.readline()).split()[1])
        length, chunked, close = 0, False, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name = name.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding":
                chunked = "chunked" in value.lower()
            elif name == "connection":
                close = "close" in value.lower()
        if chunked:
            while size := int((await self.reader.readline()).strip() or b"0", 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readline()
        else:
            await self.reader.readexactly(length)
        if close:
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def client(port: int, number: int, stop_at: float, every: int, articles: list[bytes],
                 samples: Samples) -> None:
    """One client on its own connection: requests back to back until time is up."""
    connection = Connection("127.0.0.1", port)
    turn = number
    while time.monotonic() < stop_at and samples.count < MAX_REQUESTS:
        turn += 1
        kind = "analyze" if every and turn % every == 0 else "events"
        started = time.perf_counter()
        try:
            if kind == "analyze":
                status = await connection.request("POST", "/analyze", articles[turn % len(articles)],
                                                  "text/plain")
            else:
                query = urlencode(EVENT_QUERIES[turn % len(EVENT_QUERIES)])
                status = await connection.request("GET", f"/events?{query}")
            ok, reason = status == 200, f"HTTP {status}"
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
            ok, reason = False, exc.__class__.__name__
            await connection.close()
        elapsed = time.perf_counter() - started
        samples.count += 1
        if ok:
            samples.latencies[kind].append(elapsed)
        else:
            samples.errors[f"{kind} {reason}"] = samples.errors.get(f"{kind} {reason}", 0) + 1
    await connection.close()


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summarise(latencies: list[float], seconds: float) -> dict[str, float | int | None]:
    ms = [v * 1000 for v in latencies]
    return {"requests": len(ms), "requests_per_s": round(len(ms) / seconds, 1),
            "p50_ms": _round(percentile(ms, 50)), "p90_ms": _round(percentile(ms, 90)),
            "p99_ms": _round(percentile(ms, 99)), "mean_ms": _round(statistics.fmean(ms) if ms else None),
            "max_ms": _round(max(ms) if ms else None)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


async def run_load(port: int, clients: int, duration: float, every: int,
                   articles: list[bytes]) -> dict[str, object]:
    samples = Samples()
    started = time.monotonic()
    stop_at = started + duration
    await asyncio.gather(*(client(port, n, stop_at, every, articles, samples) for n in range(clients)))
    seconds = time.monotonic() - started
    every_latency = samples.latencies["events"] + samples.latencies["analyze"]
    return {"seconds": round(seconds, 2), "errors": sum(samples.errors.values()),
            "error_kinds": samples.errors, "all": summarise(every_latency, seconds),
            "events": summarise(samples.latencies["events"], seconds),
            "analyze": summarise(samples.latencies["analyze"], seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (at most 300)")
    parser.add_argument("--analyze-every", type=int, default=10,
                        help="every Nth request of a client is POST /analyze (0: never)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "load.json")
    args = parser.parse_args()
    duration = min(args.duration, 300.0)
    articles = [(SAMPLE / "seed-jagatbisnis-rusia-korut.txt").read_text(encoding="utf-8"),
                (SAMPLE / "antara-lombok.html").read_text(encoding="utf-8"),
                (SAMPLE / "aljazeera-afghanistan.html").read_text(encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.duckdb"
        counts = build_db(db)
        port = free_port()
        server = start_server(db, port)
        try:
            bodies = [text.encode() for text in articles]
            phases = {"events_only": asyncio.run(run_load(port, args.clients, duration, 0, bodies)),
                      "mixed": asyncio.run(run_load(port, args.clients, duration, args.analyze_every,
                                                    bodies))}
        finally:
            server.terminate()
            server.wait(timeout=15)
    report = {"what": "warta serve under load on loopback; phase events_only: GET /events with "
                      "rotating filters; phase mixed: the same with POST /analyze (a bundled page) "
                      f"as every {args.analyze_every}th request",
              "clients": args.clients, "duration_s_per_phase": duration, "database": counts,
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "platform": platform.platform()},
              "server": "one uvicorn worker (DuckDB has one writer); analysis serialised by the "
                        "pipeline lock; the client runs on the same machine", **phases}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for name, result in phases.items():
        print(f"{name}: {args.clients} clients, {result['seconds']} s, errors {result['errors']}")
        for kind in ("all", "events", "analyze"):
            print(f"  {kind:8} {result[kind]}")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
