"""`compute`: one SLA, one period, the data -> the Measurement record (slareg.measurement/1).

Raw figures (integer seconds, exact fractions) stay in `Figures`; `met` is decided on them
exactly. Only the record is rounded: actual and attainment percents are truncated to 4 and
2 decimals (never rounded up across a target), minutes and money rounded to 2.

Every target is measured over the period asked for (a quarterly target asked for 2026-10
gives October's figure; ask 2026-Q4 for the quarter). effective_from/effective_to are not
applied here: choosing which SLA version governs a period is the caller's job.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from measurement.availability import AvailabilityFigures, availability_for_periods
from measurement.credits import CreditFigures, credit_for
from measurement.data import Outages, Pauses, Tickets
from measurement.periods import Period, parse_period
from measurement.sla import SLA, AvailabilityTarget, TicketTarget
from measurement.tickets import TicketFigures, ticket_figures

MEASUREMENT_SCHEMA = "slareg.measurement/1"


class _Rec(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)


class PeriodRecord(_Rec):
    label: str
    start: str
    end: str


class AvailabilityResult(_Rec):
    kind: Literal["availability"] = "availability"
    target_percent: int | float
    actual_percent: int | float | None
    eligible_minutes: int | float
    downtime_minutes: int | float
    met: bool


class TicketResult(_Rec):
    kind: Literal["response_time", "resolution_time"]
    priority_rank: int
    target_minutes: int | float
    attainment_target_percent: int | float
    attainment_percent: int | float | None
    measured: int
    missed: list[str]
    met: bool


class CreditRecord(_Rec):
    percent: int | float
    capped: bool
    amount: int | float | None
    claim_deadline: str | None


class Measurement(_Rec):
    schema_: Literal["slareg.measurement/1"] = Field(MEASUREMENT_SCHEMA, alias="schema")
    customer: str
    service: str
    period: PeriodRecord
    results: list[AvailabilityResult | TicketResult]
    credit: CreditRecord

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


@dataclass(frozen=True)
class Figures:
    """Everything `compute` found, unrounded; `record` is the Measurement."""

    period: Period
    availability: list[AvailabilityFigures]
    tickets: list[TicketFigures]
    credit: CreditFigures
    record: Measurement


def num(x: float | Fraction | None, digits: int) -> Any:
    """Round for the record; integral values print as integers (10, not 10.0)."""
    if x is None:
        return None
    r = round(float(x), digits)
    return int(r) if r == int(r) and abs(r) < 1e15 else r


def floor_num(x: Fraction | None, digits: int) -> Any:
    """Truncate (never round up) so that a shown figure never looks met when it is not."""
    if x is None:
        return None
    scale = 10**digits
    return num(Fraction(math.floor(x * scale), scale), digits)


def _avail_record(f: AvailabilityFigures) -> AvailabilityResult:
    return AvailabilityResult(
        target_percent=num(f.target.percent, 6),
        actual_percent=floor_num(f.actual, 4),
        eligible_minutes=round(f.eligible_seconds / 60, 2),
        downtime_minutes=round(f.downtime_seconds / 60, 2),
        met=f.met,
    )


def _ticket_record(f: TicketFigures) -> TicketResult:
    return TicketResult(
        kind=f.target.kind,
        priority_rank=f.target.priority_rank,
        target_minutes=num(f.target.minutes, 4),
        attainment_target_percent=num(f.target.attainment_percent, 4),
        attainment_percent=floor_num(f.attainment, 2),
        measured=f.measured,
        missed=[o.ticket_id for o in f.missed],
        met=f.met,
    )


def _record(
    sla: SLA,
    period: Period,
    avail: list[AvailabilityFigures],
    tix: list[TicketFigures],
    credit: CreditFigures,
) -> Measurement:
    results: list[AvailabilityResult | TicketResult] = []
    ai, ti = iter(avail), iter(tix)
    for t in sla.targets:  # keep the SLA's order of targets
        results.append(
            _avail_record(next(ai))
            if isinstance(t, AvailabilityTarget)
            else _ticket_record(next(ti))
        )
    deadline = credit.claim_deadline.isoformat() if credit.claim_deadline else None
    amount = None if credit.amount is None else round(float(credit.amount), 2)
    return Measurement(
        customer=sla.customer,
        service=sla.service,
        period=PeriodRecord(
            label=period.label, start=period.iso(period.start), end=period.iso(period.end)
        ),
        results=results,
        credit=CreditRecord(
            percent=num(credit.percent, 4),
            capped=credit.capped,
            amount=amount,
            claim_deadline=deadline,
        ),
    )


def compute_figures(
    sla: SLA,
    outages: Outages,
    tickets: Tickets,
    pauses: Pauses,
    period: Period | str,
    *,
    use_pauses: bool = True,
    granularity_minutes: int | None | Literal["as_defined"] = "as_defined",
) -> Figures:
    """Measure every target of `sla` over `period`; the data may hold other services."""
    p = parse_period(period, sla.calendar.time_zone) if isinstance(period, str) else period
    out = outages.for_service(sla.service)
    tix = tickets.for_service(sla.customer, sla.service)
    avail: list[AvailabilityFigures] = []
    tfig: list[TicketFigures] = []
    for t in sla.targets:
        if isinstance(t, AvailabilityTarget):
            if granularity_minutes != "as_defined":
                t = t.model_copy(update={"granularity_minutes": granularity_minutes})
            avail += availability_for_periods(sla, t, out.start, out.end, out.category, [p])
        elif isinstance(t, TicketTarget):
            tfig.append(ticket_figures(sla, t, tix, pauses, p, use_pauses=use_pauses))
    credit = credit_for(sla, p, avail, tfig)
    record = _record(sla, p, avail, tfig, credit)
    return Figures(p, avail, tfig, credit, record)


def compute(
    sla: SLA, outages: Outages, tickets: Tickets, pauses: Pauses, period: Period | str
) -> Measurement:
    """The Measurement record of DESIGN.md for one SLA and one period."""
    return compute_figures(sla, outages, tickets, pauses, period).record
