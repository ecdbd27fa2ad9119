"""The pipeline entry (`extract`, `extract_path`), its quote check, and `slareg extract`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extractor.pipeline as pipeline
from extractor.config import Limits
from extractor.errors import DocumentTooLarge, ExtractionError
from extractor.pipeline import checked_terms, extract, extract_path
from extractor.types import SCHEMA, ReadDocument, Span, Term

TEXT = (
    "SERVICE LEVEL AGREEMENT\n"
    "This SLA is made between Northwind Cloud Ltd and Acme Corporation, effective "
    "1 March 2026.\n"
    "1. Availability\n"
    "1.1 The Service will be available 99.9% of each calendar month.\n"
    "2. Credits\n"
    "2.1 Credits are capped at 50% of the monthly fee.\n"
)


def _fake_terms(doc, clauses, definitions):  # type: ignore[no-untyped-def]
    start = doc.text.index("99.9%")
    good = Term("availability", {"value": 99.9}, Span(1, start, start + 5), "99.9%")
    bad = Term("credit_cap", {"value": 50}, Span(1, start, start + 5), "50%")
    return [good, bad]


def test_extract_builds_the_record(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "_terms_function", lambda: _fake_terms)
    data = TEXT.encode()
    result = extract(data, "sla.txt")
    record = result.to_dict(with_text=True)
    assert record["schema"] == SCHEMA
    document = record["document"]
    assert document["sha256"] == hashlib.sha256(data).hexdigest()
    assert (document["doc_type"], document["effective_date"]) == ("sla", "2026-03-01")
    assert document["parties"] == ["Northwind Cloud Ltd", "Acme Corporation"]
    assert [c["number"] for c in record["clauses"]] == [None, "1", "1.1", "2", "2.1"]
    [term] = record["terms"]  # the term whose quote does not match its span is dropped
    assert term["quote"] == record["text"][term["span"]["start"] : term["span"]["end"]]
    assert term["clause"] == "c3"  # filled in from the clause holding the span
    assert any("dropped" in note for note in record["notes"])


def test_real_terms_quotes_match_the_text() -> None:
    result = extract(TEXT.encode(), "sla.txt")
    for term in result.terms:
        assert result.text[term.span.start : term.span.end] == term.quote
        assert term.clause in {c.id for c in result.clauses}


def test_checked_terms_rejects_bad_spans_and_sets_pages() -> None:
    text = "page one\npage two 99.9%\n"
    doc = ReadDocument(text=text, pages=((0, 9), (9, len(text))), media_type="text/plain")
    notes: list[str] = []
    outside = Term("availability", {"value": 1}, Span(1, 5, 500), "x")
    start = text.index("99.9%")
    wrong_page = Term("availability", {"value": 99.9}, Span(1, start, start + 5), "99.9%")
    [kept] = checked_terms(doc, [], [outside, wrong_page], notes)
    assert kept.span == Span(2, start, start + 5)
    assert notes == ["1 term(s) dropped: quote did not match the text at their span"]


def test_missing_terms_package_means_no_terms(monkeypatch) -> None:
    def missing(name: str):  # type: ignore[no-untyped-def]
        raise ModuleNotFoundError("No module named 'extractor.terms'", name="extractor.terms")

    monkeypatch.setattr(pipeline.importlib, "import_module", missing)
    assert pipeline._terms_function() is None

    def broken(name: str):  # type: ignore[no-untyped-def]
        raise ModuleNotFoundError("No module named 'spacy'", name="spacy")

    monkeypatch.setattr(pipeline.importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        pipeline._terms_function()


def test_extract_path_checks_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "sla.txt"
    path.write_text(TEXT)
    assert extract_path(path).document.name == "sla.txt"
    with pytest.raises(DocumentTooLarge):
        extract_path(path, Limits(max_bytes=10))
    with pytest.raises(ExtractionError, match="missing.pdf"):
        extract_path(tmp_path / "missing.pdf")


def _cli(args: list[str]):  # type: ignore[no-untyped-def]
    from api.cli import app

    return CliRunner().invoke(app, ["extract", *args])


def test_cli_json_object_for_one_file_list_for_several(tmp_path: Path) -> None:
    one, two = tmp_path / "a.txt", tmp_path / "b.md"
    one.write_text(TEXT)
    two.write_text("# Support Policy\n\nWe respond within 1 hour.\n")
    single = _cli([str(one), "--with-text"])
    assert single.exit_code == 0, single.output
    record = json.loads(single.stdout)
    assert record["document"]["name"] == "a.txt" and record["text"].startswith("SERVICE")
    several = json.loads(_cli([str(one), str(two)]).stdout)
    assert [r["document"]["name"] for r in several] == ["a.txt", "b.md"]
    assert "text" not in several[0]


def test_cli_bad_file_reports_and_continues(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.pdf"
    good.write_text(TEXT)
    bad.write_bytes(b"not a pdf at all")
    result = _cli([str(bad), str(good), "--format", "table"])
    assert result.exit_code == 1
    assert "bad.pdf" in result.stderr and "not a PDF" in result.stderr
    assert "good.txt" in result.stdout
