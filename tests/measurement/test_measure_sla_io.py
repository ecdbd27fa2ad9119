"""SLA definition parsing/dumping and CSV validation (file, line, column; nothing partial)."""

from __future__ import annotations

from pathlib import Path

import pytest

from measurement.errors import InputDataError, PeriodError, SLADefinitionError
from measurement.io import input_hashes, parse_outages, parse_pauses, parse_tickets
from measurement.periods import months_between, parse_period
from measurement.sla import load_sla, sla_from_yaml, sla_to_yaml

SLAS = sorted((Path(__file__).parents[2] / "corpus" / "performance" / "slas").glob("*.sla.yaml"))
MINIMAL = "schema: slareg.sla/1\ncustomer: A\nservice: B\n"


@pytest.mark.parametrize("path", SLAS, ids=lambda p: p.name)
def test_corpus_slas_round_trip_through_yaml(path: Path) -> None:
    sla = load_sla(path)
    assert sla_from_yaml(sla_to_yaml(sla)) == sla


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        ("calendar: {time_zone: Mars/Olympus}", "calendar.time_zone", "IANA"),
        ("calendar: {hours: {mon: ['17:00-09:00']}}", "calendar.hours", "overnight"),
        ("calendar: {hours: {funday: ['09:00-17:00']}}", "calendar.hours", "weekday"),
        ("calendar: {hours: {mon: ['9-5']}}", "calendar.hours", "HH:MM"),
        ("calendar: {hours: {mon: ['09:00-12:00', '11:00-13:00']}}", "calendar.hours", "overlap"),
        ("targets: [{kind: availability, percent: 120}]", "targets[0].percent", "100"),
        ("targets: [{kind: response_time, minutes: 60}]", "targets[0].priority_rank", "required"),
        ("targets: [{kind: uptime, percent: 99}]", "targets[0]", "kind"),
        (
            "maintenance: [{rrule: 'FREQ=SOMETIMES', duration_minutes: 60}]",
            "maintenance[0].rrule",
            "RRULE",
        ),
        (
            "credits: [{metric: availability, lower: 99.9, upper: 99, credit_percent: 5}]",
            "credits[0]",
            "below",
        ),
        ("exclusions: [acts_of_cats]", "exclusions[0]", "force_majeure"),
        ("claim_window_days: 30\nclaim_window_billing_cycles: 1", "(top level)", "not both"),
        ("colour: blue", "colour", "Extra"),
    ],
)
def test_bad_definitions_name_the_field(extra: str, field: str, words: str) -> None:
    with pytest.raises(SLADefinitionError) as err:
        sla_from_yaml(MINIMAL + extra, "x.sla.yaml")
    text = str(err.value)
    assert "x.sla.yaml" in text
    assert any(
        line.strip().startswith(f"- {field}") and words in line for line in text.splitlines()
    ), text


def test_wrong_schema_and_not_a_mapping() -> None:
    with pytest.raises(SLADefinitionError, match="schema"):
        sla_from_yaml("schema: slareg.sla/2\ncustomer: A\nservice: B\n")
    with pytest.raises(SLADefinitionError, match="mapping"):
        sla_from_yaml("- just a list")


BAD_OUTAGES = """service,start,end,category
Core API,2026-10-01T10:00:00+00:00,2026-10-01T11:00:00+00:00,
Core API,2026-10-01T10:00:00,2026-10-01T11:00:00+00:00,
Core API,2026-10-01T12:00:00+00:00,2026-10-01T11:00:00+00:00,
,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z,acts_of_cats
"""


def test_bad_outage_rows_are_all_reported_with_line_and_column() -> None:
    with pytest.raises(InputDataError) as err:
        parse_outages(BAD_OUTAGES, "outages.csv")
    problems = err.value.problems
    assert any(p.startswith("outages.csv:3: column 'start'") and "offset" in p for p in problems)
    assert any(p.startswith("outages.csv:4: column 'end'") and "before" in p for p in problems)
    assert any(p.startswith("outages.csv:5: column 'category'") for p in problems)
    assert any(p.startswith("outages.csv:5: column 'service'") for p in problems)
    assert not any(":2:" in p for p in problems)


def test_missing_header_column() -> None:
    with pytest.raises(InputDataError, match=r"tickets.csv:1: header lacks column\(s\) resolved"):
        parse_tickets("id,customer,service,priority,created,first_response\n", "tickets.csv")


def test_ticket_rules() -> None:
    text = (
        "id,customer,service,priority,created,first_response,resolved\n"
        "T1,A,B,P1,2026-10-01T10:00:00Z,2026-10-01T09:00:00Z,\n"
        "T1,A,B,P1,2026-10-01T10:00:00Z,,\n"
    )
    with pytest.raises(InputDataError) as err:
        parse_tickets(text, "t.csv")
    assert "t.csv:2: column 'first_response'" in str(err.value)
    assert "t.csv:3: column 'id': ticket 'T1' appears twice" in str(err.value)


def test_pause_of_unknown_ticket() -> None:
    with pytest.raises(InputDataError, match="p.csv:2: column 'ticket_id'"):
        parse_pauses(
            "ticket_id,start,end\nT9,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z\n",
            "p.csv",
            known_tickets={"T1"},
        )


def test_input_hash_ignores_order_offsets_and_other_services() -> None:
    sla = sla_from_yaml(MINIMAL)
    t = parse_tickets("id,customer,service,priority,created,first_response,resolved\n")
    p = parse_pauses("ticket_id,start,end\n")
    a = parse_outages(
        "service,start,end,category\nB,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z,\n"
        "B,2026-10-02T10:00:00Z,2026-10-02T11:00:00Z,\n"
    )
    b = parse_outages(
        "service,start,end,category\n"
        "X,2026-10-05T10:00:00Z,2026-10-05T11:00:00Z,\n"
        "B,2026-10-02T12:00:00+02:00,2026-10-02T13:00:00+02:00,\n"
        "B,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z,\n"
    )
    c = parse_outages(
        "service,start,end,category\nB,2026-10-01T10:00:00Z,2026-10-01T11:00:01Z,\n"
        "B,2026-10-02T10:00:00Z,2026-10-02T11:00:00Z,\n"
    )
    assert input_hashes(sla, a, t, p) == input_hashes(sla, b, t, p)
    assert input_hashes(sla, a, t, p)["combined"] != input_hashes(sla, c, t, p)["combined"]


@pytest.mark.parametrize(
    ("label", "zone", "start", "end"),
    [
        (
            "2026-10",
            "Australia/Lord_Howe",
            "2026-10-01T00:00:00+10:30",
            "2026-11-01T00:00:00+11:00",
        ),
        ("2026-Q1", "Europe/London", "2026-01-01T00:00:00+00:00", "2026-04-01T00:00:00+01:00"),
        ("2026", "America/New_York", "2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00"),
    ],
)
def test_periods_are_local_calendar_spans(label: str, zone: str, start: str, end: str) -> None:
    p = parse_period(label, zone)
    assert (p.iso(p.start), p.iso(p.end)) == (start, end)


def test_months_between_and_bad_labels() -> None:
    assert [p.label for p in months_between("2025-11", "2026-02", "UTC")] == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    for bad in ("2026-13", "Oct 2026", "2026-Q5"):
        with pytest.raises(PeriodError):
            parse_period(bad, "UTC")
