"""Measurement over the register: whole-file imports, results kept per SLA version."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from measurement.errors import InputDataError
from measurement.store import import_file, run_periods
from register import services
from register.models import MeasurementResult, Outage
from register.services.performance import list_results
from tests.register import factories

TERMS = [
    {
        "kind": "availability",
        "value": 99.9,
        "unit": "percent",
        "period": "monthly",
        "service": "Core API",
    },
    {
        "kind": "service_hours",
        "days": "Mon-Fri",
        "start": "09:00",
        "end": "17:00",
        "time_zone": "America/New_York",
    },
    {
        "kind": "credit_tier",
        "metric": "availability",
        "lower": 99.0,
        "upper": 99.9,
        "credit_percent": 10,
    },
    {
        "kind": "credit_tier",
        "metric": "availability",
        "lower": None,
        "upper": 99.0,
        "credit_percent": 25,
    },
]

# 2026-10-06 is a Tuesday; 14:00-15:00 New York time is inside business hours.
OUTAGES = (
    "service,start,end,category\nCore API,2026-10-06T14:00:00-04:00,2026-10-06T15:00:00-04:00,\n"
)


def _setup(session: Session, tmp_path: Path) -> tuple:
    legal = factories.user(session, "legal")
    sre = factories.user(session, "service_owner")
    doc = factories.document(session, legal)
    entries = services.propose_entries(session, actor=legal, document=doc, terms=TERMS)
    for e in entries:
        services.confirm_entry(session, actor=legal, entry_id=e.id)
    path = tmp_path / "outages.csv"
    path.write_text(OUTAGES)
    return legal, sre, entries, path


def test_month_is_measured_and_the_same_inputs_are_not_stored_twice(
    session: Session, tmp_path: Path
) -> None:
    legal, sre, entries, path = _setup(session, tmp_path)
    import_file(session, actor=sre, kind="outages", path=path)
    first = run_periods(session, actor=sre, periods=["2026-10"])
    assert len(first) == 1 and first[0].problem is None and first[0].stored
    avail = first[0].record["results"][0]
    # Availability is on the calendar clock (no business-hours qualifier): October 2026
    # in New York is 31 x 1440 = 44640 minutes (DST ends on 1 November); 60 down.
    assert avail["eligible_minutes"] == 44640 and avail["downtime_minutes"] == 60
    assert avail["met"] is False and first[0].record["credit"]["percent"] == 10
    again = run_periods(session, actor=sre, periods=["2026-10"])
    assert not again[0].stored
    assert len(list_results(session)) == 1


def test_a_new_sla_version_adds_a_result_and_keeps_the_old(
    session: Session, tmp_path: Path
) -> None:
    legal, sre, entries, path = _setup(session, tmp_path)
    import_file(session, actor=sre, kind="outages", path=path)
    run_periods(session, actor=sre, periods=["2026-10"])
    services.edit_entry(session, actor=legal, entry_id=entries[0].id, edits={"value": 99.0})
    second = run_periods(session, actor=sre, periods=["2026-10"])
    assert second[0].stored and second[0].met is True
    results = list_results(session)
    assert [r.met for r in results] == [False, True]


def test_bad_row_imports_nothing_of_the_file(session: Session, tmp_path: Path) -> None:
    sre = factories.user(session, "service_owner")
    path = tmp_path / "outages.csv"
    path.write_text(OUTAGES + "Core API,2026-10-07T10:00:00Z,yesterday,\n")
    with pytest.raises(InputDataError, match="outages.csv:3: column 'end'"):
        import_file(session, actor=sre, kind="outages", path=path)
    assert session.execute(select(func.count()).select_from(Outage)).scalar_one() == 0


def test_viewer_cannot_import_or_run(session: Session, tmp_path: Path) -> None:
    from register.errors import PermissionDenied

    viewer = factories.user(session, "viewer")
    path = tmp_path / "outages.csv"
    path.write_text(OUTAGES)
    with pytest.raises(PermissionDenied):
        import_file(session, actor=viewer, kind="outages", path=path)
    assert session.execute(select(func.count()).select_from(MeasurementResult)).scalar_one() == 0


def test_each_period_is_measured_against_the_version_in_force(
    session: Session, tmp_path: Path
) -> None:
    """A change agreed from November does not rewrite October's result."""
    legal, sre, entries, path = _setup(session, tmp_path)
    import_file(session, actor=sre, kind="outages", path=path)
    services.edit_entry(
        session,
        actor=legal,
        entry_id=entries[0].id,
        edits={"value": 99.0, "effective_from": "2026-11-01"},
    )
    october, november = run_periods(session, actor=sre, periods=["2026-10", "2026-11"])
    assert october.record["results"][0]["target_percent"] == 99.9 and october.met is False
    assert november.record["results"][0]["target_percent"] == 99.0 and november.met is True
