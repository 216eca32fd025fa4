"""`warta analyze PATH... | -`: articles as JSON Lines, one JSON document, or a readable view."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from warta.cli.report import BatchReport
from warta.errors import WartaError
from warta.ingest.readers import expand_paths, read_paths
from warta.pipeline import Pipeline
from warta.settings import Settings


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"
    table = "table"


def analyze_command(
    paths: Annotated[list[str], typer.Argument(
        help="HTML, .txt, .jsonl(.gz) files or folders; '-' for stdin.")],
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="jsonl, json, pretty or table.")] = (
        OutputFormat.jsonl),
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any record was skipped.")] = False,
    dictionary: Annotated[list[str] | None, typer.Option(
        help="An extra actor dictionary (warta TSV or PETRARCH/Phoenix file); repeatable.")] = None,
) -> None:
    """Clean and annotate news articles; one JSON object per article."""
    try:
        for name in paths:
            if name != "-":
                expand_paths([name])  # a missing path is an error before any work starts
        pipeline = Pipeline(Settings(actor_dictionaries=tuple(dictionary or ())))
    except WartaError as exc:
        _fail(str(exc))
    report = BatchReport()
    articles = pipeline.pipe(report.count_reads(read_paths(paths)), on_error=report.skip)
    if output is OutputFormat.pretty:
        from warta.cli.render import print_article

        for article in articles:
            report.ok += 1
            print_article(article)
    elif output is OutputFormat.table:
        from warta.cli.render import print_table

        kept = []
        for article in articles:
            report.ok += 1
            kept.append(article)
        print_table(kept)
    elif output is OutputFormat.json:
        docs = []
        for article in articles:
            report.ok += 1
            docs.append(article.to_dict())
        json.dump(docs[0] if len(docs) == 1 else docs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for article in articles:
            report.ok += 1
            sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    raise typer.Exit(report.finish(strict))


def _fail(message: str) -> None:
    typer.echo(f"warta: error: {message}", err=True)
    raise typer.Exit(1)
