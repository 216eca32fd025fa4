"""The `warta` command: a thin layer over the library; the only place that prints."""

from __future__ import annotations

import sys

import typer

from warta.cli.analyze import analyze_command
from warta.cli.dyad import dyad_command
from warta.cli.evaluate import app as eval_app
from warta.cli.export import export_command
from warta.cli.ingest import ingest_command
from warta.cli.query import actors_command, dyads_command, events_command, sql_command
from warta.cli.serve import serve_command
from warta.cli.summary import report_command
from warta.cli.tag import tag_command
from warta.cli.train import app as train_app
from warta.errors import WartaError

app = typer.Typer(
    name="warta",
    help="Read Indonesian and English news like a political analyst.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("analyze")(analyze_command)
app.command("ingest")(ingest_command)
app.command("export")(export_command)
app.command("actors")(actors_command)
app.command("events")(events_command)
app.command("sql")(sql_command)
app.command("dyad")(dyad_command)
app.command("dyads")(dyads_command)
app.command("report")(report_command)
app.command("serve")(serve_command)
app.command("tag")(tag_command)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")


@app.callback()
def root() -> None:
    """warta: raw news pages in; clean text, actors and CAMEO events out."""


def main() -> None:
    """Console entry point: a `WartaError` becomes one line on stderr and exit code 1."""
    try:
        app()
    except WartaError as exc:
        print(f"warta: error: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("warta: interrupted", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
