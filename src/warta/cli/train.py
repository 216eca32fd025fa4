"""`warta train ner`: rebuild the shipped NER model from the NER corpora's train splits."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warta.errors import WartaError

DEFAULT_CORPUS = ("clickid-news.jsonl.gz", "panl-bppt-en-id.jsonl.gz")

app = typer.Typer(help="Train warta's statistical models.", no_args_is_help=True)


@app.callback()
def train_root() -> None:
    """Train warta's statistical models (training is not part of CI; the models are checked in)."""


@app.command("ner")
def train_ner_command(
    data: Annotated[Path, typer.Option(help="Folder with one sub-folder per corpus (train.jsonl).")] = Path(
        "../shared/data/ner"),
    corpus: Annotated[list[Path] | None, typer.Option(
        help="Unlabelled news, gzip JSONL with 'text' (repeatable); default: the bundled corpora.")] = None,
    out: Annotated[Path | None, typer.Option(help="Model file to write; default: the shipped model.")] = None,
    dataset: Annotated[list[str] | None, typer.Option(help="Train on this corpus only (repeatable).")] = None,
    c1: Annotated[float, typer.Option(help="L1 penalty (sparser, smaller model).")] = 0.05,
    c2: Annotated[float, typer.Option(help="L2 penalty.")] = 0.5,
    max_iterations: Annotated[int, typer.Option(help="L-BFGS iterations.")] = 250,
    limit: Annotated[int | None, typer.Option(help="At most this many sentences per corpus.")] = None,
) -> None:
    """Train the Indonesian NER model (CRF) and write it with its .json sidecar."""
    from warta.actors.ner.model import default_model_path
    from warta.actors.ner.train import TrainOptions, train_ner

    target = out or default_model_path()
    news = tuple(corpus or (Path("../shared/data/corpus") / name for name in DEFAULT_CORPUS))
    options = TrainOptions(datasets=tuple(dataset or ()), c1=c1, c2=c2, max_iterations=max_iterations,
                           limit=limit)
    try:
        report = train_ner(data, target, news, options, progress=lambda line: typer.echo(line, err=True))
    except WartaError as exc:
        typer.echo(f"warta: error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"wrote {target} ({report.model_bytes / 1e6:.2f} MB) from {sum(report.sentences.values())} "
               f"sentences, {report.tokens} tokens")
