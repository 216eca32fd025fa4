"""What one app owns: settings, the `Pipeline` for ingest, the analyzer process, the database handle."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from fastapi import HTTPException, Request

from warta.api.db import Database
from warta.api.worker import RESTART_SECONDS, AnalyzerProcess, OverBudget
from warta.article import Article
from warta.pipeline import Pipeline
from warta.settings import Settings


@dataclass
class AppState:
    """Built once by `create_app`; routes reach it through `app_state(request)`."""

    settings: Settings
    pipeline: Pipeline  # POST /ingest's, in this process (it writes to the database here)
    db: Database | None
    # One analysis at a time in the one analyzer process: it is CPU-bound, and the pipeline's
    # models (the CRF tagger among them) are not documented thread-safe.
    analyze_lock: threading.Lock = field(default_factory=threading.Lock)
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)  # guards `pipeline`
    worker: AnalyzerProcess = field(init=False)  # its process starts on the first analysis

    def __post_init__(self) -> None:
        self.worker = AnalyzerProcess(self.settings, self.settings.analyze_budget_seconds)

    def analyze(self, content: str, *, url: str | None = None, date: str | None = None,
                lang: str | None = None) -> Article:
        """One article through the analyzer process, within the time budget (else 503)."""
        with self.analyzer():
            try:
                return self.worker.analyze(content, url=url, date=date, lang=lang)
            except OverBudget as exc:
                raise HTTPException(503, str(exc), headers={"Retry-After": str(RESTART_SECONDS)}) from None

    def close(self) -> None:
        """Stop the analyzer process (the app's lifespan calls this at shutdown)."""
        self.worker.close()

    @contextmanager
    def analyzer(self) -> Iterator[None]:
        """The analyze lock, waited for at most `analyze_wait_seconds`, then 503 with Retry-After.

        A large article holds the lock while it is analysed, at most `analyze_budget_seconds`;
        without a bound on the wait every other request would queue behind it (and their clients
        time out while the server still works for them).
        """
        wait = self.settings.analyze_wait_seconds
        if not self.analyze_lock.acquire(timeout=wait):
            raise HTTPException(503, f"the analyzer is busy (waited {wait:g} s); try again later",
                                headers={"Retry-After": str(max(1, math.ceil(wait)))})
        try:
            yield
        finally:
            self.analyze_lock.release()


def app_state(request: Request) -> AppState:
    """FastAPI dependency: the state of the app serving this request."""
    state: AppState = request.app.state.warta
    return state
