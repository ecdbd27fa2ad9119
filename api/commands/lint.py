"""CLI command: `slareg lint FILE...` — the pre-signature check of a document set.

The register (SQLAlchemy, migrations) and python-docx are imported only when `--customer`
or `--docx-out` asks for them: a plain lint does not pay their start-up time."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from api.extract_beside import extract_files
from extractor.errors import ExtractionError
from extractor.types import Extraction
from mapper.errors import MapperError
from mapper.lint import lint_documents
from mapper.template import load_template
from mapper.types import Finding, FindingsReport

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def lint_files(
    paths: Sequence[Path],
    *,
    template: Path | None = None,
    context: Sequence[Extraction] = (),
    workers: int = 1,
) -> tuple[list[Extraction], FindingsReport]:
    """Extract each file and lint them as one customer's set (library entry for the CLI).
    `workers` 2: extraction in a second process beside the measurability work."""
    extractions = extract_files(paths, workers=workers)
    report = lint_documents(extractions, template=load_template(template), context=context)
    return extractions, report


def _fail(message: str, code: int = 2) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code)


def _customer_context(customer: str | None) -> Sequence[Extraction]:
    if not customer:
        return ()
    from sqlalchemy import select

    from api.context import session_scope
    from register.ingest import customer_extractions
    from register.models import Customer

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
    jobs: int = typer.Option(
        min(2, os.cpu_count() or 1),
        "--jobs",
        "-j",
        min=1,
        help="Processes to use: 2 extracts a long document beside the language checks.",
        show_default="2 on a machine with 2+ cores",
    ),
) -> None:
    """Check documents against the standard template: missing elements, unmeasurable
    language, inconsistencies, deviations and conflicts. Exit 1 when any error-level finding."""
    if docx_out and (len(files) != 1 or files[0].suffix.lower() != ".docx"):
        raise _fail("--docx-out needs exactly one .docx file to annotate")
    note = ""
    try:
        _, report = lint_files(
            files, template=template, context=_customer_context(customer), workers=jobs
        )
        if docx_out:
            from mapper.annotate_docx import annotate_docx

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
    """Findings grouped by document. On a terminal the severities and suggestions are
    coloured (rich text built directly, no markup to parse); elsewhere (a file, a pipe)
    the lines are written as they are: thousands of findings in a long draft print in a
    few hundredths of a second."""
    for info in report.documents:
        found = [f for f in report.findings if f.document == info.name]
        errors = sum(f.severity == "error" for f in found)
        console.rule(
            f"[bold]{escape(info.name)}[/] ({info.doc_type}) — "
            f"{len(found)} findings, {errors} errors"
        )
        if not found:
            continue
        pieces = [_finding_pieces(f) for f in found]
        if console.is_terminal:
            text = Text("\n").join(Text.assemble(*p) for p in pieces)
            console.print(text, highlight=False, soft_wrap=True)
        else:
            plain = "\n".join("".join(x if isinstance(x, str) else x[0] for x in p) for p in pieces)
            console.file.write(plain + "\n")
    total = len(report.findings)
    errors = sum(f.severity == "error" for f in report.findings)
    console.print(f"\n{total} findings, {errors} errors" if total else "\nno findings")


def _finding_pieces(f: Finding) -> list[str | tuple[str, str]]:
    """The lines of one finding as (text, style) pieces."""
    where = f" p.{f.span.page}" if f.span else ""
    parts: list[str | tuple[str, str]] = [
        (f"{f.severity.upper():7}", STYLE[f.severity]),
        f" {f.rule} {f.category}{where}: {f.message}",
    ]
    if f.quote:
        parts.append(("\n         \u201c" + _short(f.quote) + "\u201d", "dim"))
    parts.extend(
        (f"\n         vs {rel.document}: \u201c{_short(rel.quote)}\u201d", "dim")
        for rel in f.related
    )
    if f.suggestion:
        parts.append((f"\n         \u2192 {f.suggestion}", "green"))
    return parts


def _short(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""
    app.command("lint")(lint)
