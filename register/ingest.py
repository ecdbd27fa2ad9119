"""Ingest one file: extract, store the controlled copy, propose its entries, record findings.

One call = one file; the caller gives each file its own transaction so a failure in one
file of a batch leaves the others intact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractor.config import Limits
from extractor.pipeline import extract
from extractor.types import Extraction
from mapper.lint import lint_documents
from mapper.missing import missing_findings
from mapper.template import Template, load_template
from mapper.terms import is_contract
from register import services
from register.models import Customer, Document, Finding, SlaEntry, User


@dataclass
class IngestOutcome:
    document: Document
    created: bool
    entries: list[SlaEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def customer_extractions(session: Session, *, customer: str) -> list[Extraction]:
    """The stored Extraction records of a customer's documents still in force."""
    rows = session.execute(
        select(Document)
        .join(Customer, Customer.id == Document.customer_id)
        .where(Customer.name == customer, Document.status != "superseded")
        .order_by(Document.id)
    ).scalars()
    return [Extraction.from_dict(d.extraction, d.text or "") for d in rows if d.extraction]


def ingest_file(
    session: Session,
    *,
    actor: User,
    data: bytes,
    name: str,
    customer: str,
    service: str | None = None,
    limits: Limits | None = None,
    template: Template | None = None,
    lint: bool = True,
    doc_type: str | None = None,
    effective_date: dt.date | None = None,
    status: str = "draft",
    amends: Document | None = None,
) -> IngestOutcome:
    """Extract `data` and store it for `customer`. The same bytes again are a no-op.

    Findings are computed against the customer's documents already in the register, so
    conflicts with what was signed before are recorded too.
    """
    extraction = extract(data, name, limits=limits)
    info = extraction.document
    context = customer_extractions(session, customer=customer) if lint else []
    cust = services.get_or_create_customer(session, actor=actor, name=customer)
    svc = services.get_or_create_service(session, actor=actor, name=service) if service else None
    ingested = services.ingest_document(
        session,
        actor=actor,
        data=data,
        file_name=name,
        media_type=info.media_type,
        doc_type=doc_type or info.doc_type,
        customer=cust,
        title=info.title,
        effective_date=effective_date or _date(info.effective_date),
        text=extraction.text,
        extraction=extraction.to_dict(),
        status=status,
        amends=amends,
    )
    outcome = IngestOutcome(ingested.document, ingested.created, notes=list(extraction.notes))
    if not ingested.created:
        outcome.notes.append(
            f"{name}: the same bytes are in the register already "
            f"(document {ingested.document.id}); nothing changed"
        )
        return outcome
    terms = [t.to_dict() for t in extraction.terms]
    outcome.entries = services.propose_entries(
        session, actor=actor, document=ingested.document, terms=terms, customer=cust, service=svc
    )
    if lint:
        report = lint_documents([extraction], template=template, context=context)
        open_missing = {
            f.rule
            for f in services.list_findings(session, customer_id=cust.id, status="open")
            if f.category == "missing"
        }
        new = [
            f for f in report.findings if not (f.category == "missing" and f.rule in open_missing)
        ]
        outcome.findings = services.record_findings(
            session,
            actor=actor,
            findings=[f.to_dict() for f in new],
            customer=cust,
            document=ingested.document,
        )
        outcome.notes.extend(
            close_satisfied_findings(
                session,
                actor=actor,
                customer=cust,
                template=template,
                documents=[*context, extraction],
                by=name,
            )
        )
    return outcome


def close_satisfied_findings(
    session: Session,
    *,
    actor: User,
    customer: Customer,
    template: Template | None,
    documents: list[Extraction],
    by: str,
) -> list[str]:
    """Resolve the customer's open 'missing' findings that the document set now satisfies
    (an element missing from the MSA may arrive with the SLA schedule)."""
    contracts = [d for d in documents if is_contract(d)]
    still_missing = {f.rule for f in missing_findings(contracts, template or load_template())}
    notes = []
    for finding in services.list_findings(session, customer_id=customer.id, status="open"):
        if finding.category == "missing" and finding.rule not in still_missing:
            services.resolve_finding(
                session,
                actor=actor,
                finding_id=finding.id,
                note=f"the customer's documents now cover it ({by} ingested)",
            )
            notes.append(f"{finding.rule} on document {finding.document_id} is now satisfied")
    return notes
