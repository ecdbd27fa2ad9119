"""Ticket targets: response / resolution time on the target's clock, minus pauses.

A ticket is measured in the period its `created` falls in; elapsed = clock time from
created to first_response (response) or resolved (resolution) minus the union of its
pauses on the same clock (pauses clipped to that span). Met when elapsed <= minutes.
A ticket without the end timestamp is not measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from measurement.availability import exact_percent
from measurement.calendar import DAY, BusinessClock, clock_for
from measurement.data import MISSING, Pauses, Tickets
from measurement.intervals import Intervals
from measurement.periods import Period
from measurement.sla import SLA, TicketTarget


@dataclass(frozen=True)
class TicketOutcome:
    ticket_id: str
    created: int
    end: int
    elapsed_seconds: int  # on the target's clock, pauses removed
    paused_seconds: int  # pause time that fell on the clock
    met: bool


@dataclass(frozen=True)
class TicketFigures:
    target: TicketTarget
    period: Period
    outcomes: tuple[TicketOutcome, ...]
    unmeasured: tuple[str, ...]  # ids of tickets of this rank without the end timestamp

    @property
    def measured(self) -> int:
        return len(self.outcomes)

    @property
    def met_count(self) -> int:
        return sum(o.met for o in self.outcomes)

    @property
    def attainment(self) -> Fraction | None:
        if not self.outcomes:
            return None
        return Fraction(100 * self.met_count, self.measured)

    @property
    def met(self) -> bool:
        a = self.attainment
        return a is None or a >= exact_percent(self.target.attainment_percent)

    @property
    def missed(self) -> tuple[TicketOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.met)


def priority_rank(sla: SLA, label: str) -> int | None:
    """Rank of a ticket's priority label via the SLA's `priorities` map (case-insensitive)."""
    if label in sla.priorities:
        return sla.priorities[label]
    folded = {k.casefold(): v for k, v in sla.priorities.items()}
    return folded.get(label.strip().casefold())


def ticket_clock(sla: SLA, business: bool, lo: int, hi: int) -> BusinessClock:
    """A clock over whole UTC days around [lo, hi] so that it is reused (cached)."""
    a = (lo // DAY - 2) * DAY
    b = (hi // DAY + 3) * DAY
    return clock_for(sla.calendar, a, b, business=business)


def _paused(clock: BusinessClock, spans: list[tuple[int, int]], a: int, b: int) -> int:
    iv = Intervals.of([s for s, _ in spans], [e for _, e in spans]).clip(a, b)
    return clock.measure_of(iv)


def ticket_figures(
    sla: SLA,
    target: TicketTarget,
    tickets: Tickets,
    pauses: Pauses,
    period: Period,
    *,
    use_pauses: bool = True,
) -> TicketFigures:
    """Figures of one ticket target over the tickets created in `period`."""
    ranks = [priority_rank(sla, p) for p in tickets.priority]
    chosen = np.asarray([r == target.priority_rank for r in ranks], dtype=bool)
    chosen &= (tickets.created >= period.start) & (tickets.created < period.end)
    ends = tickets.first_response if target.kind == "response_time" else tickets.resolved
    idx = np.flatnonzero(chosen)
    has_end = ends[idx] != MISSING
    unmeasured = tuple(tickets.id[i] for i in idx[~has_end])
    idx = idx[has_end]
    if idx.size == 0:
        return TicketFigures(target, period, (), unmeasured)
    created, end = tickets.created[idx], ends[idx]
    clock = ticket_clock(sla, target.clock == "business", int(created.min()), int(end.max()))
    raw = clock.elapsed(created, end)
    spans = pauses.by_ticket() if use_pauses else {}
    limit = Fraction(str(target.minutes)) * 60
    outcomes = []
    for k, i in enumerate(idx.tolist()):
        tid = tickets.id[i]
        a, b = int(created[k]), int(end[k])
        paused = _paused(clock, spans[tid], a, b) if tid in spans else 0
        elapsed = int(raw[k]) - paused
        outcomes.append(TicketOutcome(tid, a, b, elapsed, paused, elapsed <= limit))
    return TicketFigures(target, period, tuple(outcomes), unmeasured)
