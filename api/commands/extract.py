"""`slareg extract FILE...`: print the Extraction record of each document.

JSON (the default) is one object for one file and a list for several; `--format table`
prints a table of the terms for people. A file that cannot be read gets a message on
stderr naming it; the other files are still processed and the exit code is 1.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from extractor.errors import ExtractionError
from extractor.pipeline import extract_path
from extractor.types import Extraction


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""
    app.command("extract")(extract_command)


def extract_command(
    files: list[Path] = typer.Argument(..., help="PDF, DOCX, HTML, Markdown or text files."),
    output: OutputFormat = typer.Option(
        OutputFormat.json, "--format", "-f", help="json (the Extraction record) or table."
    ),
    with_text: bool = typer.Option(
        False, "--with-text", help="Add the document's extracted plain text (JSON only)."
    ),
) -> None:
    """Extract clauses and typed SLA terms from contract documents."""
    errors = Console(stderr=True)
    results: list[Extraction] = []
    failed = False
    for path in files:
        try:
            results.append(extract_path(path))
        except ExtractionError as exc:
            errors.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
            failed = True
    if output is OutputFormat.json:
        records = [r.to_dict(with_text=with_text) for r in results]
        if records:
            payload: Any = records[0] if len(files) == 1 else records
            typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        console = Console()
        for result in results:
            console.print(terms_table(result))
    if failed:
        raise typer.Exit(code=1)


def _attrs(attrs: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in attrs.items() if v is not None)


def terms_table(result: Extraction) -> Table:
    """A rich table of one document's terms, titled with its name, type and date."""
    doc = result.document
    title = f"{doc.name} ({doc.doc_type}, {doc.pages} page(s), effective {doc.effective_date})"
    table = Table(title=title, title_justify="left")
    for column in ("kind", "values", "clause", "page", "quote"):
        table.add_column(column, overflow="fold")
    numbers = {c.id: c.number or c.heading or c.id for c in result.clauses}
    for term in result.terms:
        clause = numbers.get(term.clause or "", "") if term.clause else ""
        quote = term.quote if len(term.quote) <= 80 else term.quote[:77] + "..."
        table.add_row(term.kind, _attrs(dict(term.attrs)), clause, str(term.span.page), quote)
    caption = list(result.notes) + ([] if result.terms else ["no SLA terms found"])
    if caption:
        table.caption = "; ".join(caption)
    return table
