"""Measurement over the register: import performance data, measure periods, keep results.

A period is measured against the SLA entries in force in that period; a result is stored
per (SLA, inputs) hash, so recomputing the same inputs returns the stored result and new
data or a new SLA version adds a result beside the old one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from measurement.compute import compute
from measurement.data import MISSING, Outages, Pauses, Tickets
from measurement.errors import MeasurementError
from measurement.io import input_hashes, parse_outages, parse_pauses, parse_tickets
from measurement.periods import parse_period
from measurement.sla import SLA, sla_from_dict
from register.effective import effective_entries
from register.export import entries_to_sla
from register.models import Customer, Outage, Service, SlaEntry, Ticket, TicketPause, User
from register.services import performance
from register.services.performance import ImportOutcome

KINDS = ("outages", "tickets", "pauses")


def _when(t: int) -> dt.datetime | None:
    return None if t == MISSING else dt.datetime.fromtimestamp(int(t), dt.UTC)


def _epoch(value: dt.datetime | None) -> int:
    return MISSING if value is None else int(value.timestamp())


def import_file(session: Session, *, actor: User, kind: str, path: Path) -> ImportOutcome:
    """Validate a whole CSV file, then store it; a bad row stores nothing of the file."""
    if kind not in KINDS:
        raise MeasurementError(f"unknown data kind {kind!r}; one of {', '.join(KINDS)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MeasurementError(f"{path}: cannot read the file: {exc.strerror}") from None
    text, batch = data.decode("utf-8-sig", errors="replace"), hashlib.sha256(data).hexdigest()
    if kind == "outages":
        o = parse_outages(text, str(path))
        rows = [
            (s, _when(a), _when(b), c or None)
            for s, a, b, c in zip(
                o.service, o.start.tolist(), o.end.tolist(), o.category, strict=True
            )
        ]
        return performance.import_outages(session, actor=actor, batch=batch, rows=rows)  # type: ignore[arg-type]
    if kind == "tickets":
        t = parse_tickets(text, str(path))
        rows_t = [
            (
                t.id[i],
                t.customer[i],
                t.service[i],
                t.priority[i],
                _when(t.created[i]),
                _when(t.first_response[i]),
                _when(t.resolved[i]),
            )
            for i in range(len(t))
        ]
        return performance.import_tickets(session, actor=actor, batch=batch, rows=rows_t)  # type: ignore[arg-type]
    p = parse_pauses(text, str(path))
    rows_p = [
        (k, _when(a), _when(b))
        for k, a, b in zip(p.ticket_id, p.start.tolist(), p.end.tolist(), strict=True)
    ]
    return performance.import_pauses(session, actor=actor, batch=batch, rows=rows_p)  # type: ignore[arg-type]


def _i64(values: Sequence[int]) -> np.ndarray:
    return np.asarray(values, dtype=np.int64)


def load_performance(session: Session) -> tuple[Outages, Tickets, Pauses]:
    """Everything imported so far, as the measurement engine's columns."""
    o = session.execute(select(Outage.service, Outage.start, Outage.end, Outage.category)).all()
    t = session.execute(
        select(
            Ticket.ticket_id,
            Ticket.customer,
            Ticket.service,
            Ticket.priority,
            Ticket.created,
            Ticket.first_response,
            Ticket.resolved,
        )
    ).all()
    p = session.execute(select(TicketPause.ticket_id, TicketPause.start, TicketPause.end)).all()
    outages = Outages(
        [r[0] for r in o],
        _i64([_epoch(r[1]) for r in o]),
        _i64([_epoch(r[2]) for r in o]),
        [r[3] or "" for r in o],
    )
    tickets = Tickets(
        [r[0] for r in t],
        [r[1] for r in t],
        [r[2] for r in t],
        [r[3] for r in t],
        _i64([_epoch(r[4]) for r in t]),
        _i64([_epoch(r[5]) for r in t]),
        _i64([_epoch(r[6]) for r in t]),
    )
    pauses = Pauses(
        [r[0] for r in p], _i64([_epoch(r[1]) for r in p]), _i64([_epoch(r[2]) for r in p])
    )
    return outages, tickets, pauses


