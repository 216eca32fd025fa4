"""Read PETRARCH/Phoenix actor and agent dictionaries exactly as they are distributed.

Format (petrarch2 `docs/source/dictionaries.rst`, `PETRreader.read_actor_dictionary`):

    RUSSIAN_FEDERATION_  [RUS]          primary phrase, optional default code
    +RUSSIA_                            synonym of the record above
    \t[RUSGOV >080508]                  date-restricted code (<date, >date, date-date)

A primary phrase with no code and no restrictions shares the codes of the next record, as in
PETRARCH. Dates are YYMMDD (years <= 30 are 20xx) or YYYYMMDD. PETRARCH logs and skips a date
restriction it cannot read; so do we (the shipped Phoenix files have a few), returning them as
`skipped`. Anything structural -- a code without a closing bracket, a bad code, a synonym or
restriction before any phrase -- is a `DataFileError` naming file:line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from warta.actors.codes import CodePeriod, check_code
from warta.errors import DataFileError

_PLAIN_CODE = re.compile(r"^[A-Za-z0-9-]+$")
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_BRACE_CLOSE = re.compile(r"\[([^\]}]*)\}")


@dataclass
class PhoenixRecord:
    """One actor: its phrases (spaces, not underscores) and its code periods."""

    names: list[str]
    periods: list[CodePeriod] = field(default_factory=list)
    line: int = 0
    comment: str = ""


@dataclass(frozen=True, slots=True)
class PhoenixAgent:
    """One agent phrase; `code` is the role ('GOV'), `prefix` True for 'NGO~' style codes."""

    phrase: str
    code: str
    prefix: bool
    line: int


def phrase_text(raw: str) -> str:
    """'RUSSIAN_FEDERATION_' -> 'RUSSIAN FEDERATION'."""
    return " ".join(raw.replace("_", " ").split())


def parse_date(text: str) -> date:
    """YYMMDD (pivot 30, as PETRARCH) or YYYYMMDD; ValueError if it is not a date."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"bad date {text!r}")
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    year = int(text[:2])
    year += 2000 if year <= 30 else 1900
    return date(year, int(text[2:4]), int(text[4:6]))


def parse_restriction(body: str) -> CodePeriod:
    """'RUSGOV >080508' / 'USAELI 780101-000101' / 'RUSELI' -> CodePeriod (ValueError if bad)."""
    code, _, rest = body.strip().partition(" ")
    code = check_code(code.strip(), loose=True)
    rest = rest.strip()
    if not rest:
        return CodePeriod(code)
    if rest[0] in "<>":
        when = parse_date(rest[1:].strip())
        return CodePeriod(code, start=when) if rest[0] == ">" else CodePeriod(code, end=when)
    left, sep, right = rest.partition("-")
    if not sep:
        raise ValueError(f"bad restriction {rest!r}")
    start, end = parse_date(left.strip()), parse_date(right.strip())
    if end < start:
        raise ValueError(f"restriction {rest!r} ends before it starts")
    return CodePeriod(code, start, end)


def _strip_comment(line: str) -> tuple[str, str]:
    for mark in ("#", ";"):
        if mark in line:
            head, _, tail = line.partition(mark)
            return head, tail.strip()
    return line, ""


def _bracket(path: str, number: int, text: str) -> tuple[str, str | None]:
    """Split 'NAME [CODE]' into ('NAME', 'CODE'); a '[' without ']' is an error."""
    if "[" not in text:
        return text.replace("]", ""), None  # Phoenix has 'FAEROYENE]_'; PETRARCH reads it too
    head, _, tail = text.partition("[")
    inside, closed, _ = tail.partition("]")
    if not closed:
        raise DataFileError(path, number, "'[' without ']' (want NAME [CODE])")
    return head, inside.strip()


