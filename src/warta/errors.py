"""Errors warta raises on purpose; anything else is a bug.

    WartaError                 root: the CLI turns it into one line and a non-zero exit
    ├── InputError             a file or record cannot be read (missing, binary, empty, undecodable)
    ├── ExtractionError        an HTML page yields no article text
    ├── DataFileError          a rule or dictionary file is malformed (message names file:line)
    ├── PipelineError          stages are composed wrongly (a requirement nobody provides)
    └── StoreError             the database cannot be opened or written (warta.store.errors)
"""

from __future__ import annotations


class WartaError(Exception):
    """Root of every error warta raises deliberately."""


class InputError(WartaError):
    """Input that cannot be read as a news article."""


class ExtractionError(WartaError):
    """An HTML page from which no article text could be extracted."""


class DataFileError(WartaError):
    """A malformed rule or dictionary file; the message names the file and line."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")


class PipelineError(WartaError):
    """Stages composed so that one needs a layer no earlier stage provides."""
