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
    def read(cls, path: Traversable) -> DataFile:
        if not path.is_file():
            raise DataFileError(str(path), None, "file not found")
        text = path.read_text(encoding="utf-8")
        try:
            return cls(str(path), text, tomllib.loads(text))
        except tomllib.TOMLDecodeError as exc:
            raise DataFileError(str(path), None, f"not valid TOML: {exc}") from exc

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
