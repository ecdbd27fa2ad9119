"""CLI command: `slareg lint FILE...` — the pre-signature check of a document set."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy import select

from api.context import session_scope
from extractor.errors import ExtractionError
from extractor.pipeline import extract
from extractor.types import Extraction
from mapper.annotate_docx import annotate_docx
from mapper.errors import MapperError
from mapper.lint import lint_documents
from mapper.template import load_template
from mapper.types import Finding, FindingsReport
from register.ingest import customer_extractions
from register.models import Customer

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def lint_files(
    paths: Sequence[Path],
    *,
    template: Path | None = None,
    context: Sequence[Extraction] = (),
) -> tuple[list[Extraction], FindingsReport]:
    """Extract each file and lint them as one customer's set (library entry for the CLI)."""
    extractions = [extract(p.read_bytes(), p.name) for p in paths]
    report = lint_documents(extractions, template=load_template(template), context=context)
    return extractions, report


def _fail(message: str, code: int = 2) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code)


def _customer_context(customer: str | None) -> Sequence[Extraction]:
    if not customer:
        return ()
    with session_scope() as session:
        known = session.execute(select(Customer.id).where(Customer.name == customer)).scalar()
        if known is None:
            raise _fail(f"no customer named {customer!r} in the register")
        return customer_extractions(session, customer=customer)


def lint(
    files: list[Path] = typer.Argument(
        ...,
        exists=True,
        dir_okay=False,
        readable=True,
        help="Documents of one customer (PDF, DOCX, TXT, MD, HTML).",
    ),
    customer: str | None = typer.Option(
        None, help="Also compare with this customer's documents in the register."
    ),
    template: Path | None = typer.Option(
        None,
        exists=True,
        dir_okay=False,
        help="SLA template YAML (default: the standard template).",
    ),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", help="text or json."),
    docx_out: Path | None = typer.Option(
        None,
        "--docx-out",
        help="Write the (single DOCX) draft with every finding as a Word comment.",
    ),
) -> None:
    """Check documents against the standard template: missing elements, unmeasurable
    language, inconsistencies, deviations and conflicts. Exit 1 when any error-level finding."""
    if docx_out and (len(files) != 1 or files[0].suffix.lower() != ".docx"):
        raise _fail("--docx-out needs exactly one .docx file to annotate")
    note = ""
    try:
        _, report = lint_files(files, template=template, context=_customer_context(customer))
        if docx_out:
            annotated = annotate_docx(files[0].read_bytes(), report.findings)
            docx_out.write_bytes(annotated.data)
            note = f"wrote {docx_out}: {len(report.findings)} comments"
            if annotated.unplaced:
                note += f" ({len(annotated.unplaced)} quotes not located, put on the title)"
    except (ExtractionError, MapperError, OSError) as exc:
        raise _fail(str(exc)) from exc
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_report(report, Console())
    if note:
        Console(stderr=True).print(escape(note))
    raise typer.Exit(1 if report.has_errors else 0)


def print_report(report: FindingsReport, console: Console) -> None:
    """Findings grouped by document: one print per document (thousands of findings in a
    long draft render in a fraction of a second)."""
    for info in report.documents:
        found = [f for f in report.findings if f.document == info.name]
        errors = sum(f.severity == "error" for f in found)
        console.rule(
            f"[bold]{escape(info.name)}[/] ({info.doc_type}) — "
            f"{len(found)} findings, {errors} errors"
        )
        if found:
            lines = [line for f in found for line in _finding_lines(f)]
            console.print("\n".join(lines), highlight=False, soft_wrap=True)
    total = len(report.findings)
    errors = sum(f.severity == "error" for f in report.findings)
    console.print(f"\n{total} findings, {errors} errors" if total else "\nno findings")


def _finding_lines(f: Finding) -> list[str]:
    style = STYLE[f.severity]
    where = f" p.{f.span.page}" if f.span else ""
    lines = [
        f"[{style}]{f.severity.upper():7}[/] {f.rule} {f.category}{where}: {escape(f.message)}"
    ]
    if f.quote:
        lines.append(f"         [dim]\u201c{escape(_short(f.quote))}\u201d[/]")
    lines.extend(
        f"         [dim]vs {escape(rel.document)}: \u201c{escape(_short(rel.quote))}\u201d[/]"
        for rel in f.related
    )
    if f.suggestion:
        lines.append(f"         [green]\u2192 {escape(f.suggestion)}[/]")
    return lines


def _short(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""
    app.command("lint")(lint)
