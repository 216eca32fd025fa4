"""The `warta` command: a thin layer over the library; the only place that prints."""

from __future__ import annotations

import sys

import typer

from warta.cli.analyze import analyze_command
from warta.errors import WartaError

app = typer.Typer(
    name="warta",
    help="Read Indonesian and English news like a political analyst.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("analyze")(analyze_command)


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
