"""Document facts: type, title, parties, effective date."""

from __future__ import annotations

import pytest

from extractor.clauses import text_to_clauses
from extractor.facts import classify, document_facts, find_effective_date, find_parties, tidy_title
from extractor.types import DocumentInfo, ReadDocument


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
    assert find_parties(
        "This is made between Acme Corporation, a Delaware corporation, and Northwind Cloud Ltd."
    ) == ["Acme Corporation", "Northwind Cloud Ltd"]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ('made as of 1 January 2025 (the "Effective Date") between', "2025-01-01"),
        ("is made on 15 February 2026 and takes effect on 1 March 2026", "2026-03-01"),
        ("Effective Date: 2026-06-01", "2026-06-01"),
        ("effective June 3rd, 2026 for all customers", "2026-06-03"),
        (
            "under the Agreement dated 1 January 2025. Order Start Date | 1 January 2026",
            "2026-01-01",
        ),
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


@pytest.mark.parametrize(
    ("title", "opening", "expected"),
    [
        # plural and schedule forms of a service level title
        ("Schedule 3 - Managed Desktop Service Levels", "", "sla"),
        ("Managed Network Services - Service Level Terms", "", "sla"),
        ("Operations - Service Targets", "In force from 1 May 2028.", "sla"),
        ("Uptime, Maintenance and Support Commitments", "", "sla"),
        ("Regional KPIs", "", "sla"),
        # the leftmost type phrase of a title wins
        ("Support Plans and Service Level Targets", "", "support_policy"),
        ("Helpdesk Support Service Level Agreement", "", "sla"),
        ("Technical Support Guidelines", "", "support_policy"),
        ("Premier Support Services Description", "", "support_policy"),
        ("Enterprise Support Terms", "", "support_policy"),
        ("Cloud Support Offerings", "", "support_policy"),
        ("Deed of Variation No. 3", "", "amendment"),
        ("Sales Order SO-1182", "", "order_form"),
        ("Software License Agreement", "", "msa"),
        ("Acceptable Use Policy", "This Acceptable Use Policy applies; you shall not.", "other"),
        # strong title evidence over body mentions
        ("Master Services Agreement", "Each Order Form and this Amendment process.", "msa"),
        ("Order Form 7", "This Master Services Agreement applies.", "order_form"),
        # weak "... Terms" titles: an agreement body is an MSA, service levels only an SLA
        ("Backup Service Terms", "Service levels: 99% success. Credits of 5% of the fee.", "sla"),
        ("Enterprise Cloud Terms", "Fees are payable monthly. Availability 99.9%.", "msa"),
        # an addendum is an amendment only when it changes the agreement's service levels
        (
            "Premium Support Addendum",
            "If this Addendum and the Agreement conflict, this Addendum governs. Response times:",
            "amendment",
        ),
        (
            "Support Addendum",
            "This Addendum adds Premium Support to Customer's subscription. Response times:",
            "amendment",
        ),
        (
            "Support Addendum",
            "This Addendum describes Premium Support. Response times: P1 1 hour.",
            "support_policy",  # changes nothing: read as the support terms it describes
        ),
        (
            "Security Addendum",
            "This Addendum forms part of each agreement; it shall apply.",
            "other",
        ),
        (
            "Data Processing Addendum",
            "In the event of a conflict, this Addendum prevails over the Agreement.",
            "other",
        ),
        # marketing titles win over the SLA words they contain
        ("Uptime Guarantee - Frequently Asked Questions", "We guarantee 99.9%.", "marketing"),
        ("Core API - Plans and Pricing", "", "marketing"),
        # self-references when the title says nothing
        ("Overview", "These Enterprise Support Terms apply to S1 cases.", "support_policy"),
        ("Overview", "This SLA applies to the Core API.", "sla"),
        ("Overview", "This Agreement is governed by the laws of England.", "other"),
    ],
)
def test_classify_general_rules(title: str, opening: str, expected: str) -> None:
    assert classify(title, opening) == expected


