"""Ingest one file: extract, store the controlled copy, propose its entries, record findings.

One call = one file; the caller gives each file its own transaction so a failure in one
file of a batch leaves the others intact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from extractor.types import Extraction
from register import services
from register.models import Document, Finding, SlaEntry, User

Extract = Callable[[bytes, str], Extraction]
Lint = Callable[[Extraction], Sequence[Mapping[str, Any]]]


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


def ingest_file(
    session: Session,
    *,
    actor: User,
    data: bytes,
    name: str,
    customer: str,
    extract: Extract,
    lint: Lint | None = None,
    service: str | None = None,
    doc_type: str | None = None,
    effective_date: dt.date | None = None,
    status: str = "draft",
    amends: Document | None = None,
) -> IngestOutcome:
    """Extract `data` and store it for `customer`. The same bytes again are a no-op."""
    extraction = extract(data, name)
    info = extraction.document
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
    if lint is not None:
        found = [dict(f) for f in lint(extraction)]
        outcome.findings = services.record_findings(
            session, actor=actor, findings=found, customer=cust, document=ingested.document
        )
    return outcome
