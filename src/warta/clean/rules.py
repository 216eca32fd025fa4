"""Load boilerplate rules from each language's `boilerplate.toml` into compiled patterns."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.resources.abc import Traversable

from warta.errors import DataFileError
from warta.lang import language_dir

WHERE = ("top", "bottom", "any")


@dataclass(frozen=True, slots=True)
class LineRule:
    """A whole paragraph that is not article text."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    where: str = "any"
    max_words: int = 1000
    follow: int = 0
    end: bool = False


@dataclass(frozen=True, slots=True)
class EdgeRule:
    """A piece at the start (dateline) or end (author initials) of the body."""

    name: str
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Rules:
    """Every language's boilerplate rules, merged; `versions` names the rule sets used."""

    lines: tuple[LineRule, ...]
    prefixes: tuple[EdgeRule, ...]
    suffixes: tuple[EdgeRule, ...]
    section_labels: frozenset[str]
    versions: tuple[str, ...]


def _compile(raw: object, case: bool, where: str) -> re.Pattern[str]:
    if not isinstance(raw, str):
        raise DataFileError(where, None, "'pattern' must be a string")
    try:
        return re.compile(raw, 0 if case else re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(where, None, f"bad pattern: {exc}") from None


def _line_of(text: str, entry_index: int, table: str) -> int:
    """Line number of the n-th `[[table]]` header, so errors point at the rule."""
    count = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == f"[[{table}]]":
            count += 1
            if count == entry_index:
                return number
    return 0


def load_rules_file(path: Traversable, label: str) -> tuple[list[LineRule], list[EdgeRule],
                                                             list[EdgeRule], set[str], str]:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(label, None, f"not valid TOML: {exc}") from None
    version = str(data.get("version", label))
    lines: list[LineRule] = []
    edges: dict[str, list[EdgeRule]] = {"prefix": [], "suffix": []}
    for table in ("line", "prefix", "suffix"):
        for index, entry in enumerate(data.get(table, [])):
            where_label = f"{label}:{_line_of(text, index, table)}"
            kind = entry.get("kind")
            if not isinstance(kind, str) or not kind:
                raise DataFileError(where_label, None, "every rule needs a 'kind'")
            pattern = _compile(entry.get("pattern"), bool(entry.get("case")), where_label)
            name = f"{version}/{table}{index}:{kind}"
            if table == "line":
                where = entry.get("where", "any")
                if where not in WHERE:
                    raise DataFileError(where_label, None, f"'where' must be one of {WHERE}")
                lines.append(LineRule(name, kind, pattern, where, int(entry.get("max_words", 1000)),
                                      int(entry.get("follow", 0)), bool(entry.get("end", False))))
            else:
                edges[table].append(EdgeRule(name, kind, pattern))
    labels = {str(x).casefold() for x in data.get("section_labels", [])}
    return lines, edges["prefix"], edges["suffix"], labels, version


def load_rules(languages: tuple[str, ...]) -> Rules:
    """Merge the rules of the given languages (all are applied: pages mix languages)."""
    lines: list[LineRule] = []
    prefixes: list[EdgeRule] = []
    suffixes: list[EdgeRule] = []
    labels: set[str] = set()
    versions: list[str] = []
    for code in languages:
        path = language_dir(code).joinpath("boilerplate.toml")
        if not path.is_file():
            continue
        got = load_rules_file(path, f"warta/lang/{code}/boilerplate.toml")
        lines += got[0]
        prefixes += got[1]
        suffixes += got[2]
        labels |= got[3]
        versions.append(got[4])
    return Rules(tuple(lines), tuple(prefixes), tuple(suffixes), frozenset(labels), tuple(versions))
