"""Business-time arithmetic agrees with the minute-by-minute oracle (zero disagreement)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from measurement.calendar import BusinessClock
from measurement.sla import CalendarSpec
from tests.measurement.measure_oracle import OracleCalendar, business_minutes, deadline
from tests.measurement.measure_strategies import calendar_windows, minute_in

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _both(cal: dict) -> tuple[CalendarSpec, OracleCalendar]:
    spec = CalendarSpec.model_validate(cal)
    return spec, OracleCalendar(cal["time_zone"], cal["hours"], cal["holidays"])


@SETTINGS
@given(cw=calendar_windows(), data=st.data())
def test_elapsed_matches_oracle(cw: tuple[dict, tuple[int, int]], data: st.DataObject) -> None:
    cal, window = cw
    spec, oracle = _both(cal)
    lo, hi = window
    clock = BusinessClock.build(spec, lo, hi)
    pairs = [(minute_in(data.draw, lo, hi), minute_in(data.draw, lo, hi)) for _ in range(4)]
    pairs.append((lo, hi))
    got = clock.elapsed([a for a, _ in pairs], [b for _, b in pairs])
    want = [business_minutes(oracle, a, b) * 60 for a, b in pairs]
    assert got.tolist() == want


@SETTINGS
@given(cw=calendar_windows(), data=st.data())
def test_deadline_matches_oracle(cw: tuple[dict, tuple[int, int]], data: st.DataObject) -> None:
    cal, window = cw
    spec, oracle = _both(cal)
    lo, hi = window
    clock = BusinessClock.build(spec, lo, hi)
    start = minute_in(data.draw, lo, hi)
    n = data.draw(st.integers(0, 3000))
    got = int(clock.deadline([start], [n * 60])[0])
    want = deadline(oracle, start, n, hi)
    assert got == (-1 if want is None else want)
    if want is not None:  # and the two operations are inverse
        assert int(clock.elapsed([start], [got])[0]) == n * 60


def test_spring_forward_gap_reads_offset_before_change() -> None:
    # DESIGN.md: 02:00 on a spring-forward night in New York is 07:00 UTC
    spec = CalendarSpec(time_zone="America/New_York", hours={"sun": ("02:00-04:00",)})
    lo = 1772928000  # 2026-03-08T00:00Z
    clock = BusinessClock.build(spec, lo, lo + 86400)
    assert clock.intervals.starts.tolist() == [lo + 7 * 3600]
    # 04:00 EDT is 08:00 UTC: one real hour of business time that night
    assert clock.intervals.total() == 3600


def test_fall_back_repeated_hour_counts_twice_when_inside_hours() -> None:
    spec = CalendarSpec(time_zone="America/New_York", hours={"sun": ("00:00-03:00",)})
    lo = 1793491200  # 2026-11-01T00:00Z
    clock = BusinessClock.build(spec, lo, lo + 86400)
    assert clock.intervals.total() == 4 * 3600  # 00:00 EDT .. 03:00 EST


def test_vectorised_over_many_pairs() -> None:
    spec = CalendarSpec(
        time_zone="Europe/London",
        hours={d: ("09:00-17:00",) for d in ("mon", "tue", "wed", "thu", "fri")},
    )
    lo = 1767225600  # 2026-01-01T00:00Z
    clock = BusinessClock.build(spec, lo, lo + 365 * 86400)
    a = np.full(3, lo + 9 * 3600)  # Thu 09:00 GMT
    b = a + np.array([3600, 86400, 7 * 86400])
    assert clock.elapsed(a, b).tolist() == [3600, 8 * 3600, 5 * 8 * 3600]
