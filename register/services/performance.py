"""Performance data (outages, tickets, pauses) and measurement results.

Imports are whole files: a file is validated completely before this is called, so a bad
row never leaves part of a file behind. The same file again (same content hash) is a
no-op. Results are never updated: new inputs or a new SLA version add a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from register import audit
from register.errors import InvalidInput
from register.models import (
    Customer,
    MeasurementResult,
    Outage,
    Service,
    Ticket,
    TicketPause,
    User,
)
from register.permissions import require

Stamp = dt.datetime | None


@dataclass(frozen=True)
class ImportOutcome:
    kind: str
    batch: str
    rows: int
    created: bool  # False: this exact file was imported before


def _already(session: Session, model: Any, batch: str) -> bool:
    return (
        session.execute(select(model.id).where(model.batch == batch).limit(1)).first() is not None
    )


def _audit_import(session: Session, actor: User, kind: str, batch: str, rows: int) -> None:
    audit.append(
        session,
        actor=actor,
        action=f"performance.import_{kind}",
        entity_type="performance_batch",
        entity_id=batch[:16],
        after={"kind": kind, "batch": batch, "rows": rows},
    )


def import_outages(
    session: Session,
    *,
    actor: User,
    batch: str,
    rows: Sequence[tuple[str, dt.datetime, dt.datetime, str | None]],
) -> ImportOutcome:
    """Store outages (service, start, end, category); an identical row is kept once."""
    require(actor, "measurement.import")
    if _already(session, Outage, batch):
        return ImportOutcome("outages", batch, 0, False)
    existing = set(session.execute(select(Outage.service, Outage.start, Outage.end)).tuples())
    new = [r for r in dict.fromkeys(rows) if (r[0], r[1], r[2]) not in existing]
    session.add_all(
        Outage(service=s, start=a, end=b, category=c or None, batch=batch) for s, a, b, c in new
    )
    session.flush()
    _audit_import(session, actor, "outages", batch, len(new))
    return ImportOutcome("outages", batch, len(new), True)


def import_tickets(
    session: Session,
    *,
    actor: User,
    batch: str,
    rows: Sequence[tuple[str, str, str, str, dt.datetime, Stamp, Stamp]],
) -> ImportOutcome:
    """Store tickets (id, customer, service, priority, created, first_response, resolved).

    A ticket id seen before takes the newer file's values (tickets get answered and
    resolved after an earlier export)."""
    require(actor, "measurement.import")
    if _already(session, Ticket, batch):
        return ImportOutcome("tickets", batch, 0, False)
    ids = [r[0] for r in rows]
    if len(set(ids)) != len(ids):
        raise InvalidInput("the tickets file lists a ticket id twice")
    for chunk in range(0, len(ids), 500):
        session.execute(delete(Ticket).where(Ticket.ticket_id.in_(ids[chunk : chunk + 500])))
    session.add_all(
        Ticket(
            ticket_id=i,
            customer=c,
            service=s,
            priority=p,
            created=cr,
            first_response=fr,
            resolved=rs,
            batch=batch,
        )
        for i, c, s, p, cr, fr, rs in rows
    )
    session.flush()
    _audit_import(session, actor, "tickets", batch, len(rows))
    return ImportOutcome("tickets", batch, len(rows), True)


def import_pauses(
    session: Session,
    *,
    actor: User,
    batch: str,
    rows: Sequence[tuple[str, dt.datetime, dt.datetime]],
) -> ImportOutcome:
    """Store ticket pauses (ticket_id, start, end); an identical pause is kept once."""
    require(actor, "measurement.import")
    if _already(session, TicketPause, batch):
        return ImportOutcome("pauses", batch, 0, False)
    existing = set(
        session.execute(select(TicketPause.ticket_id, TicketPause.start, TicketPause.end)).tuples()
    )
    new = [r for r in dict.fromkeys(rows) if r not in existing]
    session.add_all(TicketPause(ticket_id=t, start=a, end=b, batch=batch) for t, a, b in new)
    session.flush()
    _audit_import(session, actor, "pauses", batch, len(new))
    return ImportOutcome("pauses", batch, len(new), True)


def record_result(
    session: Session,
    *,
    actor: User,
    customer: Customer,
    service: Service,
    period: str,
    sla_hash: str,
    inputs_hash: str,
    entry_ids: Sequence[int],
    met: bool,
    record: dict[str, Any],
) -> tuple[MeasurementResult, bool]:
    """Store a period result; the same SLA and inputs again return the stored one."""
    require(actor, "measurement.run")
    found = session.execute(
        select(MeasurementResult).where(
            MeasurementResult.customer_id == customer.id,
            MeasurementResult.service_id == service.id,
            MeasurementResult.period == period,
            MeasurementResult.sla_hash == sla_hash,
            MeasurementResult.inputs_hash == inputs_hash,
        )
    ).scalar_one_or_none()
    if found is not None:
        return found, False
    row = MeasurementResult(
        customer_id=customer.id,
        service_id=service.id,
        period=period,
        sla_hash=sla_hash,
        inputs_hash=inputs_hash,
        entry_ids=list(entry_ids),
        met=met,
        record=record,
        computed_by=actor.name,
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="measurement.record",
        entity_type="measurement_result",
        entity_id=row.id,
        after={
            "customer": customer.name,
            "service": service.name,
            "period": period,
            "met": met,
            "sla_hash": sla_hash,
            "inputs_hash": inputs_hash,
        },
    )
    return row, True


def list_results(
    session: Session, *, customer_id: int | None = None, period: str | None = None
) -> list[MeasurementResult]:
    query = select(MeasurementResult).order_by(
        MeasurementResult.customer_id,
        MeasurementResult.service_id,
        MeasurementResult.period,
        MeasurementResult.id,
    )
    if customer_id is not None:
        query = query.where(MeasurementResult.customer_id == customer_id)
    if period is not None:
        query = query.where(MeasurementResult.period == period)
    return list(session.execute(query).scalars())
