"""How often each word is capitalised in running news text: a strong cue for names.

Counted over unlabelled news (the bundled corpora), skipping sentence-initial positions and
words after an opening quote, where capitals say nothing. The bucket of the ratio is a feature:
it lets the model find "jakarta" or "pbb" in lower-cased text and tell a name from an ordinary
word at the start of a sentence. Built by `warta train ner`, shipped beside the model.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.actors.ner.tokenize import chunk_bounds, tokenize
from warta.errors import DataFileError

MIN_COUNT = 3  # rarer words are "unknown" (a useful signal in itself: rare words are often names)
_AFTER_OPENERS = frozenset({'"', "“", "'", "‘", "(", ":", "-", "–"})


def bucket(capitalised: int, total: int) -> int:
    """0: almost never capitalised (<10%), 1: sometimes, 2: mostly (50–90%), 3: almost always."""
    ratio = capitalised / total
    return 0 if ratio < 0.1 else 1 if ratio < 0.5 else 2 if ratio < 0.9 else 3


def iter_corpus_texts(paths: Iterable[Path]) -> Iterator[str]:
    """`text` of each record in gzip JSONL corpora; the scraper's ".," joins become line breaks."""
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") or ""
                yield text.replace(".,", ".\n")


def count_casing(texts: Iterable[str]) -> dict[str, int]:
    """Lower-cased word -> capitalisation bucket, for words seen at least MIN_COUNT times."""
    capitalised: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        tokens, starts, ends = tokenize(text)
        for first, last in chunk_bounds(text, tokens, starts, ends):
            for i in range(first + 1, last):
                word = tokens[i]
                if not word[:1].isalpha() or tokens[i - 1] in _AFTER_OPENERS:
                    continue
                lower = word.lower()
                total[lower] += 1
                if word[:1].isupper():
                    capitalised[lower] += 1
    return {w: bucket(capitalised[w], n) for w, n in total.items() if n >= MIN_COUNT}


def write_casing(casing: dict[str, int], path: Path) -> None:
    """One `word<TAB>bucket` line per word, sorted, so the file diffs well."""
    lines = [f"{word}\t{value}" for word, value in sorted(casing.items()) if "\t" not in word]
    path.write_text("# word\tcapitalisation bucket (0-3), see warta/actors/ner/casing.py\n"
                    + "\n".join(lines) + "\n", encoding="utf-8")


def parse_casing(text: str, where: str) -> dict[str, int]:
    """Read the format `write_casing` writes; a malformed row fails with file:line."""
    casing: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        word, _, value = line.partition("\t")
        if not word or value not in ("0", "1", "2", "3"):
            raise DataFileError(where, number, "expected 'word<TAB>0..3'")
        casing[word] = int(value)
    return casing
