import pytest

from extractor.normalize import (
    Duration,
    normalize_days,
    normalize_period,
    normalize_unit,
    normalize_zone,
    parse_clock,
    parse_duration,
    parse_percent,
    priority_rank,
    words_to_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("thirty", 30),
        ("twenty-four", 24),
        ("ninety-nine and nine-tenths", 99.9),
        ("ninety nine and ninety-five hundredths", 99.95),
        ("one (1)", 1),
        ("fifteen (15)", 15),
        ("99.95", 99.95),
        ("one hundred", 100),
        ("second", 2),
        ("1,000", 1000),
    ],
)
def test_words_to_number(text, value):
    assert words_to_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "banana", "the", "ninety-nine bottles"])
def test_words_to_number_rejects_non_numbers(text):
    assert words_to_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("99.9%", 99.9),
        ("99.95 per cent", 99.95),
        ("99.9 percent", 99.9),
        ("ninety-nine and nine-tenths percent (99.9%)", 99.9),
        ("thirty percent", 30),
        ("ten per cent (10%)", 10),
    ],
)
def test_parse_percent(text, value):
    assert parse_percent(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit", "minutes"),
    [
        ("one (1) hour", 1, "hours", 60),
        ("4 business hours", 4, "business_hours", 240),
        ("next business day", 1, "business_days", 1440),
        ("NBD", 1, "business_days", 1440),
        ("within thirty (30) minutes", 30, "minutes", 30),
        ("2 business days", 2, "business_days", 2880),
        ("15 mins", 15, "minutes", 15),
        ("30-minute", 30, "minutes", 30),
        ("2 Support Hours", 2, "business_hours", 120),
        ("thirty (30) calendar days", 30, "days", 43200),
        ("the second billing cycle", 2, "billing_cycles", None),
        ("4h", 4, "hours", 240),
    ],
)
def test_parse_duration(text, value, unit, minutes):
    d = parse_duration(text)
    assert d == Duration(value, unit)
    assert d.minutes == minutes
    assert d.business == unit.startswith("business")


@pytest.mark.parametrize("text", ["", "soon", "hours", "99.9%"])
def test_parse_duration_rejects(text):
    assert parse_duration(text) is None


def test_normalize_unit_aliases():
    assert normalize_unit("hrs") == "hours"
    assert normalize_unit("Working Days") == "business_days"
    assert normalize_unit("fortnight") is None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Eastern Time", "America/New_York"),
        ("ET", "America/New_York"),
        ("EST", "America/New_York"),
        ("Pacific", "America/Los_Angeles"),
        ("US Pacific Time", "America/Los_Angeles"),
        ("GMT/BST", "Europe/London"),
        ("UK time", "Europe/London"),
        ("CET", "Europe/Berlin"),
        ("UTC", "UTC"),
        ("GMT", "UTC"),
        ("Central", "America/Chicago"),
        ("Central European Time", "Europe/Berlin"),
        ("Singapore Time", "Asia/Singapore"),
        ("Mars time", None),
    ],
)
def test_normalize_zone(text, zone):
    assert normalize_zone(text) == zone


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("8:00 a.m.", "08:00"),
        ("6:00 p.m.", "18:00"),
        ("6pm", "18:00"),
        ("12 a.m.", "00:00"),
        ("12:30 pm", "12:30"),
        ("17:00", "17:00"),
        ("noon", "12:00"),
        ("0800", "08:00"),
        ("1730", "17:30"),
        ("25:00", None),
        ("lunch", None),
    ],
)
def test_parse_clock(text, clock):
    assert parse_clock(text) == clock


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Monday through Friday", "Mon-Fri"),
        ("Mon\u2013Fri", "Mon-Fri"),
        ("Monday to Saturday", "Mon-Sat"),
        ("Sundays", "Sun"),
        ("weekdays", "Mon-Fri"),
        ("Tuesdays and Thursdays", "Tue,Thu"),
        ("Monday, Wednesday and Friday", "Mon,Wed,Fri"),
        ("someday", None),
    ],
)
def test_normalize_days(text, days):
    assert normalize_days(text) == days


@pytest.mark.parametrize(
    ("label", "rank"),
    [
        ("P1", 1),
        ("Sev 1", 1),
        ("Severity 1", 1),
        ("Severity Level 2", 2),
        ("Priority 3", 3),
        ("P0", 1),
        ("Severity One", 1),
        ("Critical", 1),
        ("Urgent", 1),
        ("High", 2),
        ("Medium", 3),
        ("Normal", 3),
        ("Low", 4),
        ("Sev-4", 4),
        ("Blue", None),
    ],
)
def test_priority_rank(label, rank):
    assert priority_rank(label) == rank


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("calendar month", "monthly"),
        ("monthly", "monthly"),
        ("billing cycle", "billing_cycle"),
        ("each quarter", "quarterly"),
        ("Service Year", "yearly"),
        ("annually", "yearly"),
        ("sometimes", None),
    ],
)
def test_normalize_period(text, period):
    assert normalize_period(text) == period


@pytest.mark.parametrize(
    ("label", "rank"),
    [("Severity A", 1), ("Sev-B", 2), ("Priority C", 3), ("severity d", 4), ("Severity X", None),
     ("Plan A", None)],
)  # fmt: skip
def test_priority_letters(label, rank):
    assert priority_rank(label) == rank


@pytest.mark.parametrize(
    ("text", "clock"),
    [("Saturday 23:00", "23:00"), ("Sun. 3 a.m.", "03:00"), ("Saturday", None)],
)
def test_parse_clock_after_a_day_name(text, clock):
    assert parse_clock(text) == clock


@pytest.mark.parametrize(
    ("text", "zone"),
    [("Singapore Time", "Asia/Singapore"), ("Singapore Standard Time", "Asia/Singapore"),
     ("Hong Kong Time", "Asia/Hong_Kong"), ("Atlantis Time", None)],
)  # fmt: skip
def test_more_zones(text, zone):
    assert normalize_zone(text) == zone


@pytest.mark.parametrize(
    ("text", "unit"),
    [("1 Support Hour", "business_hours"), ("2 support days", "business_days"),
     ("3 working hrs", "business_hours")],
)  # fmt: skip
def test_support_and_working_units(text, unit):
    assert parse_duration(text) == Duration(int(text.split()[0]), unit)
