"""Small factories for register tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from register import services
from register.models import Document, SlaEntry, User


def user(session: Session, role: str, name: str | None = None) -> User:
    admin = services.system_actor(session)
    created, _key = services.add_user(session, actor=admin, name=name or f"{role}-user", role=role)
    return created


def document(session: Session, actor: User, data: bytes = b"MSA text", **kw: Any) -> Document:
    customer = services.get_or_create_customer(session, actor=actor, name="Acme Corporation")
    return services.ingest_document(
        session,
        actor=actor,
        data=data,
        file_name="msa.txt",
        media_type="text/plain",
        doc_type="msa",
        customer=customer,
        **kw,
    ).document


AVAILABILITY = {
    "kind": "availability",
    "value": 99.9,
    "unit": "percent",
    "period": "monthly",
    "service": "Core API",
    "clause": "c3",
    "span": {"page": 1, "start": 10, "end": 20},
    "quote": "99.9% each",
    "confidence": 0.9,
}


def proposed_entry(session: Session, actor: User, **overrides: Any) -> SlaEntry:
    doc = document(session, actor)
    term = {**AVAILABILITY, **overrides}
    return services.propose_entries(session, actor=actor, document=doc, terms=[term])[0]