def read_phoenix_actors(path: str | Path) -> tuple[list[PhoenixRecord], list[str]]:
    """Records of a Phoenix `.actors` file, and the restrictions skipped (as 'file:line: why')."""
    name = str(path)
    records: list[PhoenixRecord] = []
    skipped: list[str] = []
    pending: list[PhoenixRecord] = []  # uncoded primaries waiting for the next record's codes
    current: PhoenixRecord | None = None
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        if "---STOP---" in raw:
            break
        if not raw.strip() or raw.lstrip().startswith(("#", "<!")):
            continue
        body, comment = _strip_comment(raw)
        if raw[0] in " \t" and body.strip():
            if current is None:
                raise DataFileError(name, number, "date restriction before any actor phrase")
            head, inside = _bracket(name, number, body)
            if inside is None:
                raise DataFileError(name, number, "indented line without [CODE ...]")
            try:
                current.periods.append(parse_restriction(inside))
            except ValueError as exc:
                skipped.append(f"{name}:{number}: {exc}")  # PETRARCH skips these too
            continue
        if not body.strip():
            continue
        head, inside = _bracket(name, number, body)
        phrase = phrase_text(head.lstrip("+"))
        if not phrase:
            raise DataFileError(name, number, "empty actor phrase")
        if raw.startswith("+"):
            if current is None:
                raise DataFileError(name, number, "synonym ('+') before any actor phrase")
            current.names.append(phrase)
            continue
        if current is not None:
            if current.periods:
                records.extend(_share(pending, current))
                pending = []
            else:
                pending.append(current)
        current = PhoenixRecord([phrase], line=number, comment=comment)
        # 'U_THANT_ [IGOUNO 611130-711231] [ELI]': restrictions may also sit on the phrase line
        for group in _BRACKETS.findall(body) if inside is not None else ():
            try:
                current.periods.append(parse_restriction(group))
            except ValueError as exc:
                skipped.append(f"{name}:{number}: {exc}")
    if current is not None:
        records.extend(_share(pending, current))
    return records, skipped


def _share(pending: list[PhoenixRecord], record: PhoenixRecord) -> list[PhoenixRecord]:
    """Uncoded primaries take the codes of the record that follows them (PETRARCH's rule)."""
    for waiting in pending:
        waiting.periods = list(record.periods)
    return [*pending, record]


def read_phoenix_agents(path: str | Path) -> tuple[list[PhoenixAgent], list[str]]:
    """Agents of a Phoenix `.agents` file (plurals and `!MARKER!` sets expanded), and lines skipped.

    PETRARCH logs and skips an agent with no code ("Codes are required for agents"); so do we.
    """
    name = str(path)
    markers: dict[str, list[str]] = {}
    agents: list[PhoenixAgent] = []
    skipped: list[str] = []
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        body = raw.partition("#")[0].strip()
        if not body or body.startswith("<!"):
            continue
        if body.startswith("!") and "=" in body:
            marker, _, items = body.partition("=")
            markers[marker.strip().strip("!")] = [i.strip() for i in items.split(",") if i.strip()]
            continue
        # '[~ENV}' occurs in Phoenix.agents.txt and PETRARCH's own docs; read it as '[~ENV]'
        head, inside = _bracket(name, number, _BRACE_CLOSE.sub(r"[\1]", body))
        if inside is None:
            skipped.append(f"{name}:{number}: agent without [~CODE]")
            continue
        if "~" not in inside:
            raise DataFileError(name, number, f"agent code {inside!r} has no '~' (want [~GOV] or [NGO~])")
        prefix = inside.endswith("~")
        code = inside.strip("~").strip()
        if not _PLAIN_CODE.match(code):
            raise DataFileError(name, number, f"bad agent code {inside!r}")
        for phrase in _agent_forms(name, number, head, markers):
            agents.append(PhoenixAgent(phrase, code.upper(), prefix, number))
    return agents, skipped


def _agent_forms(path: str, number: int, head: str, markers: dict[str, list[str]]) -> list[str]:
    """The phrase, its plural(s) (regular unless `{...}` gives them) and marker expansions."""
    root, brace, rest = head.partition("{")
    plurals: list[str] | None = None
    if brace:
        inside, closed, _ = rest.partition("}")
        if not closed:
            raise DataFileError(path, number, "'{' without '}'")
        plurals = [phrase_text(p) for p in inside.split()]
    root = root.strip()
    forms = [root]
    if "!" in root:
        left, _, tail = root.partition("!")
        marker, closed, right = tail.partition("!")
        if not closed or marker not in markers:
            raise DataFileError(path, number, f"unknown substitution marker !{marker}!")
        return [phrase_text(left + item + right) for item in markers[marker]]
    if plurals is None:
        plurals = [] if root.endswith("_") else [_plural(phrase_text(root))]
    return [phrase_text(f) for f in forms] + [p for p in plurals if p]


def _plural(phrase: str) -> str:
    """PETRARCH's regular plural: +S, Y -> IES, SS -> SSES."""
    if phrase.endswith("Y") and not phrase.endswith(("AY", "EY", "OY", "UY")):
        return phrase[:-1] + "IES"
    if phrase.endswith(("SS", "SH", "CH", "X")):
        return phrase + "ES"
    return phrase + "S"
