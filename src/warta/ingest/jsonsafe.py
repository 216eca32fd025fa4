"""JSON with bounded nesting and bounded numbers, for records from files and request bodies.

`json.loads` recurses once per nesting level, so `[[[[…]]]]` 100,000 deep raises RecursionError,
and a 5,000-digit integer raises ValueError (Python's int conversion limit). A hostile or broken
line must be one reported record, never an exception that ends a batch or a 500, so the depth is
measured before parsing (one forward scan, linear in the line) and numbers are parsed by hooks
that refuse absurd lengths. News records are flat objects: the limits are far above any real one.
"""

from __future__ import annotations

import json
import re
from typing import Any

from warta.errors import InputError

MAX_DEPTH = 64  # nesting levels of arrays and objects
MAX_NUMBER_CHARS = 100  # digits (with sign, dot and exponent) in one number

# A string (possibly unterminated: it then runs to the end, so no position is scanned twice) or
# a bracket. Everything between them is skipped by finditer in C.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"?|[\[\]{}]', re.S)


class _NumberTooLong(ValueError):
    """Raised by the number hooks; caught in `loads` and turned into an `InputError`."""


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _NumberTooLong(f"a number with {len(text):,} digits (limit {MAX_NUMBER_CHARS})")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _NumberTooLong(f"a number with {len(text):,} characters (limit {MAX_NUMBER_CHARS})")
    return float(text)


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deep arrays and objects nest in `text`: exact once it opens more than `limit` brackets
    (counting stops just past `limit`), else the number of brackets, which it cannot nest deeper."""
    opened = text.count("[") + text.count("{")
    if opened <= limit:
        return opened
    depth = deepest = 0
    for found in _TOKEN.finditer(text):
        char = found.group()
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def loads(text: str | bytes, where: str = "input") -> Any:
    """Parse one JSON document; raise `InputError` (one line, naming `where`) for anything wrong."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not UTF-8 (byte {exc.start})") from None
    if nesting_depth(text) > MAX_DEPTH:
        raise InputError(f"{where}: JSON nested more than {MAX_DEPTH} levels deep")
    try:
        return json.loads(text, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at character {exc.pos})") from None
    except _NumberTooLong as exc:
        raise InputError(f"{where}: JSON holds {exc}") from None
    except RecursionError:  # cannot happen below MAX_DEPTH; kept so a bug is still one line
        raise InputError(f"{where}: JSON nested too deeply") from None
