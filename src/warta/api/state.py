"""What one app owns: settings, the one `Pipeline`, and the database handle."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from fastapi import HTTPException, Request

from warta.api.db import Database
from warta.article import Article
from warta.pipeline import Pipeline
from warta.settings import Settings


@dataclass
class AppState:
    """Built once by `create_app`; routes reach it through `app_state(request)`."""

    settings: Settings
    pipeline: Pipeline
    db: Database | None
    # The pipeline's models (the CRF tagger among them) are not documented thread-safe, and
    # analysis is CPU-bound under the GIL anyway: one analysis at a time loses nothing.
    analyze_lock: threading.Lock = field(default_factory=threading.Lock)

    def analyze(self, content: str, *, url: str | None = None, date: str | None = None,
                lang: str | None = None) -> Article:
        """One article through the app's pipeline."""
        with self.analyzer():
            return self.pipeline.analyze(content, url=url, date=date, lang=lang)

    @contextmanager
    def analyzer(self) -> Iterator[None]:
        """The analyze lock, waited for at most `analyze_wait_seconds`, then 503 with Retry-After.

        A large article holds the lock while it is analysed; without a bound every other request
        would queue behind it (and their clients time out while the server still works for them).
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
