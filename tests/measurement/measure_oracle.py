"""Brute-force oracle: walk every minute and ask the plain questions of DESIGN.md.

Deliberately simple and slow: no interval sets, no prefix sums, no searchsorted. Inputs
are whole minutes (epoch seconds divisible by 60). A minute is business time when it lies
between a working day's opening and closing wall times read with fold=0 (DESIGN.md), on a
day that is not a holiday.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays as hol
from dateutil.rrule import rrulestr

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def wall_to_epoch(d: date, minutes: int, tz: ZoneInfo) -> int:
    # wall-clock arithmetic on an aware datetime, then fold=0 reading (Python's default)
    return int(
        (datetime(d.year, d.month, d.day, tzinfo=tz) + timedelta(minutes=minutes)).timestamp()
    )


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


class OracleCalendar:
    def __init__(self, time_zone: str, hours: object, holidays: dict | None) -> None:
        self.tz = ZoneInfo(time_zone)
        self.hours = hours
        self.holidays = holidays or {}
        self._days: dict[date, list[tuple[int, int]]] = {}
        self._hol: set[date] = set(self.holidays.get("dates", []))
        if self.holidays.get("country"):
            table = hol.country_holidays(
                self.holidays["country"],
                subdiv=self.holidays.get("subdivision"),
                years=range(2020, 2031),
            )
            self._hol |= set(table.keys())

    def _day(self, d: date) -> list[tuple[int, int]]:
        if d not in self._days:
            spans: list[tuple[int, int]] = []
            if d not in self._hol:
                if self.hours == "24x7":
                    texts = ["00:00-24:00"]
                else:
                    texts = self.hours.get(WEEKDAYS[d.weekday()], [])
                for t in texts:
                    a, b = t.split("-")
                    spans.append(
                        (
                            wall_to_epoch(d, _minutes(a), self.tz),
                            wall_to_epoch(d, _minutes(b), self.tz),
                        )
                    )
            self._days[d] = spans
        return self._days[d]

    def is_business(self, t: int) -> bool:
        local = datetime.fromtimestamp(t, self.tz).date()
        for d in (local - timedelta(days=1), local, local + timedelta(days=1)):
            for s, e in self._day(d):
                if s <= t < e:
                    return True
        return False

    def on_clock(self, t: int, clock: str) -> bool:
        return clock == "calendar" or self.is_business(t)


def business_minutes(cal: OracleCalendar, a: int, b: int, clock: str = "business") -> int:
    return sum(1 for m in range(a, b, 60) if cal.on_clock(m, clock))


def deadline(cal: OracleCalendar, a: int, n_minutes: int, limit: int) -> int | None:
    if n_minutes == 0:
        return a
    count = 0
    for m in range(a, limit, 60):
        if cal.is_business(m):
            count += 1
            if count == n_minutes:
                return m + 60
    return None


def maintenance_minutes(items: list[dict], lo: int, hi: int) -> set[int]:
    """Start instants of every minute inside an excluded maintenance occurrence."""
    out: set[int] = set()
    for m in items:
        if not m.get("excluded"):
            continue
        tz = ZoneInfo(m["time_zone"])
        rule = rrulestr(m["rrule"], dtstart=datetime(2000, 1, 1))
        first = datetime.fromtimestamp(lo, tz).replace(tzinfo=None) - timedelta(days=40)
        last = datetime.fromtimestamp(hi, tz).replace(tzinfo=None) + timedelta(days=2)
        for occ in rule.between(first, last, inc=True):
            s = int(occ.replace(tzinfo=tz).timestamp())
            for k in range(m["duration_minutes"]):
                out.add(s + 60 * k)
    return out


def availability(
    cal: OracleCalendar,
    clock: str,
    maint: set[int],
    outages: list[tuple[int, int, str]],
    exclusions: set[str],
    p0: int,
    p1: int,
    granularity: int | None,
) -> tuple[int, int]:
    """(eligible minutes, downtime minutes) walking each minute of [p0, p1)."""
    eligible = 0
    down_slots: dict[int, bool] = {}
    slot_eligible: dict[int, int] = {}
    exact_down = 0
    for m in range(p0, p1, 60):
        if not cal.on_clock(m, clock) or m in maint:
            continue
        eligible += 1
        down = any(s <= m < e for s, e, c in outages if c not in exclusions)
        exact_down += down
        slot = (m - p0) // (60 * (granularity or 1))
        slot_eligible[slot] = slot_eligible.get(slot, 0) + 1
        down_slots[slot] = down_slots.get(slot, False) or down
    if granularity is None:
        return eligible, exact_down
    return eligible, sum(n for k, n in slot_eligible.items() if down_slots[k])


def ticket_elapsed(
    cal: OracleCalendar, clock: str, created: int, end: int, pauses: list[tuple[int, int]]
) -> int:
    """Minutes on the clock from created to end, minus minutes inside any pause."""
    return sum(
        1
        for m in range(created, end, 60)
        if cal.on_clock(m, clock) and not any(s <= m < e for s, e in pauses)
    )
