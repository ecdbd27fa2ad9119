"""Measurement periods: calendar months, quarters and years in the SLA's time zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from measurement.calendar import local_to_epoch
from measurement.errors import PeriodError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    label: str
    start: int  # epoch seconds, inclusive
    end: int  # epoch seconds, exclusive
    time_zone: str

    def iso(self, t: int) -> str:
        return datetime.fromtimestamp(t, ZoneInfo(self.time_zone)).isoformat()

    @property
    def end_date(self) -> date:
        """Local date of the (exclusive) end instant: the first day after the period."""
        return datetime.fromtimestamp(self.end, ZoneInfo(self.time_zone)).date()


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


def _span(label: str, first: date, months: int, tz: str) -> Period:
    zone = ZoneInfo(tz)
    return Period(
        label,
        local_to_epoch(first, 0, zone),
        local_to_epoch(_add_months(first, months), 0, zone),
        tz,
    )


def parse_period(label: str, time_zone: str) -> Period:
    """'2026-10' (month), '2026-Q4' (quarter) or '2026' (year) in `time_zone`."""
    text = label.strip()
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"'{label}': month must be 01..12")
        return _span(text, date(year, month, 1), 1, time_zone)
    if m := _QUARTER.match(text):
        year, q = int(m[1]), int(m[2])
        return _span(f"{year}-Q{q}", date(year, 3 * q - 2, 1), 3, time_zone)
    if m := _YEAR.match(text):
        return _span(text, date(int(m[1]), 1, 1), 12, time_zone)
    raise PeriodError(f"'{label}' is not a period; use 2026-10, 2026-Q4 or 2026")


def months_between(first: str, last: str, time_zone: str) -> list[Period]:
    """Every calendar month from `first` to `last` inclusive (labels YYYY-MM)."""
    a, b = parse_period(first, time_zone), parse_period(last, time_zone)
    if not (_MONTH.match(a.label) and _MONTH.match(b.label)):
        raise PeriodError("--from/--to take months such as 2025-11")
    if b.start < a.start:
        raise PeriodError(f"--to {last} is before --from {first}")
    out: list[Period] = []
    d = date(int(a.label[:4]), int(a.label[5:]), 1)
    while True:
        p = _span(d.strftime("%Y-%m"), d, 1, time_zone)
        out.append(p)
        if p.label == b.label:
            return out
        d = _add_months(d, 1)


def month_of(t: int, time_zone: str) -> str:
    return datetime.fromtimestamp(t, ZoneInfo(time_zone)).strftime("%Y-%m")


def rolling_window(period: Period, days: int = 30) -> Period:
    """The `days` days (of elapsed time) ending where `period` ends."""
    start = period.end - days * 86400
    return Period(f"{period.label}~{days}d", start, period.end, period.time_zone)


def next_day(d: date, days: int) -> date:
    return d + timedelta(days=days)
