"""Findings of the mapper, stored per customer/document, resolved or waived by people."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from register import audit
from register.errors import InvalidInput, InvalidState, NotFound, StaleVersion
from register.models import Customer, Document, Finding, User, utcnow
from register.permissions import require

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("missing", "unmeasurable", "inconsistent", "deviation", "conflict")


def finding_snapshot(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "document_id": f.document_id,
        "customer_id": f.customer_id,
        "quote": f.quote,
        "status": f.status,
        "resolution_note": f.resolution_note,
    }


def record_findings(
    session: Session,
    *,
    actor: User,
    findings: Iterable[Mapping[str, Any]],
    customer: Customer | None = None,
    document: Document | None = None,
) -> list[Finding]:
    """Store Finding records (DESIGN.md's finding dicts) as open findings."""
    require(actor, "finding.record")
    rows = []
    for data in findings:
        if data.get("severity") not in SEVERITIES or data.get("category") not in CATEGORIES:
            raise InvalidInput(f"finding {data.get('rule')!r}: bad severity or category")
        row = Finding(
            rule=str(data["rule"]),
            category=data["category"],
            severity=data["severity"],
            message=str(data.get("message", "")),
            suggestion=data.get("suggestion"),
            customer_id=customer.id if customer else None,
            document_id=document.id if document else None,
            span=data.get("span"),
            quote=data.get("quote"),
            related=list(data.get("related") or []),
            entry_ids=list(data.get("entry_ids") or []),
        )
        session.add(row)
        rows.append(row)
    session.flush()
    for row in rows:
        audit.append(
            session,
            actor=actor,
            action="finding.record",
            entity_type="finding",
            entity_id=row.id,
            after=finding_snapshot(row),
        )
    return rows


def list_findings(
    session: Session, *, customer_id: int | None = None, status: str | None = None
) -> list[Finding]:
    query = select(Finding).order_by(Finding.id)
    if customer_id is not None:
        query = query.where(Finding.customer_id == customer_id)
    if status is not None:
        query = query.where(Finding.status == status)
    return list(session.execute(query).scalars())


def resolve_finding(
    session: Session,
    *,
    actor: User,
    finding_id: int,
    note: str,
    waive: bool = False,
    expected_version: int | None = None,
) -> Finding:
    """Close an open finding as resolved, or waived (accepted as it is), with a note."""
    require(actor, "finding.waive" if waive else "finding.resolve")
    if not note or not note.strip():
        raise InvalidInput("resolving or waiving a finding needs a note saying why")
    finding = session.get(Finding, finding_id)
    if finding is None:
        raise NotFound("finding", finding_id)
    if expected_version is not None and finding.row_version != expected_version:
        raise StaleVersion("finding", finding_id, None, None)
    if finding.status != "open":
        raise InvalidState(f"finding {finding_id} is {finding.status} already")
    before = finding_snapshot(finding)
    finding.status = "waived" if waive else "resolved"
    finding.resolution_note, finding.resolved_by_id = note.strip(), actor.id
    finding.resolved_at = utcnow()
    try:
        session.flush()
    except StaleDataError:
        raise StaleVersion("finding", finding_id, None, None) from None
    audit.append(
        session,
        actor=actor,
        action="finding.waive" if waive else "finding.resolve",
        entity_type="finding",
        entity_id=finding.id,
        before=before,
        after=finding_snapshot(finding),
    )
    return finding
