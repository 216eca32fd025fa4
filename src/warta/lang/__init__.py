"""Per-language data files: one folder per language (`id/`, `en/`); adding one means adding a folder."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable


def language_dir(code: str) -> Traversable:
    """The data folder of one language, shipped as package data."""
    return files("warta.lang").joinpath(code)


def word_list(path: Traversable) -> Iterator[tuple[int, str]]:
    """(line number, word) of a word-list file: whitespace-separated, '#' starts a comment; a name
    ending in .gz is read through gzip."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8") if path.name.endswith(".gz") \
        else path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        for word in line.split("#", 1)[0].split():
            yield number, word


def read_word_lists(languages: tuple[str, ...], filename: str) -> frozenset[str]:
    """The union of one word-list file over languages, casefolded."""
    words: set[str] = set()
    for code in languages:
        path = language_dir(code).joinpath(filename)
        if path.is_file():
            words.update(word.casefold() for _, word in word_list(path))
    return frozenset(words)
