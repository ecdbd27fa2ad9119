"""Document facts: type, title, parties, effective date."""

from __future__ import annotations

import pytest

from extractor.clauses import text_to_clauses
from extractor.facts import classify, document_facts, find_effective_date, find_parties, tidy_title
from extractor.types import ReadDocument


@pytest.mark.parametrize(
    ("title", "opening", "expected"),
    [
        ("Amendment No. 2 to the Master Services Agreement", "", "amendment"),
        ("Order Form NW-001", "This Order Form is entered into under the MSA.", "order_form"),
        ("Schedule 2 - Service Level Schedule", "", "sla"),
        ("Cloud SLA", "", "sla"),
        ("Standard Support Policy", "", "support_policy"),
        ("Master Services Agreement", "", "msa"),
        ("Enterprise Cloud Terms", "", "msa"),
        ("Untitled", "This Master Services Agreement is made between A Ltd and B Inc.", "msa"),
        ("Pricing", "Start your free trial today! Talk to sales.", "marketing"),
        ("Security Addendum", "This Addendum shall apply to personal data.", "other"),
    ],
)
def test_classify(title: str, opening: str, expected: str) -> None:
    assert classify(title, opening) == expected


def test_html_page_without_contract_language_is_marketing() -> None:
    assert classify("Reliable APIs", "Build on our platform.", "text/html") == "marketing"
    assert classify("Reliable APIs", "The parties agree.", "text/html") == "other"


def test_parties_labelled_and_by_legal_suffix() -> None:
    opening = (
        "Customer: Initech Inc, Austin\nProvider: Northwind Cloud Ltd ('Northwind')\n"
        "This agreement between Northwind Cloud Ltd and Initech Inc also names Globex GmbH."
    )
    assert find_parties(opening) == ["Northwind Cloud Ltd", "Initech Inc", "Globex GmbH"]
    assert find_parties("This is made between Acme Corporation, a Delaware corporation, and "
                        "Northwind Cloud Ltd.") == ["Acme Corporation", "Northwind Cloud Ltd"]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ('made as of 1 January 2025 (the "Effective Date") between', "2025-01-01"),
        ("is made on 15 February 2026 and takes effect on 1 March 2026", "2026-03-01"),
        ("Effective Date: 2026-06-01", "2026-06-01"),
        ("effective June 3rd, 2026 for all customers", "2026-06-03"),
        ("under the Agreement dated 1 January 2025. Order Start Date | 1 January 2026",
         "2026-01-01"),
        ("Issued: 1 March 2026", "2026-03-01"),
        ("effective 31 February 2026", None),
        ("no date here", None),
    ],
)
def test_effective_date(opening: str, expected: str | None) -> None:
    assert find_effective_date(opening) == expected


def test_tidy_title() -> None:
    assert tidy_title("Master Services Agreement - Globex Ltd") == "Master Services Agreement"
    assert tidy_title("Northwind Cloud Ltd - Credit Procedure") == "Credit Procedure"
    expected = "First Amendment to Schedule A (SLA)"
    assert tidy_title("FIRST AMENDMENT TO SCHEDULE A (SLA)") == expected


def test_document_facts_skips_a_letterhead_line() -> None:
    text = "NORTHWIND CLOUD LTD\nSTANDARD SERVICE COMMITMENT\nIssued: 1 March 2026\n1. Scope\n"
    doc = ReadDocument(text=text, pages=((0, len(text)),), media_type="text/plain")
    clauses, _ = text_to_clauses(doc)
    info = document_facts(doc, clauses, "c.txt", "ab" * 32)
    assert info.title == "Standard Service Commitment"
    assert info.doc_type == "sla"
    assert info.parties == ("Northwind Cloud Ltd",)
    assert info.effective_date == "2026-03-01"
    assert (info.name, info.sha256, info.pages) == ("c.txt", "ab" * 32, 1)
