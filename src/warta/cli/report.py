"""Count what a batch read, kept and skipped; report skips on stderr as they happen.

A single bad input is one error line; in a batch each bad record is one 'skipped' line and the
batch ends with a summary line counting read/ok/skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import typer

from warta.article import Failure

T = TypeVar("T")


@dataclass
class BatchReport:
    read: int = 0
    ok: int = 0
    skipped: int = 0
    _pending: Failure | None = None  # a first failure, held until we know it is part of a batch

    def count_reads(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            self.read += 1
            if self.read == 2:
                self._flush()
            yield item

    def skip(self, failure: Failure) -> None:
        self.skipped += 1
        if self.read <= 1:
            self._pending = failure
        else:
            typer.echo(f"warta: skipped {failure.reason}", err=True)

    def _flush(self) -> None:
        if self._pending:
            typer.echo(f"warta: skipped {self._pending.reason}", err=True)
            self._pending = None

    def finish(self, strict: bool) -> int:
        """Print the outcome; the exit code: 1 when nothing was produced (or anything skipped, if strict)."""
        if self.read == 0:
            typer.echo("warta: error: no input records found", err=True)
            return 1
        if self.read == 1 and self._pending:
            typer.echo(f"warta: error: {self._pending.reason}", err=True)
            return 1
        if self.read > 1:
            typer.echo(f"warta: read {self.read}, ok {self.ok}, skipped {self.skipped}", err=True)
        if self.ok == 0 or (strict and self.skipped):
            return 1
        return 0
