"""Hypothesis strategies: a calendar and a window near one of its zone's DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import strategies as st

# each zone with the days (UTC) its clocks change in 2026, both directions
TRANSITIONS: dict[str, list[date]] = {
    "UTC": [],
    "Asia/Kolkata": [],
    "America/New_York": [date(2026, 3, 8), date(2026, 11, 1)],
    "Europe/London": [date(2026, 3, 29), date(2026, 10, 25)],
    "Australia/Lord_Howe": [date(2026, 4, 4), date(2026, 10, 3)],  # 30-minute shift
    "America/Santiago": [date(2026, 4, 5), date(2026, 9, 6)],  # at local midnight
    "Pacific/Chatham": [date(2026, 4, 4), date(2026, 9, 26)],  # at 02:45 / 03:45
}
ZONES = list(TRANSITIONS)
ORDINARY = [date(2026, 7, 3), date(2026, 12, 24), date(2026, 12, 31), date(2026, 5, 25)]
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_SPAN_MIN = 10 * 24 * 60


def _fmt(half_hours: int) -> str:
    m = half_hours * 30
    return f"{m // 60:02d}:{m % 60:02d}"


# range bounds: any half hour, often 00:00-04:00 where clocks change
_BOUND = st.one_of(st.integers(0, 48), st.integers(0, 8))


@st.composite
def day_ranges(draw: st.DrawFn) -> list[str]:
    bounds = sorted(draw(st.sets(_BOUND, max_size=4)))
    if len(bounds) % 2:
        bounds = bounds[:-1]
    return [f"{_fmt(a)}-{_fmt(b)}" for a, b in zip(bounds[::2], bounds[1::2], strict=True)]


@st.composite
def calendars(draw: st.DrawFn, zone: str | None = None) -> dict:
    zone = zone or draw(st.sampled_from(ZONES))
    if draw(st.integers(0, 5)) == 0:
        hours: object = "24x7"
    else:
        hours = {d: r for d in DAYS if (r := draw(day_ranges()))}
    holidays: dict | None = None
    choice = draw(st.integers(0, 3))
    if choice == 1:
        holidays = {"country": "US", "subdivision": "NY"}
    elif choice == 2:
        holidays = {"country": "GB"}
    if choice and draw(st.booleans()):
        holidays = dict(holidays or {})
        holidays["dates"] = draw(
            st.lists(st.dates(date(2026, 2, 20), date(2027, 1, 20)), max_size=4)
        )
    return {"time_zone": zone, "hours": hours, "holidays": holidays}


@st.composite
def windows(draw: st.DrawFn, zone: str) -> tuple[int, int]:
    """A window (lo, hi) of whole minutes, at most 10 days, mostly around a DST change."""
    days = TRANSITIONS[zone] if draw(st.integers(0, 4)) else []
    day = draw(st.sampled_from(days or ORDINARY))
    anchor = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
    lo = anchor + 60 * draw(st.integers(-4 * 1440, 2 * 1440))
    hi = lo + 60 * draw(st.integers(1, MAX_SPAN_MIN))
    return lo, hi


@st.composite
def calendar_windows(draw: st.DrawFn) -> tuple[dict, tuple[int, int]]:
    zone = draw(st.sampled_from(ZONES))
    return draw(calendars(zone)), draw(windows(zone))


def minute_in(draw: st.DrawFn, lo: int, hi: int) -> int:
    return lo + 60 * draw(st.integers(0, (hi - lo) // 60))
