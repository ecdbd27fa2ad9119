"""Measurability: precision/recall on the labelled set, and the behaviours the rules promise."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from mapper.measurability import MeasurabilityChecker, assess, is_measurable, load_patterns
from mapper.unmeasurable import unmeasurable_findings
from tests.mapper.factories import make_extraction, term

DATA = Path(__file__).parent / "data" / "measurability.jsonl"


def _rows() -> list[dict[str, str]]:
    return [
        json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_labelled_set_is_balanced_and_large_enough() -> None:
    rows = _rows()
    vague = sum(r["label"] == "vague" for r in rows)
    assert len(rows) >= 80
    assert abs(vague - (len(rows) - vague)) <= len(rows) // 10


def test_precision_and_recall_on_labelled_set() -> None:
    tp = fp = fn = 0
    for row in _rows():
        predicted = not is_measurable(row["text"])
        gold = row["label"] == "vague"
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # achieved 1.00 / 0.998 on this set (1110 sentences). The first 439 were written in
    # eight rounds by an earlier helper (first-pass precision 1.00, recall 0.81 on unseen
    # rounds); four of them were relabelled vague when undefined priority classes
    # ("High-priority tickets", "Critical bugs") became a rule. 671 more came in sixteen
    # rounds (A-P), each run once unseen before the patterns were widened: A targeted rules
    # that did not exist yet (recall 0.37); B-J: 164 of 213 vague caught (0.77, per round
    # 0.67-0.88), 6 false alarms (precision 0.965); L-P, after the standalone "nothing
    # measurable" rule: 69 of 82 vague caught (0.84; O, terse table rows, 0.67), 5 false
    # alarms (precision 0.93); K, 12 precise sentences written without numbers to probe
    # that rule: 4 false alarms.
    assert precision >= 0.99, precision
    assert recall >= 0.99, recall


@pytest.mark.parametrize(
    "sentence",
    [
        "Provider will use commercially reasonable efforts to restore service within 4 hours.",
        "Provider will respond promptly, and in any event within 2 hours.",
        "Availability will be 99.9% of minutes in each calendar month, measured by Pingdom, UTC, "
        "excluding the maintenance window in 6.2.",
        "This is not a best-efforts obligation: Provider commits to 99.95% monthly uptime.",
        "P2 tickets are answered within 4 business hours.",
        "Support is provided during Business Hours.",  # a defined term: defined elsewhere
    ],
)
def test_precise_commitments_raise_nothing(sentence: str) -> None:
    assert assess(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "rule", "cue"),
    [
        ("Provider will use best efforts to keep the Service running.", "SLA-U001", "best efforts"),
        ("Provider will restore the Service promptly.", "SLA-U002", "promptly"),
        ("The platform offers high availability.", "SLA-U003", "high availability"),
        ("Provider will report on service levels periodically.", "SLA-U004", "periodically"),
        ("The Service will be available 99.9% of the time.", "SLA-U005", None),
        ("Support is provided during normal business hours.", "SLA-U007", "normal business hours"),
        ("A service credit of 10% applies.", "SLA-U009", "service credit"),
        ("Scheduled maintenance is excluded from Downtime.", "SLA-U010", "Scheduled maintenance"),
        ("Provider will resolve incidents.", "SLA-U011", None),
    ],
)
def test_vague_commitments_name_rule_cue_and_suggestion(
    sentence: str, rule: str, cue: str | None
) -> None:
    hits = assess(sentence)
    assert rule in {h.rule for h in hits}
    hit = next(h for h in hits if h.rule == rule)
    if cue:
        assert hit.cue == cue and sentence[hit.start : hit.end] == cue
    assert hit.suggestion


def test_promptly_suggestion_is_a_concrete_rewrite() -> None:
    (hit,) = assess("Provider will answer tickets promptly.")
    assert "within 4 business hours" in hit.suggestion and "09:00" in hit.suggestion


def test_patterns_are_data() -> None:
    data = dict(load_patterns())
    extra = {
        "id": "vibes",
        "rule": "SLA-U999",
        "message": "'{cue}'",
        "suggestion": "x",
        "satisfied_by": ["duration"],
        "phrases": ["with love"],
    }
    data["cues"] = [*data["cues"], extra]
    checker = MeasurabilityChecker(data)
    assert {h.rule for h in checker.assess("Provider will respond with love.")} == {"SLA-U999"}
    assert checker.assess("Provider will respond with love within 1 hour.") == ()


def test_document_check_quotes_sentences_exactly() -> None:
    text = (
        "Title\n1. Support\nProvider will respond promptly. Tickets get a response within 1 hour.\n"
        "  Provider shall review the service regularly.\n"
    )
    doc = make_extraction("d.txt", text)
    found = unmeasurable_findings(doc)
    assert [f.rule for f in found] == ["SLA-U002", "SLA-U004"]
    for f in found:
        assert f.span is not None and text[f.span.start : f.span.end] == f.quote
    assert found[0].quote == "Provider will respond promptly."


def test_document_context_answers_sentence_rules() -> None:
    text = (
        "Business Hours means 09:00-17:00 Monday to Friday UK time.\n"
        "Support is provided during Business Hours.\n"
        "Availability is measured per calendar month.\n"
        "Downtime means any minute in which the health check fails.\n"
        "Credits are a percentage of the monthly fee.\n"
        "Availability target: 99.9%.\nBelow target the service credit is 10%.\n"
    )
    doc = make_extraction(
        "d.txt",
        text,
        [
            term("availability", "99.9%", value=99.9),
            term("measurement_period", "per calendar month", value="monthly"),
        ],
    )
    assert unmeasurable_findings(doc) == []
    bare = make_extraction(
        "d.txt",
        "Support is provided during Business Hours.\nAvailability target: 99.9%.\n",
        [term("availability", "99.9%", value=99.9)],
    )
    assert {f.rule for f in unmeasurable_findings(bare)} == {"SLA-U007", "SLA-U005", "SLA-U006"}


def test_undefined_priorities() -> None:
    text = "P1 response within 30 minutes.\n"
    doc = make_extraction(
        "d.txt",
        text,
        [
            term(
                "response_time",
                "P1 response within 30 minutes",
                minutes=30,
                priority="P1",
                priority_rank=1,
            )
        ],
    )
    assert [f.rule for f in unmeasurable_findings(doc)] == ["SLA-U008"]
    defined = make_extraction(
        "d.txt",
        "P1 means a total outage.\n" + text,
        [
            term(
                "response_time",
                "P1 response within 30 minutes",
                minutes=30,
                priority="P1",
                priority_rank=1,
            )
        ],
    )
    assert unmeasurable_findings(defined) == []


@pytest.mark.parametrize(
    "definitions",
    [
        # a table with a definition column
        "| Priority | Definition | Response |\n|---|---|---|\n"
        "| P1 – Critical | Production down for all users | 30 min |\n",
        # a label line with its description on the next line
        "Priority 1 – Critical\nYour production service is down or unusable.\n",
    ],
)
def test_priorities_defined_by_layout(definitions: str) -> None:
    """Regressions from linting the corpus (train_support_matrix.md, a support web page)."""
    text = definitions + "P1 response within 30 minutes.\n"
    target = term(
        "response_time", "P1 response within 30 minutes", minutes=30, priority="P1", priority_rank=1
    )
    assert unmeasurable_findings(make_extraction("d.md", text, [target])) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # regressions from linting the sample corpus: boilerplate that is not a vague commitment
        "11.1 Neither party shall be liable for any delay or failure to perform caused by events "
        "beyond its reasonable control.",
        "6.1 This Agreement continues for three (3) years from the Effective Date unless "
        "terminated earlier in accordance with its terms.",
        "Emergency maintenance is not excluded from availability calculations.",
        "Routine maintenance performed within this window is excluded from the calculation.",
        "Northwind shall respond within the following times: Severity 1 within one (1) hour.",
        "The Duty Manager will call you back within the response target for the ticket's priority.",
        "Support hours",
        '1.1 "Support Policy" means the policy as updated from time to time.',
    ],
)
def test_corpus_regressions_raise_nothing(sentence: str) -> None:
    assert assess(sentence) == ()


# Rules widened and narrowed on the independent development sets (measurability_dev, dev2,
# dev3, dev4, dev5, dev6): each new behaviour with a positive and a negative case.
@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Any material degradation of the Service shall be deemed an Outage.", "SLA-U003"),
        ("Customer may end it if Provider repeatedly fails to meet the targets.", "SLA-U004"),
        ("Provider shall keep sufficient spare parts on site.", "SLA-U003"),
        ("Our engineers respond to every ticket.", "SLA-U011"),
        ("Customer satisfaction scores will remain high throughout the term.", "SLA-U003"),
        ("The platform will be available for the vast majority of the year.", "SLA-U003"),
        ("Packet loss shall not exceed 0.1%.", "SLA-U005"),
        ("Cache purges propagate in near real time.", "SLA-U002"),
        ("If the Service suffers significant performance degradation, it is a P1.", "SLA-U003"),
        ("Customer will receive a response promptly.", "SLA-U002"),  # the customer gets
        # measurability_dev3
        ("Compute instances are backed by a 99.9% SLA.", "SLA-U005"),
        ("Stored objects benefit from extremely high durability.", "SLA-U003"),
        ("The Provider will significantly reduce the backlog of open tickets.", "SLA-U003"),
        ("Severity 2 response times will be commensurate with business impact.", "SLA-U003"),
        ("Planned maintenance takes place between 00:00 and 04:00.", "SLA-U010"),
        ("Our engineers respond to every ticket.", "SLA-U011"),  # the provider speaks
        # measurability_dev4
        ("Throughput will not be significantly degraded during peak periods.", "SLA-U003"),
        ("Claims will be processed in accordance with our standard procedure.", "SLA-U003"),
        ("Deleted files can be recovered if requested in time.", "SLA-U002"),
        # measurability_dev5
        ("Availability is at least 99.5%, by a methodology to be agreed.", "SLA-U003"),
        ("The Provider follows ITIL, tailored as it considers appropriate.", "SLA-U001"),
        ("Service is restored with the utmost urgency after a Disaster.", "SLA-U002"),
        # measurability_dev6
        ("On a material failure of the service levels, Customer may terminate.", "SLA-U003"),
        ("Penalties for downtime will be fixed in the order form at a later stage.", "SLA-U003"),
        ("Incident response shall follow ITIL best practice.", "SLA-U003"),
        ("The Supplier shall deliver a good level of service at all times.", "SLA-U003"),
        ("Service desk hours: 8h-18h.", "SLA-U007"),
        ("Response within 4 hrs during service hours.", "SLA-U007"),
        ("The Customer Success Manager will meet with Customer periodically.", "SLA-U004"),
    ],
)
def test_widened_rules_flag(sentence: str, rule: str) -> None:
    assert rule in {h.rule for h in assess(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        # a quality word with a stated amount, limit or named standard
        "Provider shall maintain sufficient capacity to process at least 5,000 transactions per "
        "second.",
        "Adequate insurance of not less than £5,000,000 per occurrence shall be maintained.",
        "All data at rest is encrypted with industry-standard AES-256.",
        "The Data Centre shall provide a high-density power supply of 10 kW per rack.",
        # a degradation with its threshold
        "A material degradation means p95 latency above 500 ms for 5 consecutive minutes.",
        # repeated failures counted over a period
        "Customer may terminate if the target is repeatedly missed in three consecutive months.",
        # maintenance bounded by a cap per period
        "Planned downtime of no more than 30 minutes in any calendar month is excluded.",
        # legal machinery is not a service commitment
        "Service Credits are Customer's sole and exclusive remedy for any failure to meet the "
        "Availability Commitment.",
        "Any change to these Service Levels requires a written amendment signed by both parties.",
        "All fees are stated exclusive of VAT, which shall be payable at the prevailing rate.",
        "The headings in this Schedule are for convenience only.",
        # the customer's own duties are not service levels
        "The Customer will use reasonable efforts to report incidents through the portal.",
        "Policyholders must report losses in writing as soon as reasonably practicable.",
        "The Tenant shall report any water leak to the help desk promptly.",
        # periods, clocks and coverage named in other words
        "Payroll accuracy shall be at least 99.8% of payslips error-free per pay run.",
        "Support is staffed 24/7/365.",
        "Refunds reach the cardholder within five to ten banking days.",
        "Severity 2: response within 4 business hours, where business hours are 9am-6pm "
        "Monday to Friday in the subscriber's primary time zone.",
        # definitions and boilerplate are not commitments
        "A Critical incident is any incident that stops clinicians from updating records.",
        "Shipments of hazardous goods require a dangerous goods declaration at booking.",
        "All notices under this Agreement must be sent by recorded delivery or email.",
        "This Service Level Agreement forms part of the Hosting Agreement dated 1 March 2024.",
        # measurability_dev3
        "Inlet air temperature is kept between 18 and 27 degrees C, sampled every five minutes.",
        "Backups run daily between 02:00 and 04:00 in the instance's region time zone.",
        "No credit is due for downtime caused by Customer equipment or force majeure.",
        "SLA credits do not apply to free-tier accounts.",
        "Immediately on termination, the Customer's right to access the Service ceases.",
        "15% of the annual fee is payable on signature and the balance quarterly in advance.",
        "The Contractor shall attend reactive maintenance calls on site within two hours, 24x7.",
        "Maintenance carried out at the Customer's request is not counted as downtime.",
        "KPI 3: 100% of Severity 1 incidents have a review within five calendar days of closure.",
        "Priority is set by the Customer when logging a ticket and may be changed by mutual "
        "agreement.",
        "Best practice guidance in Annex C is provided for information only.",
        "Standard changes are implemented within three working days (Monday to Friday).",
        "Part 4: Service Credits and Remedies",
        "The resolution clock pauses while a ticket is in Awaiting Customer status.",
        "The platform sends an email notification whenever a ticket's priority is changed.",
        # measurability_dev4
        "Low-severity defects (cosmetic issues only) will be fixed within 90 days of confirmation.",
        "Any degradation where error rates exceed 5% of requests for more than 10 consecutive "
        "minutes will be posted on the status page within 15 minutes.",
        "High satisfaction, defined as an average survey score of at least 4.2 out of 5 in each "
        "calendar quarter, is a contractual target.",
        # measurability_dev5
        "Downtime is measured in one-minute intervals, and any minute in which the Error Rate "
        "exceeds five per cent (5%) shall count as a minute of Downtime.",
        "For the purposes of this SLA, an Incident is 'Resolved' when the Service Desk has "
        "restored normal operation and notified the Customer.",
        "Provider may modify this SLA by posting a revised version on its website, provided that "
        "no modification shall reduce the Service Levels during the Subscription Term.",
        "Both parties shall comply with all applicable anti-bribery and anti-corruption laws.",
        # measurability_dev6
        "First-line support languages: English and German.",
        "Best practice password rules apply: min. 12 characters and MFA for all admins.",
        "High priority = whole team blocked. We reply within 2h, 24/7.",
        "Response time is the period between logging a ticket and the first reply by an engineer.",
        "The Authority shall give the Supplier access to the site on working days 08:00-18:00.",
        "The Customer is responsible for regular backups of data stored on local PCs.",
        "Best-effort support for plug-ins is outside the SLA; the levels apply only to the ERP.",
        "Purchaser shall provide adequate power and cooling in the server room.",
    ],
)
def test_narrowed_rules_stay_quiet(sentence: str) -> None:
    assert assess(sentence) == ()


def _rules_by_quote(text: str) -> dict[str, set[str]]:
    found = unmeasurable_findings(make_extraction("d.md", text))
    out: dict[str, set[str]] = {}
    for f in found:
        out.setdefault(f.quote, set()).add(f.rule)
    return out


def test_a_table_cell_is_judged_apart_from_the_other_cells() -> None:
    text = (
        "| Priority | First response | Resolution |\n|---|---|---|\n"
        "| P1 - Critical | 30 minutes | 4 hours |\n"
        "| P4 - Low | As soon as practicable | 2 Business Days |\n"
        "| P3 - Normal | Regularly | 5 Business Days |\n"
    )
    found = _rules_by_quote(text)
    assert found == {
        "| P4 - Low | As soon as practicable | 2 Business Days |": {"SLA-U002"},
        "| P3 - Normal | Regularly | 5 Business Days |": {"SLA-U004"},
    }


def test_the_customers_duties_raise_nothing() -> None:
    text = (
        "To help us resolve issues quickly, you agree to:\n"
        "- respond promptly to our requests for information;\n"
        "- use a supported browser, as listed in our documentation.\n"
        "We will respond promptly to every ticket.\n"
        "\n## Customer Responsibilities\n"
        "The Customer will keep adequate backups.\n"
        "\n## Support\n"
        "Support is provided to an industry standard.\n"
    )
    found = _rules_by_quote(text)
    assert found == {
        "We will respond promptly to every ticket.": {"SLA-U002"},
        "Support is provided to an industry standard.": {"SLA-U003"},
    }


def test_a_sentence_ends_after_appendix_a() -> None:
    text = (
        "Provider will complete transition within 45 days under the plan in Appendix A. "
        "During transition, Provider will document the environment to an industry standard.\n"
    )
    found = _rules_by_quote(text)
    assert list(found) == [
        "During transition, Provider will document the environment to an industry standard."
    ]


def test_emergency_maintenance_is_not_covered_by_the_defined_window() -> None:
    text = (
        "Scheduled Maintenance Window means Sundays 02:00-06:00 UTC, notified 5 days ahead.\n"
        "Scheduled Maintenance is excluded from Availability.\n"
        "Provider may perform emergency maintenance at any time, and it is excluded from "
        "Availability.\n"
    )
    window = term("maintenance_window", "Sundays 02:00-06:00 UTC", days="Sun", start="02:00")
    doc = make_extraction("d.txt", text, [window])
    rules = {f.quote: f.rule for f in unmeasurable_findings(doc)}
    assert rules == {
        "Provider may perform emergency maintenance at any time, and it is excluded from "
        "Availability.": "SLA-U010"
    }


def test_a_credit_without_an_amount_is_not_answered_by_a_period() -> None:
    text = (
        "If Provider misses the Severity 1 Response Time twice in a Measurement Period, "
        "Customer is entitled to an additional service credit.\n"
        "Credits will be shown on the invoice following the month in which they accrue.\n"
    )
    found = _rules_by_quote(text)
    assert list(found) == [
        "If Provider misses the Severity 1 Response Time twice in a Measurement Period, "
        "Customer is entitled to an additional service credit."
    ]


def test_what_answers_a_cue_must_stand_in_its_clause() -> None:
    """A second commitment joined by "and" is judged on its own numbers."""
    sentence = (
        "The Supplier shall apply critical patches within 14 days of release and shall apply "
        "all other patches in line with industry best practice."
    )
    assert {h.rule for h in assess(sentence)} == {"SLA-U003"}
    bounded = (
        "Emergency maintenance may be performed at any time but must be notified at least one "
        "hour beforehand."
    )
    assert assess(bounded) == ()


def test_a_term_the_document_defines_is_defined() -> None:
    text = (
        '"Permitted Maintenance" means the window on Sundays 01:00-03:00 UTC, notified 5 days '
        "ahead.\n"
        "Unavailability is any period in which the Service cannot be used, other than during "
        "Permitted Maintenance.\n"
    )
    doc = make_extraction("d.txt", text)
    doc = replace(doc, definitions={"Permitted Maintenance": "the window on Sundays"})
    assert unmeasurable_findings(doc) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Call-Off Contract reference: NDC-2025-0417 (G-Cloud 14 Call-Off Contract)",
        "Credits are deducted on the invoice for the month immediately following the breach.",
        "Query latency depends on your schema and is not covered by any commitment.",
        "Time spent in maintenance inside your window does not count against your uptime.",
    ],
)
def test_document_round_look_alikes(sentence: str) -> None:
    """Look-alikes from the lint_drafts3 development drafts."""
    assert assess(sentence) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "No maintenance will be scheduled between 20 November and 2 December or between 15 and "
        "31 December.",
        "Single point of contact for IT incidents from approximately 1,800 users.",
        "Knowledge base content | R | A",
    ],
)
def test_fourth_document_round_look_alikes(sentence: str) -> None:
    """Look-alikes from the lint_drafts4 development drafts."""
    assert assess(sentence) == ()


def test_a_scope_statement_in_a_document_is_not_a_commitment_without_target() -> None:
    """In a document, "will operate the service desk" says what is provided; the levels
    are elsewhere (judged alone, `assess` still asks for something measurable)."""
    text = (
        "The Supplier will operate the first-line IT service desk for the stores in Norway.\n"
        "The Supplier will resolve incidents.\n"
    )
    assert _rules_by_quote(text) == {"The Supplier will resolve incidents.": {"SLA-U011"}}


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Priority D: response when resources allow.", "SLA-U004"),
        ("Northgate shall grant the Customer a service credit of such amount as it determines.",
         "SLA-U009"),
        ("If response times are missed on a material number of occasions, Customer may terminate.",
         "SLA-U003"),
    ],
)
def test_fourth_document_round_vague(sentence: str, rule: str) -> None:
    assert rule in {h.rule for h in assess(sentence)}
