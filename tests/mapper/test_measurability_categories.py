"""Measurability: each category of the issue list is caught when a sentence states it
incompletely, and its complete look-alike stays clean (sentences judged on their own)."""

from __future__ import annotations

import pytest

from mapper.measurability import MeasurabilityChecker, assess, load_patterns
from mapper.unmeasurable import unmeasurable_findings
from tests.mapper.factories import make_extraction, term

INCOMPLETE_AND_COMPLETE = [
    # hours: days, hours AND time zone
    (
        "Support is open 9am to 5pm, Monday to Friday.",
        "SLA-U007",
        "Support is open 9am to 5pm, Monday to Friday, Europe/London time.",
    ),
    (
        "Our helpdesk answers calls on weekdays.",
        "SLA-U007",
        "Our helpdesk answers calls on weekdays from 08:00 to 18:00 CET.",
    ),
    (
        "Support is provided during normal business hours.",
        "SLA-U007",
        "Support is provided during normal business hours (09:00-17:00 ET, Monday to Friday).",
    ),
    # maintenance: a window (days + hours + zone) or a notice period
    (
        "Maintenance may be performed on weekends.",
        "SLA-U010",
        "Maintenance may be performed on Sundays between 01:00 and 05:00 UTC.",
    ),
    (
        "Planned maintenance takes place between 00:00 and 04:00.",
        "SLA-U010",
        "Planned maintenance is announced at least 72 hours in advance.",
    ),
    # a percentage target needs a period
    (
        "We target uptime of 99.9%.",
        "SLA-U005",
        "We target uptime of 99.9% in every calendar month.",
    ),
    (
        "95% of support tickets will be answered within one hour.",
        "SLA-U005",
        "95% of support tickets each month will be answered within one hour.",
    ),
    # priorities: a named label or a definition, not the provider's judgement
    (
        "Tickets the Provider considers high priority will receive a response within 2 hours.",
        "SLA-U008",
        "Priority 2 tickets will receive a response within 2 hours.",
    ),
    (
        "Urgent issues are responded to within 30 minutes.",
        "SLA-U008",
        "Urgent issues (production down for all users) are responded to within 30 minutes.",
    ),
    # credits: which fees, of which period, and how much
    (
        "If the SLA is missed the customer gets a credit of 10% of fees.",
        "SLA-U009",
        "If the SLA is missed the customer gets a credit of 10% of the monthly fees.",
    ),
    (
        "Credits are calculated as a percentage of the monthly fees.",
        "SLA-U009",
        "Credits are calculated as 5% of the monthly fees per hour of downtime.",
    ),
    # vague commitments
    (
        "Response times will meet our published targets.",
        "SLA-U003",
        "Response times will meet the targets in the table in clause 4.2.",
    ),
    (
        "Incidents receive priority attention from our engineers.",
        "SLA-U002",
        "Incidents receive attention from our engineers within 30 minutes.",
    ),
    (
        "Backups are taken periodically.",
        "SLA-U004",
        "Backups are taken every 4 hours.",
    ),
]


@pytest.mark.parametrize(("vague", "rule", "precise"), INCOMPLETE_AND_COMPLETE)
def test_incomplete_statement_raises_and_complete_one_does_not(
    vague: str, rule: str, precise: str
) -> None:
    assert rule in {h.rule for h in assess(vague)}, assess(vague)
    assert assess(precise) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Provider will respond to Urgent tickets within 45 minutes, 24x7.",  # a named label
        "Tickets marked as Critical are answered within 15 minutes, 24x7.",
        "Does maintenance count as downtime?",  # a question commits to nothing
        "Faults reported by 16:00 UK time will be fixed by 12:00 the next working day.",
        "The Supplier will attend a monthly service review on the second Tuesday of each month.",
        '"Business Day" means Monday to Friday, excluding public holidays in England.',
        "If we fall short of the uptime target, credits are 10% of that month's fee.",
    ],
)
def test_look_alikes_stay_clean(sentence: str) -> None:
    assert assess(sentence) == ()


def test_a_sentence_alone_is_a_commitment_but_a_document_line_need_not_be() -> None:
    sentence = "Our engineers respond to every ticket."
    assert [h.rule for h in assess(sentence)] == ["SLA-U011"]
    assert unmeasurable_findings(make_extraction("d.txt", sentence + "\n")) == []
    for clean in [
        "Availability is measured by the Provider's external monitoring from three regions.",
        "Support is provided during Business Hours.",  # a defined term points to its definition
        "The Customer shall log all incidents through the service portal.",
    ]:
        assert assess(clean) == (), clean


def test_priority_class_needs_a_target() -> None:
    doc = make_extraction("d.txt", "Urgent requests must be raised by telephone.\n")
    assert "SLA-U008" not in {f.rule for f in unmeasurable_findings(doc)}


def test_document_time_zone_answers_windows() -> None:
    window = "Support is available Monday to Friday, 09:00-17:00.\n"
    assert {f.rule for f in unmeasurable_findings(make_extraction("d.txt", window))} == {"SLA-U007"}
    zoned = make_extraction("d.txt", "All times in this SLA are UTC.\n" + window)
    assert unmeasurable_findings(zoned) == []


def test_document_priority_definitions_answer_priority_classes() -> None:
    sentence = "Urgent issues are answered within 30 minutes.\n"
    assert "SLA-U008" in {f.rule for f in unmeasurable_findings(make_extraction("d", sentence))}
    defined = make_extraction(
        "d.txt",
        "Priority 1 (Urgent) means the service is down for all users.\n" + sentence,
        [term("response_time", "answered within 30 minutes", minutes=30)],
    )
    assert "SLA-U008" not in {f.rule for f in unmeasurable_findings(defined)}


def test_structural_rules_are_data() -> None:
    data = dict(load_patterns())
    data["rules"] = {
        **data["rules"],
        "no_owner": {
            "rule": "SLA-U998",
            "when": [["commitment", "service_action"]],
            "unless": [["customer_subject"]],
            "message": "m",
            "suggestion": "s",
        },
    }
    checker = MeasurabilityChecker(data)
    hits = checker.assess("Provider will respond within 1 hour, 24x7.")
    assert [h.rule for h in hits] == ["SLA-U998"]
    assert checker.assess("Customer will respond within 1 hour, 24x7.") == ()


def test_regex_guards_and_needs_skip_work_without_changing_results() -> None:
    data = dict(load_patterns())
    unguarded = {
        name: {k: v for k, v in spec.items() if k not in ("regex_guard", "regex_needs")}
        | {
            "regex": [r["rx"] if isinstance(r, dict) else r for r in spec.get("regex") or ()],
        }
        for name, spec in data["anchors"].items()
    }
    plain = MeasurabilityChecker({**data, "anchors": unguarded})
    for sentence in [c[0] for c in INCOMPLETE_AND_COMPLETE] + [
        c[2] for c in INCOMPLETE_AND_COMPLETE
    ]:
        assert plain.assess(sentence) == assess(sentence), sentence
