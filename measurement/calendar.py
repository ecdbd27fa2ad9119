"""Service calendars: business hours in an IANA zone, holidays, and business-time arithmetic.

A calendar becomes a set of working intervals in UTC epoch seconds (`working_intervals`);
a `BusinessClock` adds prefix sums so that elapsed business time for a million pairs is two
`searchsorted` calls. Local wall times are read per DESIGN.md: a time that occurs twice means
its first occurrence, one that does not exist takes the offset in force before the change
(Python's fold=0) — see `local_to_epoch`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np

from measurement.errors import CalendarRangeError
from measurement.intervals import I64, Intervals, Timeline, as_i64
from measurement.sla import CalendarSpec, Holidays

DAY = 86400


def local_to_epoch(day: date, minute_of_day: int, tz: ZoneInfo) -> int:
    """Epoch seconds of local wall time `minute_of_day` (0..1440) on `day`, fold=0."""
    extra, minute = divmod(minute_of_day, 1440)
    wall = datetime.combine(day + timedelta(days=extra), time(minute // 60, minute % 60))
    return int(wall.replace(tzinfo=tz).timestamp())


def epoch_to_local_date(t: int, tz: ZoneInfo) -> date:
    return datetime.fromtimestamp(t, tz).date()


def holiday_dates(spec: Holidays | None, first_year: int, last_year: int) -> frozenset[date]:
    if spec is None:
        return frozenset()
    days: set[date] = set(spec.dates)
    if spec.country:
        days |= set(_country_holidays(spec.country, spec.subdivision, first_year, last_year))
    return frozenset(days)


@lru_cache(maxsize=256)
def _country_holidays(country: str, subdivision: str | None, y0: int, y1: int) -> tuple[date, ...]:
    import holidays as hol

    table = hol.country_holidays(country, subdiv=subdivision, years=range(y0, y1 + 1))
    return tuple(sorted(table.keys()))


def working_intervals(cal: CalendarSpec, start: int, end: int) -> Intervals:
    """The calendar's business time inside [start, end) as normalised intervals."""
    tz = ZoneInfo(cal.time_zone)
    if cal.hours == "24x7" and cal.holidays is None:
        return Intervals.of([start], [end])
    first = epoch_to_local_date(start, tz) - timedelta(days=1)
    last = epoch_to_local_date(end, tz) + timedelta(days=1)
    skip = holiday_dates(cal.holidays, first.year, last.year)
    ranges = cal.day_ranges()
    s: list[int] = []
    e: list[int] = []
    day = first
    while day <= last:
        if day not in skip:
            for lo, hi in ranges.get(day.weekday(), ()):
                s.append(local_to_epoch(day, lo, tz))
                e.append(local_to_epoch(day, hi, tz))
        day += timedelta(days=1)
    return Intervals.of(s, e).clip(start, end)


@dataclass(frozen=True, eq=False)
class BusinessClock:
    """Business time on a calendar for instants within [lo, hi] (epoch seconds)."""

    lo: int
    hi: int
    timeline: Timeline

    @staticmethod
    def build(cal: CalendarSpec, lo: int, hi: int) -> BusinessClock:
        return BusinessClock(lo, hi, Timeline.of(working_intervals(cal, lo, hi)))

    @property
    def intervals(self) -> Intervals:
        return self.timeline.intervals

    def _check(self, t: I64) -> None:
        if t.size and (t.min() < self.lo or t.max() > self.hi):
            raise CalendarRangeError(
                f"instant outside the clock's range [{self.lo}, {self.hi}] (epoch seconds); "
                "build the clock over the whole span of the data"
            )

    def elapsed(self, start: object, end: object) -> I64:
        """Business seconds in [start, end) for each pair (0 when end <= start)."""
        a, b = as_i64(start), as_i64(end)
        self._check(a)
        self._check(b)
        return self.timeline.measure_between(a, b)

    def deadline(self, start: object, seconds: object) -> I64:
        """Earliest instant with `seconds` business seconds since start (-1: beyond hi)."""
        a = as_i64(start)
        self._check(a)
        return self.timeline.advance(a, np.broadcast_to(as_i64(seconds), a.shape))

    def measure_of(self, other: Intervals) -> int:
        return self.timeline.measure_of(other)


@lru_cache(maxsize=128)
def _cached_clock(cal_json: str, lo: int, hi: int) -> BusinessClock:
    return BusinessClock.build(CalendarSpec.model_validate_json(cal_json), lo, hi)


def clock_for(cal: CalendarSpec, lo: int, hi: int, *, business: bool = True) -> BusinessClock:
    """A (cached) clock; business=False gives the calendar clock (every second counts)."""
    if not business:
        return BusinessClock(lo, hi, Timeline.of(Intervals.of([lo], [hi])))
    return _cached_clock(cal.model_dump_json(), lo, hi)
