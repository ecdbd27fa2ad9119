"""CLI command: ingest documents into the register (each file its own transaction)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from api.context import (
    acting_user,
    console,
    err_console,
    fail,
    handle_errors,
    limits_for,
    session_scope,
)
from extractor.errors import ExtractionError
from mapper.errors import MapperError
from mapper.template import load_template
from register.errors import RegisterError
from register.ingest import IngestOutcome, ingest_file


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""
    app.command("ingest")(ingest)


def _one(
    path: Path,
    customer: str,
    service: str | None,
    as_user: str | None,
    template: object,
    lint: bool,
) -> IngestOutcome:
    limits = limits_for()
    if path.stat().st_size > limits.max_bytes:
        raise RegisterError(f"{path.name}: larger than the {limits.max_bytes} byte limit")
    with session_scope() as session:
        return ingest_file(
            session,
            actor=acting_user(session, as_user),
            data=path.read_bytes(),
            name=path.name,
            customer=customer,
            service=service,
            limits=limits,
            template=template,
            lint=lint,
        )


@handle_errors
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Documents (PDF, DOCX, TXT, MD, HTML).")],
    customer: Annotated[str, typer.Option(help="The customer these documents belong to.")],
    service: Annotated[str | None, typer.Option(help="Service of terms that name none.")] = None,
    template: Annotated[
        Path | None, typer.Option(help="SLA template YAML (default: the standard one).")
    ] = None,
    lint: Annotated[bool, typer.Option(help="Record findings against the template.")] = True,
    as_user: Annotated[str | None, typer.Option("--as", help="Act as this register user.")] = None,
) -> None:
    """Store documents, their proposed SLA entries and findings in the register.

    The same bytes again are a no-op that says so; a file that fails is reported and the
    others still land. Exit 1 when any file failed."""
    try:
        tmpl = load_template(template) if template else None
    except MapperError as exc:
        raise fail(str(exc)) from None
    failed = 0
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("ingesting", total=len(files))
        for path in files:
            bar.update(task, description=f"ingesting {path.name}")
            try:
                out = _one(path, customer, service, as_user, tmpl, lint)
            except (ExtractionError, RegisterError, OSError) as exc:
                failed += 1
                err_console.print(f"[bold red]failed:[/] {path}: {exc}", highlight=False)
            else:
                _report(path, out)
            bar.advance(task)
    if failed:
        raise fail(f"{failed} of {len(files)} files failed; the others were stored")


def _report(path: Path, out: IngestOutcome) -> None:
    if not out.created:
        console.print(f"[yellow]unchanged:[/] {path.name} is document {out.document.id} already")
        return
    errors = sum(f.severity == "error" for f in out.findings)
    console.print(
        f"[green]stored:[/] {path.name} as document {out.document.id} "
        f"({out.document.doc_type}): {len(out.entries)} proposed entries, "
        f"{len(out.findings)} findings ({errors} errors)"
    )
    for note in out.notes:
        console.print(f"  note: {note}")
