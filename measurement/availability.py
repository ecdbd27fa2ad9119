"""Availability: eligible time, downtime and actual percent per target and period.

eligible = the period on the target's clock minus excluded maintenance occurrences;
downtime = union of counted outages ∩ eligible; with granularity N, every N-minute slot
(cut from the period start) holding any downtime counts all its eligible time as down.
All set algebra is vectorised (measurement.intervals); nothing loops per outage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
from dateutil.rrule import rrulestr

from measurement.calendar import clock_for
from measurement.intervals import I64, Intervals, Timeline, as_i64
from measurement.periods import Period
from measurement.sla import SLA, AvailabilityTarget, Maintenance

DEFAULT_DTSTART = datetime(2000, 1, 1)


def exact_percent(value: float) -> Fraction:
    return Fraction(str(value))


@lru_cache(maxsize=512)
def _occurrences(
    rule: str, dtstart: datetime, tz_name: str, lo: int, hi: int, duration_s: int
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    tz = ZoneInfo(tz_name)
    first = datetime.fromtimestamp(lo - duration_s, tz).replace(tzinfo=None) - timedelta(days=1)
    last = datetime.fromtimestamp(hi, tz).replace(tzinfo=None) + timedelta(days=1)
    rset = rrulestr(rule, dtstart=dtstart, forceset=True)
    starts = [int(o.replace(tzinfo=tz).timestamp()) for o in rset.between(first, last, inc=True)]
    return tuple(starts), tuple(s + duration_s for s in starts)


def maintenance_intervals(
    items: tuple[Maintenance, ...], lo: int, hi: int, *, excluded_only: bool = True
) -> Intervals:
    """Occurrences overlapping [lo, hi) as instants.

    The rrule is expanded on naive local wall-clock times of the item's zone (dtstart
    default 2000-01-01T00:00 local, which fixes BYSECOND/INTERVAL phase); each start is
    read with fold=0 and lasts duration_minutes of real (elapsed) time.
    """
    starts: list[int] = []
    ends: list[int] = []
    for m in items:
        if excluded_only and not m.excluded:
            continue
        dtstart = (m.dtstart or DEFAULT_DTSTART).replace(tzinfo=None)
        s, e = _occurrences(m.rrule, dtstart, m.time_zone, lo, hi, m.duration_minutes * 60)
        starts.extend(s)
        ends.extend(e)
    return Intervals.of(starts, ends).clip(lo, hi)


def eligible_intervals(sla: SLA, target: AvailabilityTarget, lo: int, hi: int) -> Intervals:
    clock = clock_for(sla.calendar, lo, hi, business=target.clock == "business")
    return clock.intervals.subtract(maintenance_intervals(sla.maintenance, lo, hi))


def counted_outages(sla: SLA, starts: I64, ends: I64, categories: list[str]) -> Intervals:
    """Union of the outages whose category is empty or not excluded by the SLA."""
    excluded = set(sla.exclusions)
    keep = np.fromiter((c not in excluded for c in categories), dtype=bool, count=len(categories))
    return Intervals.of(as_i64(starts)[keep], as_i64(ends)[keep])


def slot_cover(down: Intervals, period: Period, minutes: int) -> Intervals:
    """The N-minute slots (from the period start) that hold any of `down`."""
    d = down.clip(period.start, period.end)
    if len(d) == 0:
        return d
    n = minutes * 60
    k1 = (d.starts - period.start) // n
    k2 = -((period.start - d.ends) // n)  # ceil division
    s = period.start + k1 * n
    e = np.minimum(period.start + k2 * n, period.end)
    return Intervals.of(s, e)


@dataclass(frozen=True)
class AvailabilityFigures:
    target: AvailabilityTarget
    period: Period
    eligible_seconds: int
    downtime_seconds: int

    @property
    def actual(self) -> Fraction | None:
        if self.eligible_seconds == 0:
            return None
        e, d = self.eligible_seconds, self.downtime_seconds
        return Fraction(100 * (e - d), e)

    @property
    def met(self) -> bool:
        actual = self.actual
        return actual is None or actual >= exact_percent(self.target.percent)


def availability_for_periods(
    sla: SLA,
    target: AvailabilityTarget,
    outage_starts: I64,
    outage_ends: I64,
    categories: list[str],
    periods: list[Period],
) -> list[AvailabilityFigures]:
    """One target over many periods (they may overlap) in one vectorised pass."""
    if not periods:
        return []
    lo = min(p.start for p in periods)
    hi = max(p.end for p in periods)
    eligible = eligible_intervals(sla, target, lo, hi)
    down = counted_outages(sla, outage_starts, outage_ends, categories).clip(lo, hi)
    down = down.intersect(eligible)
    timeline = Timeline.of(eligible)
    ps = as_i64([p.start for p in periods])
    pe = as_i64([p.end for p in periods])
    elig = timeline.measure_between(ps, pe)
    if target.granularity_minutes is None:
        dt = Timeline.of(down).measure_between(ps, pe)
    else:
        n = target.granularity_minutes
        dt = as_i64([timeline.measure_of(slot_cover(down, p, n)) for p in periods])
    return [
        AvailabilityFigures(target, p, int(e), int(d))
        for p, e, d in zip(periods, elig, dt, strict=True)
    ]
