"""A tokenizer that keeps character offsets, and a splitter into taggable chunks.

Words keep inner dots and apostrophes ("Rp1.988", "U.S", "Ma'ruf") but split at hyphens, so
"Rusia-Korut" gives two names; every other non-space character is a token of its own. This is
close to how the training corpora were tokenized (punctuation apart, "sumber - sumber").
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*|\S")

# Chunks end after these tokens or at a line break; very long runs are cut so that one chunk
# never grows without bound (1 MB of text with no full stop).
_CHUNK_END = frozenset({".", "!", "?", "…"})
MAX_CHUNK_TOKENS = 120


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[list[str], list[int], list[int]]:
    """Tokens of `text[start:end]` with their start and end offsets into `text`."""
    stop = len(text) if end is None else end
    tokens: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for found in _TOKEN.finditer(text, start, stop):
        tokens.append(found.group())
        starts.append(found.start())
        ends.append(found.end())
    return tokens, starts, ends


def chunk_bounds(text: str, tokens: list[str], starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """[i, j) token ranges that are tagged as separate sequences (rough sentences)."""
    bounds: list[tuple[int, int]] = []
    begin = 0
    n = len(tokens)
    for i in range(n):
        last = i + 1 == n
        cut = (
            last
            or tokens[i] in _CHUNK_END
            or i + 1 - begin >= MAX_CHUNK_TOKENS
            or "\n" in text[ends[i] : starts[i + 1]]
        )
        if cut:
            bounds.append((begin, i + 1))
            begin = i + 1
    return bounds
