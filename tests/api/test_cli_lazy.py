"""`slareg CMD` loads only what CMD needs; the full app still has every command."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer

from api import cli


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


def test_lint_does_not_load_the_database_or_web_stack() -> None:
    loaded = _modules_after("from api.cli import build_app; build_app(['lint'])")
    assert "mapper.lint" in loaded
    heavy = {"sqlalchemy", "alembic", "fastapi", "streamlit", "pandas", "docx", "pypdfium2"}
    assert not heavy & loaded


def test_a_text_document_does_not_load_the_pdf_or_docx_readers() -> None:
    loaded = _modules_after(
        "from extractor.readers import read\nfrom extractor.config import Limits\n"
        "read(b'Availability is 99.9% per month.', 'a.txt', Limits())"
    )
    assert "extractor.readers.text" in loaded
    assert not {"pypdfium2", "pdfplumber", "docx", "bs4"} & loaded


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["lint", "a.docx"], "lint"),
        (["--help"], None),
        ([], None),
        (["measure", "run"], "measure"),
        (["nonsense"], None),
    ],
)
def test_command_of(argv: list[str], command: str | None) -> None:
    assert cli._command_of(argv) == command


def test_one_command_app_is_still_a_group() -> None:
    group = typer.main.get_command(cli.build_app(["lint"]))
    assert list(group.commands) == ["lint"]  # type: ignore[attr-defined]


def test_full_app_has_every_command() -> None:
    group = typer.main.get_command(cli.app)
    assert set(group.commands) == set(cli.COMMANDS)  # type: ignore[attr-defined]