def test_undated_web_page_without_contract_language_is_marketing() -> None:
    page = "Acme Cloud builds for uptime. Here is what each plan commits to."
    assert classify("Reliability at Acme", page, "text/markdown") == "marketing"
    dated = "Effective 1 June 2027. Priority 1 tickets get a response in 30 minutes."
    assert classify("How Acme Support Prioritises Your Tickets", dated, "text/html") == (
        "support_policy"
    )
    assert classify("Reliability at Acme", dated, "text/html") == "other"


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Effective: June 1, 2026", "2026-06-01"),
        ("Effective from: 1 March 2026", "2026-03-01"),
        ("Last Updated: Sept. 1, 2026", "2026-09-01"),
        ("effective 30 days after notice", None),
        ("Last updated 5 January 2028. Published by Acme Ltd.", "2028-01-05"),
        ("Last updated: 5 January 2028. Effective 1 February 2028.", "2028-02-01"),
        ("Acme Ltd. In force from 1 May 2028.", "2028-05-01"),
        ('This Addendum, issued by Acme Ltd ("Acme") on 15 January 2026, forms part', "2026-01-15"),
        ("Date of this Schedule: 1 March 2027", "2027-03-01"),
        ("Version 3.0, effective 1 May 2027", "2027-05-01"),
        ("These terms apply from 1 October 2027.", "2027-10-01"),
        ("effective as of the 1st day of March, 2026", "2026-03-01"),
        ("Effective Date: 01-Mar-2026", "2026-03-01"),
        ("Effective Date: 2026/03/01", "2026-03-01"),
        ("Effective Date: 25/03/2026", "2026-03-25"),
        ("Effective Date: 03/25/2026", "2026-03-25"),
        ("Effective Date: 01/03/2026", None),  # 1 March or 3 January: not guessed
        ("Effective Date: 13/13/2026", None),
        ("under the Master Services Agreement dated 1 July 2025.", None),
        ("Version 4.2 released to customers", None),
    ],
)
def test_effective_date_forms_and_cues(opening: str, expected: str | None) -> None:
    assert find_effective_date(opening) == expected


def test_parties_roles_decide_the_provider() -> None:
    placed = 'This Order Form is placed by Globex Ltd ("Globex") with Northwind Cloud Ltd.'
    assert find_parties(placed) == ["Northwind Cloud Ltd", "Globex Ltd"]
    bracketed = 'between Initech Inc ("Customer") and Northwind Cloud Ltd ("Supplier").'
    assert find_parties(bracketed) == ["Northwind Cloud Ltd", "Initech Inc"]
    plain = "between Northwind Cloud Ltd and Initech Inc."
    assert find_parties(plain) == ["Northwind Cloud Ltd", "Initech Inc"]


def test_parties_drop_sentence_words_and_markdown() -> None:
    assert find_parties("While Northwind Cloud Ltd provides the service") == ["Northwind Cloud Ltd"]
    assert find_parties("_Northwind Cloud Ltd · Published 1 April 2027_") == ["Northwind Cloud Ltd"]
    assert find_parties("Build on a platform engineered for reliability.") == []


def test_tidy_title_keeps_separators_and_repairs_mojibake() -> None:
    assert (
        tidy_title("Schedule 4 \u2013 IT Service Levels") == "Schedule 4 \u2013 IT Service Levels"
    )
    assert tidy_title("Operations \u00e2\u0080\u0093 Service Targets") == (
        "Operations \u2013 Service Targets"
    )
    assert tidy_title("Caf\u00e9 Terms") == "Caf\u00e9 Terms"  # real Latin-1 text is left alone


def _facts(text: str, media_type: str = "text/plain") -> DocumentInfo:
    doc = ReadDocument(text=text, pages=((0, len(text)),), media_type=media_type)
    clauses, _ = text_to_clauses(doc)
    return document_facts(doc, clauses, "d.txt", "00" * 32)


def test_plain_text_title_is_the_first_line_not_a_clause_heading() -> None:
    text = (
        "Hosted Email Service Level Agreement\nNorthwind Cloud Ltd\nEffective: 1 November 2027\n"
        "\n1. Availability\nThe service is available 99.9% of the time.\n"
    )
    info = _facts(text)
    assert info.title == "Hosted Email Service Level Agreement"
    assert (info.doc_type, info.effective_date) == ("sla", "2027-11-01")
    numbered = _facts("1. Availability\nThe service is available 99.9% of the time.\n")
    assert numbered.title == "Availability"


def test_marketing_page_has_no_effective_date() -> None:
    text = "Plans and Pricing\nStart free! Talk to sales. Effective 1 May 2027 prices rise.\n"
    info = _facts(text, "text/html")
    assert info.doc_type == "marketing"
    assert info.effective_date is None
