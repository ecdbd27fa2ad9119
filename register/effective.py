"""The effective SLA of a customer on a date, from the documents in the register."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from extractor.types import DocumentInfo, Extraction, Span, Term
from mapper.effective import EffectiveSLA, SourceDocument, effective_sla
from register.errors import NotFound
from register.models import Customer, Document, SlaEntry


def _extraction(doc: Document) -> Extraction:
    if doc.extraction:
        return Extraction.from_dict(doc.extraction, doc.text or "")
    info = DocumentInfo(doc.file_name, doc.sha256, doc.media_type, doc.doc_type, doc.title)
    return Extraction(document=info, text=doc.text or "")


def _customer_documents(session: Session, customer_id: int) -> list[Document]:
    query = select(Document).where(Document.customer_id == customer_id).order_by(Document.id)
    return list(session.execute(query).scalars())


def _source(doc: Document, by_id: dict[int, Document], terms: list[Term] | None) -> SourceDocument:
    extraction = _extraction(doc)
    if terms is not None:
        extraction = dataclasses.replace(extraction, terms=tuple(terms))
    amends = (by_id[doc.amends_id].sha256,) if doc.amends_id in by_id else ()
    supersedes = (by_id[doc.supersedes_id].sha256,) if doc.supersedes_id in by_id else ()
    return SourceDocument(
        extraction,
        doc_type=doc.doc_type,
        effective_date=doc.effective_date,
        status="superseded" if doc.status == "superseded" else "agreed",
        amends=amends,
        supersedes=supersedes,
    )


def source_documents(session: Session, *, customer_id: int) -> list[SourceDocument]:
    """Every document of the customer with its register metadata (status, links, dates)
    and the terms extracted from it."""
    docs = _customer_documents(session, customer_id)
    by_id = {d.id: d for d in docs}
    return [_source(d, by_id, None) for d in docs]


def entry_term(entry: SlaEntry) -> Term:
    """A register entry as an extraction Term (its service by name)."""
    attrs = {**entry.attrs, "service": entry.service.name if entry.service else None}
    span = Span(entry.span_page or 1, entry.span_start or 0, entry.span_end or 0)
    return Term(entry.kind, attrs, span, entry.quote or "", entry.clause, entry.confidence or 1.0)


def versions_in_force(session: Session, *, customer_id: int, as_of: dt.date) -> list[SlaEntry]:
    """Confirmed entry versions in force on `as_of` (an older version edited with a later
    effective date covers its own time)."""
    query = select(SlaEntry).where(
        SlaEntry.customer_id == customer_id,
        or_(
            SlaEntry.status == "confirmed",
            (SlaEntry.status == "superseded") & SlaEntry.effective_to.is_not(None),
        ),
        or_(SlaEntry.effective_from.is_(None), SlaEntry.effective_from <= as_of),
        or_(SlaEntry.effective_to.is_(None), SlaEntry.effective_to >= as_of),
    )
    return list(session.execute(query.order_by(SlaEntry.id)).scalars())


def effective_entries(session: Session, *, customer_id: int, as_of: dt.date) -> list[SlaEntry]:
    """The confirmed entries that make up the customer's SLA on `as_of`: documents in
    force, the contract's precedence (or the default), one winner per term."""
    docs = _customer_documents(session, customer_id)
    by_id = {d.id: d for d in docs}
    terms_of: dict[int, list[Term]] = {}
    owner: dict[int, SlaEntry] = {}
    for entry in versions_in_force(session, customer_id=customer_id, as_of=as_of):
        term = entry_term(entry)
        owner[id(term)] = entry
        terms_of.setdefault(entry.document_id or 0, []).append(term)
    sources = [_source(d, by_id, terms_of[d.id]) for d in docs if d.id in terms_of]
    eff = effective_sla(sources, as_of)
    return [owner[id(t)] for e in eff.terms for t in e.terms if id(t) in owner]


def effective_for(session: Session, *, customer: str, as_of: dt.date) -> EffectiveSLA:
    found = session.execute(select(Customer).where(Customer.name == customer)).scalar_one_or_none()
    if found is None:
        raise NotFound("customer", customer)
    return effective_sla(source_documents(session, customer_id=found.id), as_of)


def effective_to_dict(eff: EffectiveSLA) -> dict[str, Any]:
    """JSON of an effective SLA: each term with its source and what it overrode."""
    return {
        "as_of": eff.as_of.isoformat(),
        "precedence": list(eff.precedence),
        "precedence_source": eff.precedence_source,
        "in_force": list(eff.in_force),
        "dropped": dict(eff.dropped),
        "terms": [
            {
                "terms": [{k: v for k, v in t.to_dict().items() if k != "span"} for t in e.terms],
                "service": e.key[1],
                "document": e.document,
                "doc_type": e.doc_type,
                "clause": e.clause,
                "quote": e.quote,
                "explanation": e.explain(),
                "overrode": [
                    {
                        "document": o.document,
                        "clause": o.clause,
                        "value": o.value,
                        "same_value": o.same_value,
                    }
                    for o in e.overrode
                ],
            }
            for e in eff.terms
        ],
    }
