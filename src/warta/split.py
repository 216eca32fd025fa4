"""The fixed look/measure split of every evaluation set, so rules are never written on what scores them.

A record's part is a pure function of its id (or, when it has none, its text): the SHA-256 of
`SALT + key`, read as a number in [0, 1), below `share` means "measure". The salt and shares are
fixed for the project's life; changing them would let sentences that were read move into the
measure part. Scripts that build lexicons or train models drop measure records; the bench reports
both parts so the gap between them is visible.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any, Literal

SALT = "warta-split-1:"
MEASURE_SHARE = 0.5  # of each dev set: half only ever scored
PANL_MEASURE_SHARE = 0.2  # of the PANL-BPPT pairs: kept out of lexicon induction, used for agreement
Part = Literal["look", "measure"]


def record_key(record: dict[str, Any]) -> str:
    """The id a record is split by: its `id`, else its text."""
    key = record.get("id") or record.get("text") or ""
    return str(key)


def part_of(key: str, share: float = MEASURE_SHARE) -> Part:
    """'measure' for a fixed `share` of keys, 'look' for the rest."""
    digest = hashlib.sha256((SALT + key).encode("utf-8")).digest()
    value = int.from_bytes(digest[:8], "big") / 2**64
    return "measure" if value < share else "look"


def select(records: Iterable[dict[str, Any]], part: Part | None,
           share: float = MEASURE_SHARE) -> Iterator[dict[str, Any]]:
    """The records of one part (all of them when `part` is None)."""
    for record in records:
        if part is None or part_of(record_key(record), share) == part:
            yield record
