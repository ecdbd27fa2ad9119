"""SLA entries: proposed from extraction, confirmed/edited/rejected by people, versioned."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from extractor.types import TERM_KINDS
from register import audit
from register.errors import InvalidInput, InvalidState, NotFound, StaleVersion
from register.models import Customer, Document, Service, SlaEntry, User, utcnow
from register.permissions import require
from register.services.documents import get_or_create_service

TERM_RESERVED = ("kind", "clause", "span", "quote", "confidence", "service")


def entry_snapshot(entry: SlaEntry) -> dict[str, Any]:
    return {
        "lineage": entry.lineage,
        "version": entry.version,
        "kind": entry.kind,
        "attrs": dict(entry.attrs),
        "customer_id": entry.customer_id,
        "service_id": entry.service_id,
        "document_id": entry.document_id,
        "clause": entry.clause,
        "quote": entry.quote,
        "status": entry.status,
        "effective_from": entry.effective_from,
        "effective_to": entry.effective_to,
        "supersedes_id": entry.supersedes_id,
    }


def _indexed(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Columns kept beside the JSON attrs so the register can be queried by them."""
    value = attrs.get("value")
    num = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if num is None and isinstance(attrs.get("credit_percent"), int | float):
        num = attrs["credit_percent"]
    period = attrs.get("period")
    if period is None and isinstance(value, str):
        period = value
    return {
        "value_num": num,
        "unit": attrs.get("unit"),
        "priority_rank": attrs.get("priority_rank"),
        "period": period,
    }


def propose_entries(
    session: Session,
    *,
    actor: User,
    document: Document,
    terms: Iterable[Mapping[str, Any]],
    customer: Customer | None = None,
    service: Service | None = None,
) -> list[SlaEntry]:
    """Store extracted terms (Extraction record dicts) as proposed entries of `document`."""
    require(actor, "entry.propose")
    entries = []
    for term in terms:
        kind = term.get("kind")
        if kind not in TERM_KINDS:
            raise InvalidInput(f"unknown term kind {kind!r}")
        attrs = {k: v for k, v in term.items() if k not in TERM_RESERVED}
        svc = service
        if term.get("service"):
            svc = get_or_create_service(session, actor=actor, name=str(term["service"]))
        span = term.get("span") or {}
        entry = SlaEntry(
            lineage=str(uuid.uuid4()),
            version=1,
            kind=kind,
            attrs=attrs,
            **_indexed(attrs),
            customer_id=customer.id if customer else document.customer_id,
            service_id=svc.id if svc else None,
            document_id=document.id,
            clause=term.get("clause"),
            span_page=span.get("page"),
            span_start=span.get("start"),
            span_end=span.get("end"),
            quote=term.get("quote"),
            confidence=term.get("confidence"),
            status="proposed",
            effective_from=document.effective_date,
            updated_by_id=actor.id,
        )
        session.add(entry)
        entries.append(entry)
    session.flush()
    for entry in entries:
        audit.append(
            session,
            actor=actor,
            action="entry.propose",
            entity_type="sla_entry",
            entity_id=entry.id,
            after=entry_snapshot(entry),
        )
    return entries


def get_entry(session: Session, *, entry_id: int) -> SlaEntry:
    entry = session.get(SlaEntry, entry_id)
    if entry is None:
        raise NotFound("SLA entry", entry_id)
    return entry


def list_entries(
    session: Session,
    *,
    customer_id: int | None = None,
    service_id: int | None = None,
    status: str | None = None,
    kind: str | None = None,
) -> list[SlaEntry]:
    query = select(SlaEntry).order_by(SlaEntry.id)
    for column, value in (
        (SlaEntry.customer_id, customer_id),
        (SlaEntry.service_id, service_id),
        (SlaEntry.status, status),
        (SlaEntry.kind, kind),
    ):
        if value is not None:
            query = query.where(column == value)
    return list(session.execute(query).scalars())


def _stale(session: Session, entry_id: int, *, fresh: bool = False) -> StaleVersion:
    """Who changed the entry last. `fresh`: the session's transaction is gone (a lost race),
    so ask the database over a new connection."""
    query = (
        select(User.name, SlaEntry.updated_at)
        .select_from(SlaEntry)
        .outerjoin(User, User.id == SlaEntry.updated_by_id)
        .where(SlaEntry.id == entry_id)
    )
    if fresh:
        with session.get_bind().engine.connect() as conn:
            row = conn.execute(query).first()
    else:
        row = session.execute(query).first()
    by, at = (row[0], row[1].isoformat(timespec="seconds")) if row else (None, None)
    return StaleVersion("SLA entry", entry_id, by, at)


def _load(session: Session, entry_id: int, expected_version: int | None) -> SlaEntry:
    entry = get_entry(session, entry_id=entry_id)
    if expected_version is not None and entry.row_version != expected_version:
        raise _stale(session, entry_id)
    return entry


