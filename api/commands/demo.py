"""`slareg demo`: the sample corpus through the whole pipeline into a register."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.context import console, engine_for, handle_errors, session_scope
from api.demo_pipeline import DemoReport, run_demo

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""
    app.command("demo")(demo)


def _corpus(path: Path | None) -> Path:
    for candidate in (path, Path.cwd() / "corpus", DEFAULT_CORPUS):
        if candidate is not None and (candidate / "manifest.yaml").is_file():
            return candidate
    raise typer.BadParameter("no corpus/manifest.yaml found; pass --corpus PATH")


@handle_errors
def demo(
    corpus: Annotated[
        Path | None, typer.Option(help="Corpus folder (default: ./corpus of the checkout).")
    ] = None,
) -> None:
    """Load the sample corpus into the register (SLAREG_DATABASE_URL, default ./slareg.db):
    extract, lint, ingest, confirm as a demo reviewer, measure a year of sample data."""
    started = time.perf_counter()
    folder = _corpus(corpus)
    engine = engine_for()
    console.print(f"register: [bold]{engine.url!r}[/]   corpus: {folder}")
    with session_scope() as session:
        report = run_demo(session, folder, progress=console.print)
    _summary(report)
    console.print(f"done in {time.perf_counter() - started:.1f}s")
    console.print(
        "next: [bold]slareg ui --as demo-legal[/] (review in the browser), "
        "[bold]slareg serve[/] (HTTP API), [bold]slareg register list[/], "
        "[bold]slareg register effective --customer 'Acme Corporation'[/], "
        "[bold]slareg measure report[/], [bold]slareg audit verify[/]"
    )


def _summary(report: DemoReport) -> None:
    table = Table(title="slareg demo: what is in the register now")
    for col in (
        "customer",
        "docs",
        "proposed",
        "confirmed",
        "open findings",
        "months",
        "met",
    ):
        first = col == "customer"
        table.add_column(col, justify="left" if first else "right", no_wrap=first)
    for row in report.rows:
        table.add_row(
            row.customer,
            str(row.documents),
            str(row.proposed),
            str(row.confirmed),
            str(row.findings),
            str(row.periods),
            str(row.met),
        )
    console.print(table)
    for note in report.notes:
        console.print(f"[yellow]note:[/] {note}")
