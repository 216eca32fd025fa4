"""A TOML data file whose getters fail with `DataFileError` naming the file, the key and its line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from warta.errors import DataFileError


@dataclass(frozen=True, slots=True)
class DataFile:
    """A parsed data file whose getters raise DataFileError naming the file and the key."""

    path: str
    text: str
    data: dict[str, Any]

    @classmethod
    def read(cls, path: Traversable, label: str | None = None) -> DataFile:
        """The file at `path`; errors name it as `label` (e.g. warta/lang/id/dates.toml) if given."""
        if not path.is_file():
            raise DataFileError(label or str(path), None, "file not found")
        return cls.parse(path.read_text(encoding="utf-8"), label or str(path))

    @classmethod
    def parse(cls, text: str, label: str) -> DataFile:
        """TOML text read elsewhere (a user's file, a test's string), named `label` in errors."""
        try:
            return cls(label, text, tomllib.loads(text))
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"at line (\d+)", str(exc))  # "at end of document": the last line
            line = int(found.group(1)) if found else max(1, len(text.splitlines()))
            raise DataFileError(label, line, f"not valid TOML: {exc}") from exc

    @property
    def version(self) -> str | None:
        """The file's top-level `version`, recorded beside every row its rules helped make."""
        return self.string(self.data, "version") if "version" in self.data else None

    def fail(self, key: str, problem: str) -> DataFileError:
        found = re.search(rf"^\s*{re.escape(key)}\s*=", self.text, re.MULTILINE)
        line = self.text.count("\n", 0, found.start()) + 1 if found else None
        return DataFileError(self.path, line, f"'{key}' {problem}")

    def get(self, table: Mapping[str, Any], key: str, kind: str) -> Any:
        if key not in table:
            raise DataFileError(self.path, None, f"missing key '{key}' ({kind})")
        return table[key]

    def string(self, table: Mapping[str, Any], key: str) -> str:
        value = self.get(table, key, "a string")
        if not isinstance(value, str):
            raise self.fail(key, "must be a string")
        return value

    def strings(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = self.get(table, key, "a list of strings")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of strings")
        return tuple(value)

    def table(self, table: Mapping[str, Any], key: str) -> dict[str, Any]:
        value = self.get(table, key, "a table")
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return value

    def tables(self, table: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
        value = self.get(table, key, "a list of tables")
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "must be a list of tables")
        return value

    def optional_strings(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        """A list of strings that may be left out (then empty)."""
        return self.strings(table, key) if key in table else ()

    def optional_table(self, table: Mapping[str, Any], key: str) -> dict[str, Any]:
        """A table that may be left out (then empty)."""
        return self.table(table, key) if key in table else {}

    def mapping(self, table: Mapping[str, Any], key: str, kind: type) -> dict[str, Any]:
        """An optional table whose every value is of `kind` (int, str): a name → value map."""
        found = self.optional_table(table, key)
        for name, value in found.items():
            if not isinstance(value, kind) or isinstance(value, bool):
                raise self.fail(name, f"in [{key}] must be {'a whole number' if kind is int else 'a string'}")
        return found