def _flush(session: Session, entry_id: int) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise _stale(session, entry_id, fresh=True) from None


def _require_status(entry: SlaEntry, allowed: tuple[str, ...], verb: str) -> None:
    if entry.status not in allowed:
        who = entry.updated_by.name if entry.updated_by else "someone"
        raise InvalidState(
            f"SLA entry {entry.id} is {entry.status} (by {who} at "
            f"{entry.updated_at.isoformat(timespec='seconds')}); only "
            f"{' or '.join(allowed)} entries can be {verb}. Reload it."
        )


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _new_version(
    session: Session, old: SlaEntry, actor: User, edits: Mapping[str, Any]
) -> SlaEntry:
    was_confirmed = old.status == "confirmed"
    dates = {k: _as_date(edits[k]) for k in ("effective_from", "effective_to") if k in edits}
    attrs = {**old.attrs, **{k: v for k, v in edits.items() if k not in (*TERM_RESERVED, *dates)}}
    svc_id = old.service_id
    if edits.get("service"):
        svc_id = get_or_create_service(session, actor=actor, name=str(edits["service"])).id
    now = utcnow()
    new = SlaEntry(
        lineage=old.lineage,
        version=old.version + 1,
        kind=old.kind,
        attrs=attrs,
        **_indexed(attrs),
        customer_id=old.customer_id,
        service_id=svc_id,
        document_id=old.document_id,
        clause=old.clause,
        span_page=old.span_page,
        span_start=old.span_start,
        span_end=old.span_end,
        quote=old.quote,
        confidence=old.confidence,
        status="confirmed",
        confirmed_by_id=actor.id,
        confirmed_at=now,
        effective_from=dates.get("effective_from", old.effective_from),
        effective_to=dates.get("effective_to", old.effective_to),
        supersedes_id=old.id,
        updated_by_id=actor.id,
        updated_at=now,
    )
    old.status, old.updated_by_id, old.updated_at = "superseded", actor.id, now
    starts_later = new.effective_from and (
        old.effective_from is None or new.effective_from > old.effective_from
    )
    if was_confirmed and starts_later:
        # a change from a later date: the old version stays in force until the day before
        old.effective_to = new.effective_from - dt.timedelta(days=1)
    _flush(session, old.id)
    session.add(new)
    session.flush()
    return new


def confirm_entry(
    session: Session,
    *,
    actor: User,
    entry_id: int,
    edits: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> SlaEntry:
    """Confirm a proposed entry; with `edits` the confirmed values become a new version."""
    require(actor, "entry.confirm")
    entry = _load(session, entry_id, expected_version)
    _require_status(entry, ("proposed",), "confirmed")
    before = entry_snapshot(entry)
    if edits:
        new = _new_version(session, entry, actor, edits)
        audit.append(
            session,
            actor=actor,
            action="entry.confirm_with_edits",
            entity_type="sla_entry",
            entity_id=new.id,
            before=before,
            after=entry_snapshot(new),
        )
        return new
    now = utcnow()
    entry.status, entry.confirmed_by_id, entry.confirmed_at = "confirmed", actor.id, now
    entry.updated_by_id, entry.updated_at = actor.id, now
    _flush(session, entry.id)
    audit.append(
        session,
        actor=actor,
        action="entry.confirm",
        entity_type="sla_entry",
        entity_id=entry.id,
        before=before,
        after=entry_snapshot(entry),
    )
    return entry


def edit_entry(
    session: Session,
    *,
    actor: User,
    entry_id: int,
    edits: Mapping[str, Any],
    expected_version: int | None = None,
) -> SlaEntry:
    """Change a confirmed entry: never in place; a new confirmed version supersedes it."""
    require(actor, "entry.edit")
    if not edits:
        raise InvalidInput("no edits given")
    entry = _load(session, entry_id, expected_version)
    _require_status(entry, ("confirmed",), "edited")
    before = entry_snapshot(entry)
    new = _new_version(session, entry, actor, edits)
    audit.append(
        session,
        actor=actor,
        action="entry.edit",
        entity_type="sla_entry",
        entity_id=new.id,
        before=before,
        after=entry_snapshot(new),
    )
    return new


def reject_entry(
    session: Session,
    *,
    actor: User,
    entry_id: int,
    reason: str | None = None,
    expected_version: int | None = None,
) -> SlaEntry:
    require(actor, "entry.reject")
    entry = _load(session, entry_id, expected_version)
    _require_status(entry, ("proposed",), "rejected")
    before = entry_snapshot(entry)
    entry.status, entry.updated_by_id, entry.updated_at = "rejected", actor.id, utcnow()
    _flush(session, entry.id)
    audit.append(
        session,
        actor=actor,
        action="entry.reject",
        entity_type="sla_entry",
        entity_id=entry.id,
        before=before,
        after={**entry_snapshot(entry), "reason": reason},
    )
    return entry
