"""Credit tiers and claim deadlines, backtest variants, OpenSLO export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from measurement.availability import AvailabilityFigures
from measurement.backtest import backtest, load_draft
from measurement.credits import claim_deadline, credit_for
from measurement.errors import DraftFormatError
from measurement.io import parse_outages, parse_pauses, parse_tickets
from measurement.openslo import sla_to_openslo
from measurement.periods import months_between, parse_period
from measurement.sla import sla_from_yaml
from tests.measurement.test_measure_hand_example import OUTAGES, PAUSES, SLA_YAML, TICKETS

BASE = """schema: slareg.sla/1
customer: A
service: B
calendar: {time_zone: Europe/London}
targets: [{kind: availability, percent: 99.9}]
credits:
  - {metric: availability, lower: 99.0, upper: 99.9, credit_percent: 10}
  - {metric: availability, lower: null, upper: 99.0, credit_percent: 25}
credit_cap_percent: 20
monthly_fee: 1234.56
"""


def _credit(downtime: int, eligible: int = 100_000) -> tuple[float, bool, object]:
    sla = sla_from_yaml(BASE)
    period = parse_period("2026-10", "Europe/London")
    fig = AvailabilityFigures(sla.targets[0], period, eligible, downtime)  # type: ignore[arg-type]
    c = credit_for(sla, period, [fig], [])
    return float(c.percent), c.capped, fig.met


@pytest.mark.parametrize(
    ("downtime", "percent", "capped", "met"),
    [
        (0, 0, False, True),
        (100, 0, False, True),  # exactly 99.9: the upper bound is exclusive, and the target is met
        (101, 10, False, False),
        (1000, 10, False, False),  # exactly 99.0: the lower bound is inclusive
        (1001, 20, True, False),  # 25 capped at 20
    ],
)
def test_tier_bounds_and_cap(downtime: int, percent: float, capped: bool, met: bool) -> None:
    assert _credit(downtime) == (percent, capped, met)


def test_amount_and_claim_deadlines() -> None:
    sla = sla_from_yaml(BASE + "claim_window_billing_cycles: 2\n")
    oct_ = parse_period("2026-10", "Europe/London")
    fig = AvailabilityFigures(sla.targets[0], oct_, 100_000, 500)  # type: ignore[arg-type]
    assert float(credit_for(sla, oct_, [fig], []).amount or 0) == pytest.approx(123.456)
    assert claim_deadline(sla, oct_) == date(2026, 12, 31)
    days = sla_from_yaml(BASE + "claim_window_days: 30\n")
    assert claim_deadline(days, parse_period("2026-12", "Europe/London")) == date(2027, 1, 31)


def _hand_backtest(sla_text: str) -> dict:
    sla = sla_from_yaml(sla_text)
    tickets = parse_tickets(TICKETS)
    bt = backtest(
        sla,
        parse_outages(OUTAGES),
        tickets,
        parse_pauses(PAUSES),
        months_between("2026-07", "2026-07", "America/New_York"),
    )
    return {v.variant.name: v.records[0] for v in bt.variants}


def test_backtest_variants_change_what_the_draft_leaves_open() -> None:
    runs = _hand_backtest(SLA_YAML.replace("granularity_minutes: 5", "granularity_minutes: null"))
    down = {k: r.results[0].downtime_minutes for k, r in runs.items()}
    # exact 29.5 (see test_measure_hand_example); 1-minute slots: 10:02-10:21 (19) + 7 + 2 + 2
    assert down == {
        "as_defined": 29.5,
        "granularity_1": 30.0,
        "granularity_5": 45.0,
        "rolling_30_days": 29.5,
        "pauses_off": 29.5,
    }
    # without pauses T3 answers after 90 business minutes and T2 resolves after 5490 minutes
    assert runs["pauses_off"].results[1].missed == ["T2", "T3"]
    assert runs["pauses_off"].results[2].missed == ["T2", "T3"]
    # the rolling window (30 days ending Aug 1 00:00 EDT) starts Jul 2: one Wednesday less
    rolling = runs["rolling_30_days"].results[0].eligible_minutes
    assert rolling == 10260.0 - (480 - 60)


def test_draft_loader() -> None:
    docx = Path("draft.docx")
    with pytest.raises(DraftFormatError, match="docx"):
        load_draft(docx)
    assert load_draft(docx, loader=lambda p: sla_from_yaml(BASE)).customer == "A"


def test_openslo_documents() -> None:
    sla = sla_from_yaml(SLA_YAML)
    docs = list(yaml.safe_load_all(sla_to_openslo(sla, {"response_time:p1": "REG-7"})))
    assert [d["spec"]["budgetingMethod"] for d in docs] == [
        "Timeslices",
        "Occurrences",
        "Occurrences",
    ]
    assert all(d["apiVersion"] == "openslo/v1" and d["kind"] == "SLO" for d in docs)
    assert len({d["metadata"]["name"] for d in docs}) == 3
    avail, resp, _ = docs
    assert avail["spec"]["objectives"][0] == {
        "displayName": "availability 99.9%",
        "target": 0.999,
        "timeSliceTarget": 1,
        "timeSliceWindow": "5m",
    }
    assert avail["spec"]["timeWindow"][0]["calendar"]["timeZone"] == "America/New_York"
    assert avail["spec"]["timeWindow"][0]["duration"] == "1M"
    assert resp["spec"]["objectives"][0]["target"] == 0.95
    assert resp["metadata"]["annotations"]["slareg.io/register-id"] == "REG-7"
    assert "slareg.io/register-id" not in avail["metadata"]["annotations"]
    assert all(isinstance(v, str) for d in docs for v in d["metadata"]["annotations"].values())
