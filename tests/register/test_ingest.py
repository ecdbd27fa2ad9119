"""Ingest: a missing element is one finding per customer, closed when a later document
of the set provides it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from register import services
from register.ingest import ingest_file
from tests.register import factories

MSA = b"""MASTER SERVICES AGREEMENT
1. Availability
1.1 The Service will be available 99.9% of the time in each calendar month.
"""
ORDER = b"""ORDER FORM
1. Support
1.1 Priority 1 incidents receive a response within 30 minutes, 24x7.
"""
SCHEDULE = b"""SLA SCHEDULE
1. Service Review
1.1 The parties will review service performance quarterly.
"""


def _open_rules(session: Session, customer_id: int) -> list[str]:
    return [
        f.rule
        for f in services.list_findings(session, customer_id=customer_id, status="open")
        if f.category == "missing"
    ]


def test_missing_element_is_one_finding_and_closes_when_provided(session: Session) -> None:
    legal = factories.user(session, "legal")
    first = ingest_file(session, actor=legal, data=MSA, name="msa.txt", customer="Acme")
    customer_id = first.document.customer_id
    assert customer_id is not None
    review_rule = "SLA-M015"
    assert _open_rules(session, customer_id).count(review_rule) == 1
    ingest_file(session, actor=legal, data=ORDER, name="order.txt", customer="Acme")
    assert _open_rules(session, customer_id).count(review_rule) == 1  # not recorded twice
    last = ingest_file(session, actor=legal, data=SCHEDULE, name="sla.txt", customer="Acme")
    assert review_rule not in _open_rules(session, customer_id)
    resolved = services.list_findings(session, customer_id=customer_id, status="resolved")
    closed = [f for f in resolved if f.rule == review_rule]
    assert len(closed) == 1 and "sla.txt" in (closed[0].resolution_note or "")
    assert any(review_rule in n for n in last.notes)
