"""Tests that keep the docs true: every command and setting documented, the CI calls the README."""

from __future__ import annotations

import re

import typer.main

from support import REPO
from warta.cli.main import app
from warta.settings import Settings

README = (REPO / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_group(app)
    names = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return names


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in command_names() if f"warta {name}" not in README]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_every_setting_is_in_the_readme() -> None:
    missing = [name for name, _, _ in Settings.describe() if f"`{name}`" not in README]
    assert not missing, f"settings not documented in README.md: {missing}"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")
                and not line.startswith(("set ", "cd "))]
    assert commands == ["make test"]
    assert re.search(r"^make test\b", README, re.M) and re.search(r"^make demo\b", README, re.M)


def test_readme_output_fields_match_the_article() -> None:
    table = re.findall(r"^\| `(\w+)`", README, re.M)
    for field in ("id", "url", "source", "title", "date", "author", "lang", "dateline", "text",
                  "sentences", "removed", "actors", "events", "warnings"):
        assert field in table or f"`{field}`" in README
