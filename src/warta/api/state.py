"""What one app owns: settings, the one `Pipeline`, and the database handle."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from fastapi import Request

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
        with self.analyze_lock:
            return self.pipeline.analyze(content, url=url, date=date, lang=lang)


def app_state(request: Request) -> AppState:
    """FastAPI dependency: the state of the app serving this request."""
    state: AppState = request.app.state.warta
    return state
