"""The parses of the article in hand, kept so a later stage reuses them instead of parsing again.

The event coder parses the sentences it needs; the geo stage asks for some of the same sentences
(those with an event and a place). A parse is most of the coder's time, so the events stage
records what it parsed here and the geo stage looks there first. A memo holds one article's
parses (the events stage clears it per article) and is owned by one pipeline, never a module;
a stage that finds nothing parses for itself, so no result depends on the memo, only the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class ParseMemo:
    """Parsed spaCy Docs by their exact words, for the article being analysed."""

    def __init__(self) -> None:
        self._docs: dict[tuple[str, ...], Any] = {}

    def clear(self) -> None:
        self._docs.clear()

    def add(self, words: Sequence[str], doc: Any) -> None:
        self._docs[tuple(words)] = doc

    def get(self, words: Sequence[str]) -> Any | None:
        return self._docs.get(tuple(words))

    def __len__(self) -> int:
        return len(self._docs)
