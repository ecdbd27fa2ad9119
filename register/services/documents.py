"""Customers, services and documents (the controlled copies of what was signed)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractor.types import DOC_TYPES
from register import audit
from register.errors import InvalidInput, InvalidState, NotFound
from register.models import DOCUMENT_STATUSES, Customer, Document, Service, User
from register.permissions import require


def get_or_create_customer(
    session: Session, *, actor: User, name: str, aliases: Sequence[str] = ()
) -> Customer:
    name = name.strip()
    if not name:
        raise InvalidInput("a customer needs a non-empty name")
    found = session.execute(select(Customer).where(Customer.name == name)).scalar_one_or_none()
    if found is not None:
        return found
    require(actor, "customer.create")
    customer = Customer(name=name, aliases=list(aliases))
    session.add(customer)
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="customer.create",
        entity_type="customer",
        entity_id=customer.id,
        after={"name": name, "aliases": list(aliases)},
    )
    return customer


def get_or_create_service(
    session: Session, *, actor: User, name: str, owner: str | None = None
) -> Service:
    name = name.strip()
    if not name:
        raise InvalidInput("a service needs a non-empty name")
    found = session.execute(select(Service).where(Service.name == name)).scalar_one_or_none()
    if found is not None:
        return found
    require(actor, "service.create")
    service = Service(name=name, owner=owner)
    session.add(service)
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="service.create",
        entity_type="service",
        entity_id=service.id,
        after={"name": name, "owner": owner},
    )
    return service


@dataclass(frozen=True)
class Ingested:
    document: Document
    created: bool  # False: the same bytes were in the register already


def document_snapshot(doc: Document) -> dict[str, Any]:
    return {
        "sha256": doc.sha256,
        "file_name": doc.file_name,
        "media_type": doc.media_type,
        "doc_type": doc.doc_type,
        "customer_id": doc.customer_id,
        "title": doc.title,
        "effective_date": doc.effective_date,
        "status": doc.status,
        "amends_id": doc.amends_id,
        "supersedes_id": doc.supersedes_id,
    }


def ingest_document(
    session: Session,
    *,
    actor: User,
    data: bytes,
    file_name: str,
    media_type: str,
    doc_type: str = "other",
    customer: Customer | None = None,
    title: str | None = None,
    effective_date: dt.date | None = None,
    text: str | None = None,
    extraction: dict[str, Any] | None = None,
    status: str = "draft",
    amends: Document | None = None,
) -> Ingested:
    """Store a document's bytes once; the same bytes again are a no-op (created=False)."""
    require(actor, "document.ingest")
    if not data:
        raise InvalidInput(f"{file_name}: the file is empty; nothing to store")
    if doc_type not in DOC_TYPES:
        raise InvalidInput(f"unknown doc_type {doc_type!r}; choose one of: {', '.join(DOC_TYPES)}")
    if status not in DOCUMENT_STATUSES:
        raise InvalidInput(f"unknown document status {status!r}")
    sha = hashlib.sha256(data).hexdigest()
    existing = session.execute(select(Document).where(Document.sha256 == sha)).scalar_one_or_none()
    if existing is not None:
        return Ingested(existing, created=False)
    doc = Document(
        sha256=sha,
        file_name=file_name,
        media_type=media_type,
        doc_type=doc_type,
        customer_id=customer.id if customer else None,
        title=title,
        effective_date=effective_date,
        content=data,
        text=text,
        extraction=extraction,
        status=status,
        amends_id=amends.id if amends else None,
        ingested_by_id=actor.id,
    )
    session.add(doc)
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="document.ingest",
        entity_type="document",
        entity_id=doc.id,
        after=document_snapshot(doc),
    )
    return Ingested(doc, created=True)


def get_document(session: Session, *, document_id: int) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound("document", document_id)
    return doc


def list_documents(session: Session, *, customer_id: int | None = None) -> list[Document]:
    query = select(Document).order_by(Document.id)
    if customer_id is not None:
        query = query.where(Document.customer_id == customer_id)
    return list(session.execute(query).scalars())


def set_document_status(
    session: Session, *, actor: User, document_id: int, status: str
) -> Document:
    require(actor, "document.set_status")
    if status not in DOCUMENT_STATUSES:
        raise InvalidInput(f"unknown document status {status!r}; one of {DOCUMENT_STATUSES}")
    doc = get_document(session, document_id=document_id)
    before = document_snapshot(doc)
    doc.status = status
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="document.set_status",
        entity_type="document",
        entity_id=doc.id,
        before=before,
        after=document_snapshot(doc),
    )
    return doc


def supersede_document(
    session: Session, *, actor: User, document_id: int, by_document_id: int
) -> Document:
    """Mark `document_id` superseded by `by_document_id` (which records the link)."""
    require(actor, "document.supersede")
    if document_id == by_document_id:
        raise InvalidInput("a document cannot supersede itself")
    old = get_document(session, document_id=document_id)
    new = get_document(session, document_id=by_document_id)
    if old.status == "superseded":
        raise InvalidState(f"document {old.id} ({old.file_name}) is superseded already")
    before_old, before_new = document_snapshot(old), document_snapshot(new)
    old.status = "superseded"
    new.supersedes_id = old.id
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="document.supersede",
        entity_type="document",
        entity_id=old.id,
        before=before_old,
        after=document_snapshot(old),
    )
    audit.append(
        session,
        actor=actor,
        action="document.supersedes",
        entity_type="document",
        entity_id=new.id,
        before=before_new,
        after=document_snapshot(new),
    )
    return old
