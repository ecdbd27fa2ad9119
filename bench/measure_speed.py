"""Speed of the measurement engine (prints figures; asserts nothing).

    PYTHONPATH=. python bench/measure_speed.py [--pairs 1000000] [--peers 10000]

1. Business elapsed time for N (start, end) pairs on Mon-Fri 09:00-17:00 America/New_York
   with US/NY holidays: µs/pair; a subsample through the PyPI peers businesstimedelta and
   workclock (optional `bench` extra) with their µs/pair; exact agreement of all three with
   the minute-by-minute oracle of the tests on a sample that crosses both DST changes.
2. One year of availability for 1,000 services from 100,000 outages: seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from measurement.availability import availability_for_periods  # noqa: E402
from measurement.calendar import BusinessClock  # noqa: E402
from measurement.periods import months_between  # noqa: E402
from measurement.sla import SLA, CalendarSpec  # noqa: E402

NY = "America/New_York"
WEEK = ("mon", "tue", "wed", "thu", "fri")
CAL = CalendarSpec(
    time_zone=NY,
    hours={d: ("09:00-17:00",) for d in WEEK},
    holidays={"country": "US", "subdivision": "NY"},
)


def ts(*args: int) -> int:
    return int(datetime(*args, tzinfo=UTC).timestamp())


def best(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def random_pairs(rng: np.random.Generator, n: int, lo: int, hi: int) -> tuple[np.ndarray, ...]:
    a = rng.integers(lo, hi, n, dtype=np.int64)
    b = a + np.minimum(rng.exponential(3 * 86400, n), 30 * 86400).astype(np.int64)
    return a, b


def peers(a: np.ndarray, b: np.ndarray) -> dict[str, tuple[float, np.ndarray] | str]:
    """µs/pair and results of businesstimedelta and workclock (or why they are absent)."""
    out: dict[str, tuple[float, np.ndarray] | str] = {}
    import holidays

    hol = holidays.country_holidays("US", subdiv="NY", years=range(2025, 2028))
    starts = [datetime.fromtimestamp(int(x), UTC) for x in a]
    ends = [datetime.fromtimestamp(int(x), UTC) for x in b]
    try:
        import businesstimedelta as btd
        import pytz

        rules = btd.Rules(
            [
                btd.WorkDayRule(
                    start_time=datetime.min.time().replace(hour=9),
                    end_time=datetime.min.time().replace(hour=17),
                    working_days=[0, 1, 2, 3, 4],
                    tz=pytz.timezone(NY),
                ),
                btd.HolidayRule(hol, tz=pytz.timezone(NY)),
            ]
        )
        t0 = time.perf_counter()
        res = [
            rules.difference(s, e).timedelta.total_seconds()
            for s, e in zip(starts, ends, strict=True)
        ]
        out["businesstimedelta"] = (
            (time.perf_counter() - t0) / len(a) * 1e6,
            np.asarray(res, dtype=np.int64),
        )
    except ImportError as exc:
        out["businesstimedelta"] = f"not installed ({exc.name}); pip install slareg[bench]"
    try:
        from datetime import time as dtime

        import workclock as wc

        sched = wc.Schedule([wc.WorkDay(dtime(9), dtime(17)), wc.Holidays(hol)], time_zone=NY)
        a64, b64 = a.astype("datetime64[s]"), b.astype("datetime64[s]")
        sched.between_many(a64[:10], b64[:10])
        t0 = time.perf_counter()
        res64 = sched.between_many(a64, b64)
        out["workclock"] = (
            (time.perf_counter() - t0) / len(a) * 1e6,
            (res64 // np.timedelta64(1, "s")).astype(np.int64),
        )
    except ImportError as exc:
        out["workclock"] = f"not installed ({exc.name}); pip install slareg[bench]"
    return out


def oracle_sample(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Whole-minute pairs of up to 3 days around both 2026 DST changes and elsewhere."""
    anchors = np.array(
        [ts(2026, 3, 8, 7), ts(2026, 11, 1, 6), ts(2026, 7, 2, 12), ts(2026, 12, 24, 12)],
        dtype=np.int64,
    )
    a = anchors[rng.integers(0, len(anchors), n)] + 60 * rng.integers(-3 * 1440, 1440, n)
    b = a + 60 * rng.integers(0, 3 * 1440, n)
    return a, b


