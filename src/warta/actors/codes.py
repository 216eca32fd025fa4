"""CAMEO actor codes with date restrictions, and how a code splits into country and role.

A person's code depends on when the article was written: Phoenix gives Vladimir Putin
`[RUSGOV >080508]` and Barack Obama `[USAGOV >090120]`. A `CodePeriod` is one such line; an
entry resolves its list of periods against the article date the way PETRARCH does (the first
restriction that covers the date wins, otherwise the first unrestricted code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Dates far in the future stand for "today" when an article has no date: an open-ended
# restriction (">080508") then wins over the default code, as for a sitting leader.
NO_DATE = date(9999, 12, 31)

CODE_RE = re.compile(r"^(?:---|[A-Z]{3})[A-Z0-9]*(?:[a-z]{3})?$")
# PETRARCH only says "a string without blanks"; its test dictionaries use 'pse' and 'FRO/BIL'.
LOOSE_CODE_RE = re.compile(r"^[A-Za-z0-9+/-]+$")


@dataclass(frozen=True, slots=True)
class CodePeriod:
    """One code, valid from `start` to `end` inclusive (None = open)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def to_text(self) -> str:
        """'RUSGOV 2008-05-08..' in the shipped TSV files."""
        if not self.restricted:
            return self.code
        left = self.start.isoformat() if self.start else ""
        right = self.end.isoformat() if self.end else ""
        return f"{self.code} {left}..{right}"


def resolve_code(periods: tuple[CodePeriod, ...], when: date | None) -> str | None:
    """The code valid at `when`: first matching restriction, else the first default."""
    moment = when or NO_DATE
    for period in periods:
        if period.restricted and period.covers(moment):
            return period.code
    for period in periods:
        if not period.restricted:
            return period.code
    return None


_DAY = r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
_PERIOD = rf"(?:---|[A-Z]{{3}})[A-Z0-9]*(?:[a-z]{{3}})?(?: (?:{_DAY})?\.\.(?:{_DAY})?)?"
# One regex for a whole codes cell: checking every row at load time costs ~1 us a row, while
# building the date objects is left to the first article that needs them (30,000 people rows).
PERIODS_RE = re.compile(rf"{_PERIOD}(?: \| {_PERIOD})*")


def parse_periods(text: str, loose: bool = False) -> tuple[CodePeriod, ...]:
    """'RUSELI 1970-01-01..1999-08-09 | RUSGOV 2008-05-08..' -> periods; ValueError if bad."""
    periods = []
    for part in text.split("|"):
        bits = part.split()
        if not bits or len(bits) > 2:
            raise ValueError(f"bad code {part.strip()!r} (want CODE or CODE YYYY-MM-DD..YYYY-MM-DD)")
        code = check_code(bits[0], loose)
        if len(bits) == 1:
            periods.append(CodePeriod(code))
            continue
        left, sep, right = bits[1].partition("..")
        if not sep:
            raise ValueError(f"bad date range {bits[1]!r} (want YYYY-MM-DD..YYYY-MM-DD)")
        start = date.fromisoformat(left) if left else None
        end = date.fromisoformat(right) if right else None
        if start and end and end < start:
            raise ValueError(f"date range {bits[1]!r} ends before it starts")
        periods.append(CodePeriod(code, start, end))
    return tuple(periods)


def check_code(code: str, loose: bool = False) -> str:
    """A CAMEO actor code: three capitals (or '---') then capitals/digits; `loose` as PETRARCH."""
    if not (LOOSE_CODE_RE if loose else CODE_RE).match(code):
        raise ValueError(f"bad CAMEO code {code!r} (want groups of three capitals, e.g. RUSGOV)")
    return code
