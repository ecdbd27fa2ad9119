"""Service credits: tiers per metric, summed, capped; amount and claim deadline.

Tier match: lower <= actual < upper (null: open), compared exactly (fractions). A tier of a
ticket metric applies to the target of its `priority_rank`, or to every rank when null;
each target contributes at most one tier (the highest percent if tiers overlap). A target
without an actual figure (no eligible time, no measured ticket) contributes nothing.

Claim deadline (choice documented in docs): `claim_window_days: N` -> N days after the
period end, counted from the first day after the period (October + 30 days -> Dec 1);
`claim_window_billing_cycles: N` -> the last day of the Nth calendar month (billing
cycle) after the period (October, N=1 -> Nov 30).
"""

from __future__ import annotations

import calendar as pycal
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from measurement.availability import AvailabilityFigures
from measurement.periods import Period
from measurement.sla import SLA, CreditTier
from measurement.tickets import TicketFigures


@dataclass(frozen=True)
class CreditPart:
    metric: str
    priority_rank: int | None
    actual: Fraction
    percent: Fraction


@dataclass(frozen=True)
class CreditFigures:
    percent: Fraction
    capped: bool
    amount: Fraction | None
    claim_deadline: date | None
    parts: tuple[CreditPart, ...]


def _bound(x: float | None) -> Fraction | None:
    return None if x is None else Fraction(str(x))


def tier_percent(tiers: list[CreditTier], actual: Fraction) -> Fraction:
    best = Fraction(0)
    for t in tiers:
        lo, hi = _bound(t.lower), _bound(t.upper)
        if (lo is None or lo <= actual) and (hi is None or actual < hi):
            best = max(best, Fraction(str(t.credit_percent)))
    return best


def claim_deadline(sla: SLA, period: Period) -> date | None:
    end = period.end_date
    if sla.claim_window_days is not None:
        return end + timedelta(days=sla.claim_window_days)
    if sla.claim_window_billing_cycles is not None:
        k = end.year * 12 + end.month - 1 + sla.claim_window_billing_cycles - 1
        y, m = divmod(k, 12)
        return date(y, m + 1, pycal.monthrange(y, m + 1)[1])
    return None


def _parts(
    sla: SLA, avail: list[AvailabilityFigures], tickets: list[TicketFigures]
) -> list[CreditPart]:
    parts: list[CreditPart] = []
    tiers = [t for t in sla.credits if t.metric == "availability"]
    for a in avail:
        if tiers and a.actual is not None:
            parts.append(CreditPart("availability", None, a.actual, tier_percent(tiers, a.actual)))
    for f in tickets:
        rank = f.target.priority_rank
        mine = [
            t
            for t in sla.credits
            if t.metric == f.target.kind and (t.priority_rank is None or t.priority_rank == rank)
        ]
        actual = f.attainment
        if mine and actual is not None:
            parts.append(CreditPart(f.target.kind, rank, actual, tier_percent(mine, actual)))
    return parts


def credit_for(
    sla: SLA, period: Period, avail: list[AvailabilityFigures], tickets: list[TicketFigures]
) -> CreditFigures:
    parts = _parts(sla, avail, tickets)
    total = sum((p.percent for p in parts), Fraction(0))
    capped = False
    if sla.credit_cap_percent is not None and total > Fraction(str(sla.credit_cap_percent)):
        total, capped = Fraction(str(sla.credit_cap_percent)), True
    amount = None
    if sla.monthly_fee is not None:
        amount = total * Fraction(str(sla.monthly_fee)) / 100
    return CreditFigures(total, capped, amount, claim_deadline(sla, period), tuple(parts))
