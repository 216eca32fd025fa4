"""Read a publication date written the way news pages write it; never guess one.

"Senin, 4 September 2023 10:15 WIB", "4/9/2023", "04 Sep 2023", "September 4, 2023",
"2023-09-04T10:15:00+07:00". Month names and time zones come from `lang/<code>/dates.toml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from warta.lang import language_dir
from warta.lang.datafile import DataFile

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?")
# Four-digit years only: "19-09-10" could be 2019-09-10 or 10 Sept 2019 (or 1910); it is not read.
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\.?\b)?\s*([A-Za-z]{2,4})?\b",
                   re.IGNORECASE)


@dataclass(frozen=True)
class DateNames:
    months: dict[str, int]
    timezones: dict[str, str]
    versions: tuple[str, ...] = ()  # each dates.toml's version, stamped on the rows it helped date


def load_date_names(languages: tuple[str, ...]) -> DateNames:
    """Month names and time zones of every language; a malformed file fails naming file:line."""
    months: dict[str, int] = {}
    zones: dict[str, str] = {}
    versions: list[str] = []
    for code in languages:
        path = language_dir(code).joinpath("dates.toml")
        if path.is_file():
            toml = DataFile.read(path, f"warta/lang/{code}/dates.toml")
            months.update({k.casefold(): v for k, v in toml.mapping(toml.data, "months", int).items()})
            zones.update({k.casefold(): v for k, v in toml.mapping(toml.data, "timezones", str).items()})
            versions += [toml.version] if toml.version else []
    return DateNames(months, zones, tuple(versions))


def _valid(year: int, month: int, day: int) -> dt.date | None:
    """The day, when it exists and its year (as written: "0099" is year 99) is a news year."""
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    return found if 1900 <= found.year <= 2100 else None


def parse_date(text: str | None, names: DateNames) -> str | None:
    """ISO 8601 for a date written on a news page, or None when the text holds no full date."""
    if not text:
        return None
    text = text.strip()
    iso = _ISO.search(text)
    if iso:
        day = _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if day and iso.group(4):
            zone = iso.group(7) or ""
            seconds = iso.group(6) or "00"
            zone = "+00:00" if zone == "Z" else zone
            if len(zone) == 5:  # "+0700" -> "+07:00"
                zone = f"{zone[:3]}:{zone[3:]}"
            return f"{day.isoformat()}T{iso.group(4)}:{iso.group(5)}:{seconds}{zone}"
        return day.isoformat() if day else None
    found = _find_day(text, names)
    if found is None:
        return None
    day, end = found
    return _with_time(day, _TIME.search(text, end), names)


def _find_day(text: str, names: DateNames) -> tuple[dt.date, int] | None:
    """The first real calendar day written out ("4 September 2023", "Sep 4, 2023", "4/9/2023")."""
    for pattern, order in ((_DAY_MONTH, "dmy"), (_MONTH_DAY, "mdy"), (_NUMERIC, "num")):
        for found in pattern.finditer(text):
            if order == "num":
                day = _valid(int(found.group(3)), int(found.group(2)), int(found.group(1)))
            else:
                d, m = found.group(1, 2) if order == "dmy" else found.group(2, 1)
                month = names.months.get(m.casefold())
                day = _valid(int(found.group(3)), month, int(d)) if month else None
            if day:
                return day, found.end()
    return None


def _with_time(day: dt.date, clock: re.Match[str] | None, names: DateNames) -> str:
    """The day alone, or with the clock time and zone printed after it ("10:15 WIB", "7:05 pm")."""
    if not clock or int(clock.group(1)) > 23 or int(clock.group(2)) > 59:
        return day.isoformat()
    hour, minute = int(clock.group(1)), int(clock.group(2))
    half = (clock.group(4) or "").casefold()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    zone = names.timezones.get((clock.group(5) or "").casefold(), "")
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{zone}"
