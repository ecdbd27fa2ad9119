"""`slareg eval`: runs the extractor over a corpus dir and prints scores; clear errors."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from api.commands import evaluate as evaluate_command
from extractor.types import DocumentInfo, Extraction, Span, Term

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def app() -> typer.Typer:
    application = typer.Typer()
    evaluate_command.install(application)

    @application.command("noop")
    def noop() -> None:  # a second command keeps "eval" a sub-command
        pass

    return application


def gold_oracle(corpus: Path):
    """An 'extractor' that returns the gold terms: every score must be perfect."""

    def extract(data: bytes, name: str) -> Extraction:
        gold = json.loads((corpus / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        doc = gold["document"]
        terms = tuple(
            Term(t["kind"], {k: v for k, v in t.items() if k not in ("kind", "quote")},
                 Span(1, 0, 0), "")
            for t in gold["terms"]
        )
        info = DocumentInfo(name, "", "", doc["doc_type"], doc["title"], (),
                            doc["effective_date"])
        return Extraction(info, "", terms=terms)

    return extract


def test_eval_with_a_perfect_extractor_scores_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluate_command, "load_extract", lambda: gold_oracle(CORPUS))
    result = CliRunner().invoke(app(), ["eval", str(CORPUS), "--format", "json",
                                        "--per-document"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["overall"]["f1"] == 1.0 and out["overall"]["tp"] > 150
    assert out["doc_type_accuracy"] == 1.0
    assert len(out["documents"]) >= 22 and out["failures"] == []


def test_eval_table_and_a_failing_document(monkeypatch: pytest.MonkeyPatch) -> None:
    oracle = gold_oracle(CORPUS)

    def flaky(data: bytes, name: str) -> Extraction:
        if name == "acme_msa.pdf":
            raise RuntimeError("boom")
        return oracle(data, name)

    monkeypatch.setattr(evaluate_command, "load_extract", lambda: flaky)
    result = CliRunner().invoke(app(), ["eval", str(CORPUS)])
    assert result.exit_code == 1
    assert "overall (micro)" in result.output
    assert "acme_msa.pdf: RuntimeError: boom" in result.output


def test_eval_says_when_the_pipeline_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "extractor.pipeline", None)
    result = CliRunner().invoke(app(), ["eval", str(CORPUS)])
    assert result.exit_code == 2
    assert "extraction pipeline" in result.output


def test_eval_rejects_a_directory_without_manifest(tmp_path: Path) -> None:
    result = CliRunner().invoke(app(), ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "manifest.yaml not found" in result.output


def test_eval_reports_a_broken_gold_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("performance"))
    bad = corpus / "gold" / "acme_msa.pdf.json"
    data = json.loads(bad.read_text())
    data["terms"][0]["kind"] = "uptime"
    bad.write_text(json.dumps(data))
    monkeypatch.setattr(evaluate_command, "load_extract", lambda: gold_oracle(corpus))
    result = CliRunner().invoke(app(), ["eval", str(corpus)])
    assert result.exit_code == 2
    assert "acme_msa.pdf.json" in result.output and "unknown kind 'uptime'" in result.output


def test_eval_rejects_an_unknown_document_filter() -> None:
    result = CliRunner().invoke(app(), ["eval", str(CORPUS), "--document", "nope.pdf"])
    assert result.exit_code == 2
    assert "nope.pdf" in result.output


def test_eval_details_lists_missed_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluate_command, "load_extract", lambda: lambda data, name: Extraction(
        DocumentInfo(name, "", ""), ""))
    result = CliRunner().invoke(app(), ["eval", str(CORPUS), "--details",
                                        "--document", "acme_order_form_2025.pdf"])
    assert result.exit_code == 0
    assert result.output.count("missed") == 2 and "spurious" not in result.output