@dataclass(frozen=True)
class PeriodOutcome:
    customer: str
    service: str
    period: str
    record: dict[str, Any] | None = None
    met: bool | None = None
    stored: bool = False
    problem: str | None = None


def _met(record: dict[str, Any]) -> bool:
    return all(r.get("met") is not False for r in record.get("results", []))


def _sla_for(
    session: Session, customer: Customer, service: Service, label: str
) -> tuple[SLA, list[int]]:
    """The SLA of the service as agreed on the period's first day: the customer's
    effective terms (precedence applied) that name this service or no service."""
    period = parse_period(label, "UTC")
    first_day = dt.datetime.fromtimestamp(period.start, dt.UTC).date()
    entries = [
        e
        for e in effective_entries(session, customer_id=customer.id, as_of=first_day)
        if e.service_id in (service.id, None)
    ]
    data = entries_to_sla(customer=customer.name, service=service.name, entries=entries)
    data["effective_from"] = None  # the entries chosen are the ones in force for this period
    sla = sla_from_dict(data, f"register: {customer.name} / {service.name}")
    if not sla.targets:
        raise MeasurementError("no confirmed targets in force for this period")
    return sla, [e.id for e in entries]


def measure_period(
    session: Session,
    *,
    actor: User,
    customer: Customer,
    service: Service,
    label: str,
    data: tuple[Outages, Tickets, Pauses],
) -> PeriodOutcome:
    """Measure one customer's service for one period and store the result."""
    try:
        sla, entry_ids = _sla_for(session, customer, service, label)
        outages, tickets, pauses = data
        record = compute(sla, outages, tickets, pauses, label).to_json_dict()
    except MeasurementError as exc:
        return PeriodOutcome(customer.name, service.name, label, problem=str(exc))
    hashes = input_hashes(sla, outages, tickets, pauses)
    row, stored = performance.record_result(
        session,
        actor=actor,
        customer=customer,
        service=service,
        period=record["period"]["label"],
        sla_hash=hashes["sla"],
        inputs_hash=hashes["combined"],
        entry_ids=entry_ids,
        met=_met(record),
        record=record,
    )
    return PeriodOutcome(customer.name, service.name, row.period, row.record, row.met, stored)


def measured_pairs(session: Session, customer: str | None = None) -> list[tuple[Customer, Service]]:
    """(customer, service) pairs that have confirmed entries naming a service."""
    query = (
        select(SlaEntry.customer_id, SlaEntry.service_id)
        .join(Customer, Customer.id == SlaEntry.customer_id)
        .where(SlaEntry.status == "confirmed", SlaEntry.service_id.is_not(None))
        .distinct()
    )
    if customer:
        query = query.where(Customer.name == customer)
    pairs = [
        (session.get(Customer, cid), session.get(Service, sid))
        for cid, sid in session.execute(query).tuples()
    ]
    found = [(c, s) for c, s in pairs if c is not None and s is not None]
    return sorted(found, key=lambda p: (p[0].name, p[1].name))


def run_periods(
    session: Session,
    *,
    actor: User,
    periods: Sequence[str],
    customer: str | None = None,
    progress: Callable[[PeriodOutcome], Any] | None = None,
) -> list[PeriodOutcome]:
    """Measure every (customer, service) with confirmed targets over `periods`."""
    data = load_performance(session)
    out = []
    for cust, svc in measured_pairs(session, customer):
        for label in periods:
            outcome = measure_period(
                session, actor=actor, customer=cust, service=svc, label=label, data=data
            )
            out.append(outcome)
            if progress:
                progress(outcome)
    return out


def month_labels(first: str, last: str) -> list[str]:
    """'2025-11', '2026-01' -> ['2025-11', '2025-12', '2026-01']."""
    y1, m1 = (int(x) for x in first.split("-"))
    y2, m2 = (int(x) for x in last.split("-"))
    return [f"{k // 12}-{k % 12 + 1:02d}" for k in range(y1 * 12 + m1 - 1, y2 * 12 + m2)]
