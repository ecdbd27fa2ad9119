"""Availability and ticket times agree with the minute-by-minute oracle."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from measurement.availability import availability_for_periods
from measurement.data import MISSING, Pauses, Tickets
from measurement.periods import Period
from measurement.sla import SLA
from measurement.tickets import ticket_figures
from tests.measurement.measure_oracle import (
    OracleCalendar,
    availability,
    maintenance_minutes,
    ticket_elapsed,
)
from tests.measurement.measure_strategies import ZONES, calendar_windows, minute_in

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CATEGORIES = ["", "", "scheduled_maintenance", "customer_caused", "third_party"]


@st.composite
def maintenance(draw: st.DrawFn) -> dict:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY;BYDAY=SU", "WEEKLY;BYDAY=TU,SA"]))
    hour, minute = draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45]))
    return {
        "rrule": f"FREQ={freq};BYHOUR={hour};BYMINUTE={minute}",
        "duration_minutes": draw(st.integers(15, 300)),
        "time_zone": draw(st.sampled_from(ZONES)),
        "excluded": draw(st.booleans()),
    }


def _sla(cal: dict, maint: list[dict], exclusions: list[str], targets: list) -> SLA:
    return SLA.model_validate(
        {
            "schema": "slareg.sla/1",
            "customer": "C",
            "service": "S",
            "calendar": cal,
            "maintenance": maint,
            "exclusions": exclusions,
            "priorities": {"P1": 1, "P2": 2},
            "targets": targets,
        }
    )


@SETTINGS
@given(cw=calendar_windows(), data=st.data())
def test_availability_matches_oracle(cw: tuple[dict, tuple[int, int]], data: st.DataObject) -> None:
    cal, window = cw
    lo, hi = window
    clock = data.draw(st.sampled_from(["calendar", "business"]))
    gran = data.draw(st.one_of(st.none(), st.integers(1, 90)))
    maint = data.draw(st.lists(maintenance(), max_size=2))
    exclusions = data.draw(st.lists(st.sampled_from(CATEGORIES[2:]), max_size=2, unique=True))
    outages = []
    for _ in range(data.draw(st.integers(0, 8))):  # overlapping, crossing the period bounds
        s = minute_in(data.draw, lo - 3600, hi + 3600)
        e = s + 60 * data.draw(st.integers(0, 2000))
        outages.append((s, e, data.draw(st.sampled_from(CATEGORIES))))
    target = {"kind": "availability", "percent": 99.5, "clock": clock, "granularity_minutes": gran}
    sla = _sla(cal, maint, exclusions, [target])
    # the whole window and an overlapping sub-period, computed in one vectorised call
    m1 = minute_in(data.draw, lo, hi)
    m2 = minute_in(data.draw, m1, hi)
    periods = [Period("p", lo, hi, cal["time_zone"]), Period("q", m1, m2, cal["time_zone"])]
    got = availability_for_periods(
        sla,
        sla.targets[0],
        np.array([o[0] for o in outages], dtype=np.int64),
        np.array([o[1] for o in outages], dtype=np.int64),
        [o[2] for o in outages],
        periods,
    )
    oracle = OracleCalendar(cal["time_zone"], cal["hours"], cal["holidays"])
    maint_minutes = maintenance_minutes(maint, lo, hi)
    for p, g in zip(periods, got, strict=True):
        want = availability(
            oracle, clock, maint_minutes, outages, set(exclusions), p.start, p.end, gran
        )
        assert (g.eligible_seconds, g.downtime_seconds) == (want[0] * 60, want[1] * 60), p.label


@SETTINGS
@given(cw=calendar_windows(), data=st.data())
def test_ticket_elapsed_matches_oracle(
    cw: tuple[dict, tuple[int, int]], data: st.DataObject
) -> None:
    cal, window = cw
    lo, hi = window
    clock = data.draw(st.sampled_from(["calendar", "business"]))
    kind = data.draw(st.sampled_from(["response_time", "resolution_time"]))
    n = data.draw(st.integers(1, 6))
    created = [minute_in(data.draw, lo, hi) for _ in range(n)]  # any hour, also off-hours
    ends = [
        c + 60 * data.draw(st.integers(0, 3000)) if data.draw(st.integers(0, 4)) else MISSING
        for c in created
    ]
    pauses: list[tuple[str, int, int]] = []
    for i in range(n):
        for _ in range(data.draw(st.integers(0, 3))):  # may overlap, cross edges and the span
            s = created[i] + 60 * data.draw(st.integers(-300, 3000))
            pauses.append((f"T{i}", s, s + 60 * data.draw(st.integers(0, 900))))
    minutes = data.draw(st.integers(1, 2000))
    target = {"kind": kind, "priority_rank": 1, "minutes": minutes, "clock": clock}
    sla = _sla(cal, [], [], [target])
    col = np.array(ends, dtype=np.int64)
    none = np.full(n, MISSING, dtype=np.int64)
    tickets = Tickets(
        [f"T{i}" for i in range(n)],
        ["C"] * n,
        ["S"] * n,
        ["P1"] * n,
        np.array(created, dtype=np.int64),
        col if kind == "response_time" else none,
        col if kind == "resolution_time" else none,
    )
    pz = Pauses(
        [p[0] for p in pauses],
        np.array([p[1] for p in pauses], dtype=np.int64),
        np.array([p[2] for p in pauses], dtype=np.int64),
    )
    period = Period("p", lo, hi, cal["time_zone"])
    got = ticket_figures(sla, sla.targets[0], tickets, pz, period)
    oracle = OracleCalendar(cal["time_zone"], cal["hours"], cal["holidays"])
    want = {}
    for i in range(n):
        if ends[i] != MISSING and lo <= created[i] < hi:
            mine = [(s, e) for t, s, e in pauses if t == f"T{i}"]
            want[f"T{i}"] = ticket_elapsed(oracle, clock, created[i], ends[i], mine)
    assert {o.ticket_id: o.elapsed_seconds for o in got.outcomes} == {
        k: v * 60 for k, v in want.items()
    }
    assert {o.ticket_id for o in got.missed} == {k for k, v in want.items() if v > minutes}
    assert set(got.unmeasured) == {
        f"T{i}" for i in range(n) if ends[i] == MISSING and lo <= created[i] < hi
    }
