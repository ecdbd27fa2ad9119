"""Render docs/cli.md from the real `--help` output of every `slareg` command.

`python -m api.clidoc > docs/cli.md` regenerates it; a test fails when it is stale.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import typer
from typer.testing import CliRunner

from api.cli import app

ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}


def _paths(command: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command path under `command` (a group has `commands`: Typer vendors its own
    click, so an isinstance check against the click package would miss its groups)."""
    yield prefix
    for name in sorted(getattr(command, "commands", None) or {}):
        yield from _paths(command.commands[name], (*prefix, name))


def render() -> str:
    runner = CliRunner()
    root = typer.main.get_command(app)
    parts = [
        "# slareg command reference",
        "",
        "Generated from the real `--help` output by `python -m api.clidoc > docs/cli.md`;",
        "a test fails when this file and the commands differ.",
        "",
    ]
    for path in _paths(root):
        result = runner.invoke(app, [*path, "--help"], env=ENV, prog_name="slareg")
        title = " ".join(("slareg", *path))
        body = "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())
        parts += [f"## `{title}`", "", "```text", body, "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
