"""`warta train ner`: rebuild the shipped NER model from the NER corpora's train splits."""

from __future__ import annotations

import dataclasses
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


@app.command("parser")
def train_parser_command(
    lang: Annotated[str, typer.Option(help="Language of the parser: id or en.")],
    data: Annotated[Path, typer.Option(help="Folder with the UD treebank files (*.conllu.gz).")] = Path(
        "../shared/data/ud"),
    out: Annotated[Path | None, typer.Option(help="Model folder to write; default: the shipped one.")] = None,
    max_steps: Annotated[int | None, typer.Option(help="Stop after this many updates.")] = None,
) -> None:
    """Train the dependency parser for one language (spaCy) and write its model folder."""
    from warta.syntax.parse import LANGS, model_path
    from warta.syntax.train import DEFAULT_OPTIONS, train_parser

    if lang not in LANGS:
        typer.echo(f"warta: error: --lang must be one of {', '.join(LANGS)}, not {lang!r}", err=True)
        raise typer.Exit(1)
    target = out or model_path(lang)
    options = DEFAULT_OPTIONS[lang]
    if max_steps is not None:
        options = dataclasses.replace(options, max_steps=max_steps)
    try:
        report = train_parser(data, lang, target, options, progress=lambda line: typer.echo(line, err=True))
    except WartaError as exc:
        typer.echo(f"warta: error: {exc}", err=True)
        raise typer.Exit(1) from None
    measure = report.measure
    typer.echo(f"wrote {target} ({report.model_bytes / 1e6:.2f} MB) from {report.sentences['train']} "
               f"sentences, {report.tokens['train']} tokens; held out {report.sentences['measure']}: "
               f"UAS {measure['uas']} LAS {measure['las']} UPOS {measure['upos']}")



@app.command("events")
def train_events_command(
    lang: Annotated[str, typer.Option(help="Language of the model: id or en.")] = "id",
    data: Annotated[Path, typer.Option(help="The shared data folder (eval/ inside).")] = Path(
        "../shared/data"),
    out: Annotated[Path | None, typer.Option(help="Model file to write; default: the shipped model.")] = None,
    select: Annotated[bool, typer.Option(
        "--select", help="Choose C and threshold on the folds anew and keep them in "
                         "events/model/operating-points.json (moves the figures the floors pin).")] = False,
) -> None:
    """Train the event model (which trigger candidates are events, with which actors), at the
    operating point kept for the language; --select chooses a new one."""
    from importlib.util import find_spec

    from warta.events.model import model_file
    from warta.events.stage import EventStage
    from warta.events.train import TRAIN_SETS, train
    from warta.pipeline import Pipeline

    if lang not in TRAIN_SETS:
        typer.echo(f"warta: error: no event model for language {lang!r} (have: id, en)", err=True)
        raise typer.Exit(1)
    if find_spec("sklearn") is None:
        typer.echo("warta: error: training needs scikit-learn: pip install 'warta[train]'", err=True)
        raise typer.Exit(1)
    target = out or Path(str(model_file(lang)))
    try:
        pipeline = Pipeline()
        coder = next(s for s in pipeline.stages if isinstance(s, EventStage)).coders[lang]
        report = train(lang, data, target, pipeline.analyze, coder,
                       progress=lambda line: typer.echo(line, err=True), reselect=select)
    except WartaError as exc:
        typer.echo(f"warta: error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"wrote {target}: {report.records} records, {report.candidates} candidates "
               f"({report.positives} positive), {report.features} weights, threshold "
               f"{report.threshold:.2f} (cross-validated F0.5 {report.cv_f05:.3f}; rules with the model "
               f"F1 {report.cv_system_f1:.3f}, rules alone {report.rules_alone_f1:.3f})")
