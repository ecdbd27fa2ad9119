"""CLI command: `slareg eval [DIR]` scores the extractor against the corpus gold annotations."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
import yaml
from rich.console import Console
from rich.table import Table

from extractor.evaluation import (
    Counts,
    Evaluation,
    GoldDocument,
    GoldFormatError,
    evaluate,
    gold_from_dict,
)
from extractor.types import DocumentInfo, Extraction

ExtractFn = Callable[[bytes, str], Extraction]


class CorpusError(Exception):
    """The corpus directory is not usable; the message says what to fix."""


def _fail(message: str) -> None:
    typer.echo(f"slareg eval: {message}", err=True)
    raise typer.Exit(code=2)


def load_extract() -> ExtractFn:
    """The extractor's entry point, or a CorpusError saying it is not there yet."""
    try:
        from extractor.pipeline import extract
    except ImportError as exc:
        raise CorpusError(
            f"the extraction pipeline (extractor.pipeline.extract) cannot be imported ({exc}); "
            "install slareg completely or run from the repository root with PYTHONPATH set"
        ) from exc
    return lambda data, name: extract(data, name)


def load_manifest(corpus: Path) -> list[dict[str, Any]]:
    path = corpus / "manifest.yaml"
    if not path.is_file():
        raise CorpusError(
            f"{path} not found; give the corpus directory (the one with manifest.yaml)"
        )
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("documents")
    if not isinstance(entries, list):
        raise CorpusError(f"{path}: expected a 'documents' list")
    return entries


def load_gold(corpus: Path, file: str) -> GoldDocument:
    path = corpus / "gold" / f"{file}.json"
    if not path.is_file():
        raise CorpusError(f"{path} not found; every manifest entry needs a gold annotation")
    try:
        return gold_from_dict(json.loads(path.read_text(encoding="utf-8")), name=file)
    except (json.JSONDecodeError, GoldFormatError) as exc:
        raise CorpusError(f"{path}: {exc}") from exc


def run_corpus(
    corpus: Path, extract: ExtractFn, only: list[str] | None = None
) -> tuple[Evaluation, list[str]]:
    """Extract every manifest document and score it. A document whose extraction raises is
    scored as if nothing was found, and its error is returned in the failures list."""
    pairs = []
    failures: list[str] = []
    entries = load_manifest(corpus)
    unknown = set(only or ()) - {str(e.get("file")) for e in entries}
    if unknown:
        raise CorpusError(f"not in {corpus / 'manifest.yaml'}: {', '.join(sorted(unknown))}")
    for entry in entries:
        file = str(entry["file"])
        if only and file not in only:
            continue
        document = corpus / "documents" / file
        if not document.is_file():
            raise CorpusError(f"{document} is listed in the manifest but missing")
        gold = load_gold(corpus, file)
        try:
            extraction = extract(document.read_bytes(), file)
        except Exception as exc:  # noqa: BLE001 - one failing document must not hide the rest
            failures.append(f"{file}: {type(exc).__name__}: {exc}")
            extraction = Extraction(DocumentInfo(name=file, sha256="", media_type=""), text="")
        pairs.append((gold, extraction))
    return evaluate(pairs), failures


def _row(label: str, c: Counts) -> list[str]:
    return [
        label,
        str(c.tp),
        str(c.fp),
        str(c.fn),
        f"{c.precision:.3f}",
        f"{c.recall:.3f}",
        f"{c.f1:.3f}",
    ]


def _counts_table(title: str, rows: list[list[str]]) -> Table:
    table = Table(title=title)
    for name in ("", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if not name else "right")
    for row in rows:
        table.add_row(*row)
    return table


def print_tables(result: Evaluation, console: Console, *, per_document: bool) -> None:
    rows = [_row(kind, c) for kind, c in sorted(result.by_kind.items())]
    rows.append(_row("overall (micro)", result.overall))
    console.print(_counts_table("Terms by kind", rows))
    if per_document:
        doc_rows = [_row(d.name, d.overall) for d in result.documents]
        console.print(_counts_table("Terms by document", doc_rows))
    summary = result.to_dict(per_document=False)
    console.print(
        f"doc_type accuracy {summary['doc_type_accuracy']:.3f}, "
        f"effective_date accuracy {summary['effective_date_accuracy']:.3f}, "
        f"quote/span mismatches {len(result.quote_mismatches)}"
    )
    for m in result.quote_mismatches:
        console.print(f"  {m.document} {m.kind}: quote {m.quote!r} != text {m.found!r}")


def _brief(term: Any) -> str:
    skip = ("kind", "quote", "span", "clause", "confidence")
    fields = ", ".join(f"{k}={v!r}" for k, v in term.items() if k not in skip)
    return f"{term['kind']}({fields}) {term.get('quote', '')!r}"


def print_details(result: Evaluation, console: Console) -> None:
    """Every missed gold term and every spurious prediction, per document."""
    for doc in result.documents:
        for term in doc.missed:
            console.print(f"[red]missed[/red]   {doc.name}: {_brief(term)}", highlight=False)
        for term in doc.spurious:
            console.print(f"[yellow]spurious[/yellow] {doc.name}: {_brief(term)}", highlight=False)


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""

    @app.command("eval")
    def eval_command(
        corpus: Path = typer.Argument(Path("corpus"), help="Corpus directory (manifest.yaml)."),
        output_format: str = typer.Option("table", "--format", help="table or json"),
        per_document: bool = typer.Option(False, "--per-document", help="Score each document."),
        document: list[str] = typer.Option(None, "--document", help="Only this file (repeatable)."),
        details: bool = typer.Option(False, "--details", help="List missed and spurious terms."),
    ) -> None:
        """Score the extractor against the corpus gold annotations (precision, recall, F1)."""
        if output_format not in ("table", "json"):
            _fail(f"unknown --format {output_format!r}; use table or json")
        try:
            result, failures = run_corpus(corpus, load_extract(), document or None)
        except CorpusError as exc:
            _fail(str(exc))
            return
        if output_format == "json":
            out = result.to_dict(per_document=per_document)
            out["failures"] = failures
            typer.echo(json.dumps(out, indent=2))
        else:
            console = Console()
            print_tables(result, console, per_document=per_document)
            if details:
                print_details(result, console)
        for failure in failures:
            typer.echo(f"slareg eval: extraction failed for {failure}", err=True)
        if failures:
            raise typer.Exit(code=1)
