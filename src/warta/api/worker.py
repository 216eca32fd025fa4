"""The service's analyzer: one worker process that loads the pipeline once, with a time budget per request.

Why a process and not a deadline checked inside the pipeline: a deadline can only be checked
between pieces of work (stages, sentences), so a bound on a request is only as good as the longest
piece, and every stage would have to carry the check. A process can be stopped anywhere: when a
request runs past `analyze_budget_seconds` the worker is killed, the request gets 503 with
Retry-After, and a fresh worker starts loading at once, so the analyze lock is never held past the
budget and one large article cannot stall the requests behind it. A crash or an out-of-memory kill
in analysis takes the worker, not the server, with it.

The server keeps its own `Pipeline` for POST /ingest (batches write to the database in-process);
only single-article analysis (POST /analyze, /ui/analyze) goes through the worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from multiprocessing.connection import Connection
from typing import Any

from warta.article import Article
from warta.errors import WartaError
from warta.settings import Settings

log = logging.getLogger("warta.api")

# A replacement worker builds its pipeline in ~2 s (measured on the dev machine: 1.9 s load, 0.4 s
# first article); clients told to retry sooner would only find it still loading.
RESTART_SECONDS = 5
START_TIMEOUT_SECONDS = 120.0  # a worker not ready by then cannot build its pipeline at all
# Analysed once at start, so models and language profiles that load on first use do not count
# against the first request's budget.
WARM_UP = "Presiden Joko Widodo bertemu Perdana Menteri Jepang di Jakarta. Russia attacked Ukraine."


class OverBudget(Exception):
    """An analysis ran past the service's time budget; its worker was stopped (the route says 503)."""


def _serve(settings: Settings, conn: Connection) -> None:
    """The worker's loop: build the pipeline once, then answer one request at a time until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    from warta.pipeline import Pipeline

    pipeline = Pipeline(settings)  # if this fails the worker exits, and the server sees it die
    pipeline.analyze(WARM_UP)
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the server closed the pipe, or died: nothing left to serve
            return
        content, options = job
        try:
            conn.send(("ok", pipeline.analyze(content, **options)))
        except WartaError as exc:  # its message, not the object: a subclass may not unpickle
            conn.send(("error", str(exc)))
        except Exception as exc:  # a bug: the server logs it and answers 500
            conn.send(("bug", f"{exc.__class__.__name__}: {exc}"))


class AnalyzerProcess:
    """One worker process and the pipe to it; callers serialise their calls (the analyze lock)."""

    def __init__(self, settings: Settings, budget: float) -> None:
        self.settings = settings
        self.budget = budget
        self.restarts = 0
        # forkserver, as the ingest pool: the server holds DuckDB's and uvicorn's threads, which
        # fork cannot copy safely; the fork server has imported warta once.
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["warta.pipeline"])
        self._process: Any = None
        self._conn: Connection | None = None
        self._ready = False

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> Connection:
        """The pipe to a running worker, started (loading its pipeline in the background) if need be."""
        if self._conn is None or self._process is None or not self._process.is_alive():
            self.close()
            ours, theirs = self._context.Pipe()
            self._process = self._context.Process(target=_serve, args=(self.settings, theirs),
                                                  daemon=True, name="warta-analyzer")
            self._process.start()
            theirs.close()
            self._conn, self._ready = ours, False
        return self._conn

    def analyze(self, content: str, **options: str | None) -> Article:
        """One article, or `OverBudget` when it took longer than the budget (the worker is replaced)."""
        conn = self.start()
        if not self._ready:
            self._receive(conn, START_TIMEOUT_SECONDS, "start")
            self._ready = True
        conn.send((content, options))
        article: Article = self._receive(conn, self.budget, "analysis")
        return article

    def _receive(self, conn: Connection, timeout: float, doing: str) -> Any:
        try:
            if not conn.poll(timeout):
                self._replace()
                if doing == "start":
                    raise RuntimeError(f"the analyzer did not start in {timeout:g} s")
                raise OverBudget(f"analysis took longer than this service's budget of {timeout:g} s "
                                 "(analyze_budget_seconds); send a shorter text, or run 'warta "
                                 "analyze' locally")
            kind, value = conn.recv()
        except (EOFError, OSError) as exc:  # the worker died (a crash, or killed for memory)
            self._replace()
            raise RuntimeError(f"the analyzer process died during {doing}") from exc
        if kind == "error":
            raise WartaError(value)  # the route answers 400 with the pipeline's one line
        if kind == "bug":
            raise RuntimeError(value)
        return value

    def _replace(self) -> None:
        """Stop the worker, however busy, and start loading its replacement now."""
        self.close()
        self.restarts += 1
        log.warning("analyzer worker replaced (%d so far)", self.restarts)
        self.start()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=5)
        self._process, self._conn, self._ready = None, None, False
