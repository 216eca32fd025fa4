"""Load boilerplate rules from each language's `boilerplate.toml` into compiled patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from warta.errors import DataFileError
from warta.lang import language_dir
from warta.lang.datafile import DataFile

# top: before the first body paragraph; bottom: after it; end: only trailing paragraphs; any.
WHERE = ("top", "bottom", "end", "any")
KEYS = {"line": {"kind", "pattern", "case", "where", "max_words", "follow", "end", "prose"},
        "prefix": {"kind", "pattern", "case", "first"}, "suffix": {"kind", "pattern", "case"},
        "lead": {"kind", "pattern", "case"}}


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
    prose: bool = False  # may also match a paragraph that reads like a sentence


@dataclass(frozen=True, slots=True)
class EdgeRule:
    """A piece at the start (dateline) or end (author initials) of the body."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    first: bool = False  # a prefix tried on the page's first paragraph only


@dataclass(frozen=True)
class Rules:
    """Every language's boilerplate rules, merged; `versions` names the rule sets used."""

    lines: tuple[LineRule, ...]
    prefixes: tuple[EdgeRule, ...]
    suffixes: tuple[EdgeRule, ...]
    section_labels: frozenset[str]
    versions: tuple[str, ...]
    leads: tuple[EdgeRule, ...] = ()  # glued to the start of any paragraph: cut, the rest kept


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


def _line_rule(entry: dict[str, Any], name: str, kind: str, pattern: re.Pattern[str],
               where_label: str) -> LineRule:
    where = entry.get("where", "any")
    if where not in WHERE:
        raise DataFileError(where_label, None, f"'where' must be one of {WHERE}")
    return LineRule(name, kind, pattern, where, max_words=int(entry.get("max_words", 1000)),
                    follow=int(entry.get("follow", 0)), end=bool(entry.get("end", False)),
                    prose=bool(entry.get("prose", False)))


def load_rules_file(path: Traversable, label: str) -> Rules:
    """One `boilerplate.toml`; a malformed rule raises `DataFileError` naming its line."""
    toml = DataFile.read(path, label)
    text, data = toml.text, toml.data
    version = toml.version or label
    lines: list[LineRule] = []
    edges: dict[str, list[EdgeRule]] = {"prefix": [], "suffix": [], "lead": []}
    for table in ("line", "prefix", "suffix", "lead"):
        for index, entry in enumerate(data.get(table, [])):
            where_label = f"{label}:{_line_of(text, index, table)}"
            unknown = set(entry) - KEYS[table]
            if unknown:
                raise DataFileError(where_label, None, f"unknown key(s) {', '.join(sorted(unknown))}")
            kind = entry.get("kind")
            if not isinstance(kind, str) or not kind:
                raise DataFileError(where_label, None, "every rule needs a 'kind'")
            pattern = _compile(entry.get("pattern"), bool(entry.get("case")), where_label)
            name = f"{version}/{table}{index}:{kind}"
            if table == "line":
                lines.append(_line_rule(entry, name, kind, pattern, where_label))
            else:
                edges[table].append(EdgeRule(name, kind, pattern, bool(entry.get("first", False))))
    labels = frozenset(str(x).casefold() for x in data.get("section_labels", []))
    return Rules(tuple(lines), tuple(edges["prefix"]), tuple(edges["suffix"]), labels, (version,),
                 tuple(edges["lead"]))


def load_rules(languages: tuple[str, ...]) -> Rules:
    """Merge the rules of the given languages (all are applied: pages mix languages)."""
    merged = Rules((), (), (), frozenset(), ())
    for code in languages:
        path = language_dir(code).joinpath("boilerplate.toml")
        if path.is_file():
            got = load_rules_file(path, f"warta/lang/{code}/boilerplate.toml")
            merged = Rules(merged.lines + got.lines, merged.prefixes + got.prefixes,
                           merged.suffixes + got.suffixes, merged.section_labels | got.section_labels,
                           merged.versions + got.versions, merged.leads + got.leads)
    return merged