def bench_business_time(n_pairs: int, n_peers: int) -> None:
    rng = np.random.default_rng(7)
    lo, hi = ts(2025, 1, 1), ts(2028, 1, 1)
    t0 = time.perf_counter()
    clock = BusinessClock.build(CAL, lo, hi)
    build = time.perf_counter() - t0
    a, b = random_pairs(rng, n_pairs, ts(2026, 1, 1), ts(2026, 12, 1))
    clock.elapsed(a[:1000], b[:1000])
    secs = best(lambda: clock.elapsed(a, b))
    print(
        f"business time: clock over 3 years built in {build * 1e3:.1f} ms "
        f"({len(clock.intervals)} working intervals)"
    )
    print(f"  slareg      {n_pairs:>9,} pairs: {secs * 1e6 / n_pairs:8.3f} µs/pair ({secs:.3f} s)")
    ours = clock.elapsed(a[:n_peers], b[:n_peers])
    for name, res in peers(a[:n_peers], b[:n_peers]).items():
        if isinstance(res, str):
            print(f"  {name:<18} {res}")
            continue
        us, vals = res
        same = int((vals == ours).sum())
        print(
            f"  {name:<18} {n_peers:>6,} pairs: {us:8.3f} µs/pair; equal to slareg on "
            f"{same:,}/{n_peers:,}"
        )
    check_oracle(clock, rng)


def check_oracle(clock: BusinessClock, rng: np.random.Generator, n: int = 300) -> None:
    from tests.measurement.measure_oracle import OracleCalendar, business_minutes

    oracle = OracleCalendar(NY, CAL.model_dump()["hours"], {"country": "US", "subdivision": "NY"})
    a, b = oracle_sample(rng, n)
    want = np.asarray(
        [business_minutes(oracle, int(x), int(y)) * 60 for x, y in zip(a, b, strict=True)]
    )
    print(
        f"  agreement with the minute-by-minute oracle on {n} pairs (DST crossings "
        "2026-03-08 and 2026-11-01 included):"
    )
    print(f"    slareg: {int((clock.elapsed(a, b) == want).sum())}/{n}")
    for name, res in peers(a, b).items():
        if not isinstance(res, str):
            print(f"    {name}: {int((res[1] == want).sum())}/{n}")


def availability_bench(n_services: int = 1000, n_outages: int = 100_000) -> None:
    rng = np.random.default_rng(11)
    templates = [
        {"time_zone": "UTC", "hours": "24x7"},
        {
            "time_zone": NY,
            "hours": {d: ["09:00-17:00"] for d in WEEK},
            "holidays": {"country": "US", "subdivision": "NY"},
        },
        {"time_zone": "Europe/London", "hours": "24x7"},
    ]
    slas = []
    for i in range(n_services):
        k = i % 3
        slas.append(
            SLA.model_validate(
                {
                    "schema": "slareg.sla/1",
                    "customer": f"C{i}",
                    "service": f"S{i}",
                    "calendar": templates[k],
                    "exclusions": ["scheduled_maintenance"],
                    "maintenance": [
                        {
                            "rrule": "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2",
                            "duration_minutes": 240,
                            "time_zone": "UTC",
                            "excluded": True,
                        }
                    ]
                    if k == 2
                    else [],
                    "targets": [
                        {
                            "kind": "availability",
                            "percent": 99.9,
                            "clock": "business" if k == 1 else "calendar",
                        }
                    ],
                }
            )
        )
    svc = rng.integers(0, n_services, n_outages)
    start = rng.integers(ts(2025, 11, 1), ts(2026, 11, 1), n_outages, dtype=np.int64)
    end = start + rng.lognormal(6.5, 1.2, n_outages).astype(np.int64)
    cats = np.where(rng.random(n_outages) < 0.1, "scheduled_maintenance", "")
    months = {
        t["time_zone"]: months_between("2025-11", "2026-10", t["time_zone"]) for t in templates
    }
    t0 = time.perf_counter()
    order = np.argsort(svc, kind="stable")
    bounds = np.searchsorted(svc[order], np.arange(n_services + 1))
    n_results = 0
    for i, sla in enumerate(slas):
        idx = order[bounds[i] : bounds[i + 1]]
        figs = availability_for_periods(
            sla,
            sla.targets[0],
            start[idx],
            end[idx],
            cats[idx].tolist(),
            months[sla.calendar.time_zone],
        )
        n_results += len(figs)
    secs = time.perf_counter() - t0
    print(
        f"availability: {n_services:,} services x 12 months from {n_outages:,} outages: "
        f"{secs:.2f} s ({n_results:,} period results)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=1_000_000)
    ap.add_argument("--peers", type=int, default=10_000)
    args = ap.parse_args()
    bench_business_time(args.pairs, args.peers)
    availability_bench()


if __name__ == "__main__":
    main()
