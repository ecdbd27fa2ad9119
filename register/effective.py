"""The effective SLA of a customer on a date, from the documents in the register."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractor.types import Extraction
from mapper.effective import EffectiveSLA, SourceDocument, effective_sla
from register.errors import NotFound
from register.models import Customer, Document


def source_documents(session: Session, *, customer_id: int) -> list[SourceDocument]:
    """Every document of the customer with its register metadata (status, links, dates)."""
    docs = (
        session.execute(
            select(Document).where(Document.customer_id == customer_id).order_by(Document.id)
        )
        .scalars()
        .all()
    )
    by_id = {d.id: d for d in docs}
    out = []
    for d in docs:
        if not d.extraction:
            continue
        amends = (by_id[d.amends_id].sha256,) if d.amends_id in by_id else ()
        supersedes = (by_id[d.supersedes_id].sha256,) if d.supersedes_id in by_id else ()
        out.append(
            SourceDocument(
                Extraction.from_dict(d.extraction, d.text or ""),
                doc_type=d.doc_type,
                effective_date=d.effective_date,
                status="superseded" if d.status == "superseded" else "agreed",
                amends=amends,
                supersedes=supersedes,
            )
        )
    return out


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
