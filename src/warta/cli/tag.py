"""`warta tag --format jsonl`: BIO named-entity tags for pre-tokenized sentences, for scorers.

Reads `{"tokens": [...]}` lines on stdin and writes `{"tokens": [...], "tags": [...]}` lines,
one per input line, tokens unchanged. A bad line is reported on stderr with its number and
skipped; the exit code is then 1 once every other line has been tagged.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from warta.errors import WartaError


class TagFormat(StrEnum):
    jsonl = "jsonl"


def _tokens_of(line: str) -> list[str]:
    """The tokens of one input line; ValueError says what is wrong with it."""
    if not line.strip():
        raise ValueError("empty line; expected a JSON object with a 'tokens' list")
    record: Any = json.loads(line)
    if not isinstance(record, dict) or not isinstance(record.get("tokens"), list):
        raise ValueError("expected a JSON object with a 'tokens' list")
    tokens: list[str] = [token for token in record["tokens"] if isinstance(token, str)]
    if len(tokens) != len(record["tokens"]):
        raise ValueError("every token must be a string")
    return tokens


def tag_command(
    output: Annotated[TagFormat, typer.Option("--format", "-f", help="Input and output format.")] = (
        TagFormat.jsonl),
    model: Annotated[Path | None, typer.Option(help="A model file from `warta train ner`.")] = None,
) -> None:
    """Tag tokenized sentences with BIO named-entity tags (PER, ORG, LOC)."""
    from warta.actors.ner import NerTagger

    try:
        tagger = NerTagger(model)
    except WartaError as exc:
        typer.echo(f"warta: error: {exc}", err=True)
        raise typer.Exit(1) from None
    bad = 0
    # Escape non-ASCII only when stdout cannot encode it; either way the tokens decode unchanged.
    ascii_only = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") != "utf8"
    for number, raw in enumerate(sys.stdin.buffer, 1):
        try:
            line = raw.decode("utf-8")
            if number == 1:
                line = line.removeprefix("\ufeff")
            tokens = _tokens_of(line)
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors too
            bad += 1
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            typer.echo(f"warta: error: line {number}: {reason}; skipped", err=True)
            continue
        tags = tagger.tag(tokens)
        sys.stdout.write(json.dumps({"tokens": tokens, "tags": tags}, ensure_ascii=ascii_only) + "\n")
    if bad:
        raise typer.Exit(1)
