"""Effective SLA of a customer with MSA + SLA schedule + order form + two amendments."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.types import Extraction
from mapper.effective import SourceDocument, effective_sla, precedence_order
from tests.mapper.factories import make_extraction, term

MSA_TEXT = """Master Services Agreement
12. Order of Precedence
In case of conflict the following order applies: amendments, order forms, this Agreement, the SLA schedule.
13. Credits cap
Total credits shall not exceed 25% of the monthly fee.
"""  # noqa: E501
SLA_TEXT = """SLA Schedule
1. Availability: the Core API will be available 99.5% of each calendar month.
2. Priority 1 response within 60 minutes. Priority 2 response within 4 hours.
3. Credits: below 99.5%: 10% of the monthly fee; below 99.0%: 25% of the monthly fee.
"""  # noqa: E501
ORDER_TEXT = """Order Form
Service: API Platform (Core). Availability 99.9% per month.
Service credits: below 99.9%: 10% of fees; below 99.0%: 30% of fees; below 95.0%: 50% of fees.
"""  # noqa: E501
AMEND1_TEXT = """Amendment No. 1
Priority 1 response within 30 minutes.
"""  # noqa: E501
AMEND2_TEXT = """Amendment No. 2
Availability for the Core API is 99.95% per month.
"""  # noqa: E501


def _docs() -> dict[str, Extraction]:
    msa = make_extraction(
        "msa.pdf",
        MSA_TEXT,
        [
            term(
                "precedence",
                "the following order applies: amendments, order forms, this Agreement, the SLA schedule",  # noqa: E501
                order=["amendment", "order_form", "msa", "sla"],
            ),
            term("credit_cap", "shall not exceed 25%", value=25, unit="percent"),
        ],
        doc_type="msa",
        effective_date="2025-01-01",
        headings=[("12", "Order of Precedence"), ("13", "Credits cap")],
    )
    sla = make_extraction(
        "sla-schedule.pdf",
        SLA_TEXT,
        [
            term(
                "availability",
                "available 99.5% of each calendar month",
                value=99.5,
                period="monthly",
                service="Core API",
            ),
            term(
                "response_time",
                "Priority 1 response within 60 minutes",
                minutes=60,
                business=False,
                priority_rank=1,
            ),
            term(
                "response_time",
                "Priority 2 response within 4 hours",
                minutes=240,
                business=False,
                priority_rank=2,
            ),
            term("credit_cap", "25% of the monthly fee", value=40, unit="percent"),
            term(
                "credit_tier",
                "below 99.5%: 10%",
                metric="availability",
                lower=99.0,
                upper=99.5,
                credit_percent=10,
            ),
            term(
                "credit_tier",
                "below 99.0%: 25%",
                metric="availability",
                lower=None,
                upper=99.0,
                credit_percent=25,
            ),
        ],
        doc_type="sla",
        effective_date="2025-01-01",
    )
    order = make_extraction(
        "order-form.pdf",
        ORDER_TEXT,
        [
            term(
                "availability",
                "Availability 99.9% per month",
                value=99.9,
                period="monthly",
                service="API Platform (Core)",
            ),
            term(
                "credit_tier",
                "below 99.9%: 10%",
                metric="availability",
                lower=99.0,
                upper=99.9,
                credit_percent=10,
            ),
            term(
                "credit_tier",
                "below 99.0%: 30%",
                metric="availability",
                lower=95.0,
                upper=99.0,
                credit_percent=30,
            ),
            term(
                "credit_tier",
                "below 95.0%: 50%",
                metric="availability",
                lower=None,
                upper=95.0,
                credit_percent=50,
            ),
        ],
        doc_type="order_form",
        effective_date="2025-02-01",
    )
    a1 = make_extraction(
        "amendment-1.pdf",
        AMEND1_TEXT,
        [
            term(
                "response_time",
                "Priority 1 response within 30 minutes",
                minutes=30,
                business=False,
                priority_rank=1,
            ),
        ],
        doc_type="amendment",
        effective_date="2026-03-01",
    )
    a2 = make_extraction(
        "amendment-2.pdf",
        AMEND2_TEXT,
        [
            term(
                "availability",
                "99.95% per month",
                value=99.95,
                period="monthly",
                service="Core API",
            ),
        ],
        doc_type="amendment",
        effective_date="2026-06-01",
    )
    return {"msa": msa, "sla": sla, "order": order, "a1": a1, "a2": a2}


def _sources(a2_status: str = "agreed") -> list[SourceDocument]:
    d = _docs()
    return [
        SourceDocument(d["msa"]),
        SourceDocument(d["sla"]),
        SourceDocument(d["order"]),
        SourceDocument(d["a1"], amends=("sla-schedule.pdf",)),
        SourceDocument(d["a2"], amends=("order-form.pdf",), status=a2_status),
    ]


def test_contract_precedence_clause_is_used() -> None:
    order, source = precedence_order(_sources())
    assert source == "msa.pdf"
    assert order[:4] == ("amendment", "order_form", "msa", "sla")


def test_before_amendments_order_form_beats_sla_schedule() -> None:
    eff = effective_sla(_sources(), dt.date(2026, 1, 15))
    avail = eff.get("availability", service="Core API")
    assert avail is not None and avail.document == "order-form.pdf"
    assert avail.term.get("value") == 99.9
    assert [o.document for o in avail.overrode] == ["sla-schedule.pdf"]
    assert "order-form.pdf" in avail.explain() and "sla-schedule.pdf" in avail.explain()
    p1 = eff.get("response_time", priority_rank=1)
    assert p1 is not None and p1.document == "sla-schedule.pdf" and p1.term.get("minutes") == 60
    assert "amendment-1.pdf" in eff.dropped and "amendment-2.pdf" in eff.dropped


def test_msa_beats_sla_schedule_by_the_contract_clause() -> None:
    eff = effective_sla(_sources(), dt.date(2026, 1, 15))
    cap = eff.get("credit_cap")
    # the default order would make the SLA schedule win; the MSA's own clause puts the MSA first
    assert cap is not None and cap.document == "msa.pdf" and cap.clause == "13"
    assert cap.overrode[0].document == "sla-schedule.pdf" and not cap.overrode[0].same_value


def test_credit_table_is_replaced_whole() -> None:
    eff = effective_sla(_sources(), dt.date(2026, 1, 15))
    tiers = eff.get("credit_tier")
    assert tiers is not None and tiers.document == "order-form.pdf"
    assert sorted(t.get("credit_percent") for t in tiers.terms) == [10, 30, 50]
    assert tiers.overrode[0].document == "sla-schedule.pdf"


def test_amendments_apply_from_their_effective_date() -> None:
    eff = effective_sla(_sources(), dt.date(2026, 7, 1))
    p1 = eff.get("response_time", priority_rank=1)
    assert p1 is not None and p1.document == "amendment-1.pdf" and p1.term.get("minutes") == 30
    assert p1.overrode[0].document == "sla-schedule.pdf"
    avail = eff.get("availability", service="API Platform (Core)")
    assert avail is not None and avail.document == "amendment-2.pdf"
    assert {o.document for o in avail.overrode} == {"order-form.pdf", "sla-schedule.pdf"}
    p2 = eff.get("response_time", priority_rank=2)
    assert p2 is not None and p2.document == "sla-schedule.pdf"


def test_superseded_amendment_drops_out() -> None:
    eff = effective_sla(_sources(a2_status="superseded"), dt.date(2026, 7, 1))
    avail = eff.get("availability", service="Core API")
    assert avail is not None and avail.document == "order-form.pdf"
    assert eff.dropped["amendment-2.pdf"] == "status superseded"


def test_supersedes_link_drops_the_older_document() -> None:
    d = _docs()
    a3 = make_extraction(
        "amendment-3.pdf",
        "Amendment No. 3\nPriority 1 response within 15 minutes.\n",
        [
            term(
                "response_time",
                "Priority 1 response within 15 minutes",
                minutes=15,
                business=False,
                priority_rank=1,
            ),
        ],
        doc_type="amendment",
        effective_date="2026-09-01",
    )
    sources = [*_sources(), SourceDocument(a3, supersedes=("amendment-1.pdf",))]
    eff = effective_sla(sources, dt.date(2026, 10, 1))
    p1 = eff.get("response_time", priority_rank=1)
    assert p1 is not None and p1.document == "amendment-3.pdf"
    assert "superseded by amendment-3.pdf" in eff.dropped["amendment-1.pdf"]
    assert d["a1"].document.name not in eff.in_force


def test_every_effective_term_names_its_source() -> None:
    eff = effective_sla(_sources(), dt.date(2026, 7, 1))
    assert eff.terms
    for t in eff.terms:
        assert t.document in eff.in_force
        assert t.quote and t.quote in {x.quote for x in t.terms}


@pytest.mark.parametrize("as_of", [dt.date(2024, 1, 1)])
def test_nothing_in_force_before_the_contract(as_of: dt.date) -> None:
    eff = effective_sla(_sources(), as_of)
    assert eff.terms == () and set(eff.dropped) >= {"msa.pdf", "order-form.pdf"}


def test_later_document_of_one_type_wins() -> None:
    d = _docs()
    newer = make_extraction(
        "order-form-2.pdf",
        "Order Form 2\nAvailability 99.8% per month.\n",
        [
            term(
                "availability",
                "Availability 99.8% per month",
                value=99.8,
                period="monthly",
                service="Core API",
            ),
        ],
        doc_type="order_form",
        effective_date="2025-06-01",
    )
    eff = effective_sla([SourceDocument(d["order"]), SourceDocument(newer)], dt.date(2025, 7, 1))
    avail = eff.get("availability", service="Core API")
    assert avail is not None and avail.document == "order-form-2.pdf"
    # without the contract's clause the default order applies
    assert eff.precedence_source == "default"


def test_service_specific_term_and_general_fallback() -> None:
    eff = effective_sla(_sources(), dt.date(2026, 7, 1))
    # no general availability term exists: a service without its own term gets nothing
    assert eff.get("availability", service="Billing API") is None
    # response times are general: every service gets them
    p2 = eff.get("response_time", service="Billing API", priority_rank=2)
    assert p2 is not None and p2.document == "sla-schedule.pdf"
