"""docs/cli.md is the real --help output of every command (regenerate: python -m api.clidoc)."""

from __future__ import annotations

from pathlib import Path

from api.clidoc import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text() == render(), (
        "docs/cli.md is stale: run `python -m api.clidoc > docs/cli.md`"
    )


def test_cli_reference_covers_every_command_and_subcommand() -> None:
    text = DOC.read_text()
    for path in ("lint", "ingest", "measure run", "register export", "audit verify", "db upgrade"):
        assert f"## `slareg {path}`" in text, path
