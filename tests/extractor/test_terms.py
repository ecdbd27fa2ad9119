"""Each term kind: what it reads, what it must not read, and exact spans."""

import pytest

from extractor.terms import clauses_to_terms
from extractor.types import Clause, ReadDocument, Span


def make_doc(text: str) -> ReadDocument:
    return ReadDocument(text=text, pages=((0, len(text)),), media_type="text/plain")


def run(text: str, definitions=None, clauses=()):
    terms = clauses_to_terms(make_doc(text), list(clauses), definitions or {})
    for t in terms:
        assert t.quote == text[t.span.start : t.span.end]
        assert 0 < t.confidence <= 1
    return terms


def terms_of(text: str, kind: str | None = None, definitions=None) -> list[dict]:
    return [
        {"kind": t.kind, **t.attrs} for t in run(text, definitions) if kind in (None, t.kind)
    ]


def one(text: str, kind: str, definitions=None) -> dict:
    found = terms_of(text, kind, definitions)
    assert len(found) == 1, found
    return found[0]


# availability ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("Provider will make the Service available ninety-nine and nine-tenths percent (99.9%) "
         "of the time in each calendar month.", 99.9, "monthly"),
        ("The Monthly Uptime Percentage will be at least 99.95 per cent.", 99.95, "monthly"),
        ("Uptime commitment: 99.9 percent per quarter.", 99.9, "quarterly"),
        ("We guarantee 99.99% availability in any billing cycle.", 99.99, "billing_cycle"),
    ],
)  # fmt: skip
def test_availability(text, value, period):
    term = one(text, "availability")
    assert term["value"] == value and term["unit"] == "percent" and term["period"] == period


@pytest.mark.parametrize(
    "text",
    [
        "Provider will respond to 99.9% of tickets within one hour.",
        "If Monthly Uptime is less than 99.9%, Customer receives a credit.",
        "Our platform offers world-class availability and reliability.",
        "Monthly Uptime is calculated by subtracting from 100% the unavailable minutes.",
    ],
)
def test_not_availability(text):
    assert terms_of(text, "availability") == []


def test_availability_from_prose_takes_period_from_definitions():
    text = "Northwind makes the Service available at least 99.5% during each Measurement Period."
    term = one(text, "availability", {"Measurement Period": "a calendar month"})
    assert term["period"] == "monthly"


def test_quote_is_the_evidence_not_the_whole_text():
    text = "Intro text here. The Service will be available 99.9% of the time. Other text."
    term = run(text)[0]
    assert "99.9%" in term.quote and "Intro" not in term.quote and "Other" not in term.quote


def test_same_term_twice_in_one_clause_is_kept_once():
    text = "The Service will be available 99.9% of the time. Uptime: 99.9% of the time."
    clause = Clause("c1", "1", "Availability", Span(1, 0, len(text)))
    terms = run(text, clauses=[clause])
    assert [t.kind for t in terms] == ["availability"]
    assert terms[0].clause == "c1"


# response / resolution ------------------------------------------------------------------


def test_response_and_resolution_in_one_sentence():
    text = "Severity 1: response within one (1) hour and resolution within 4 hours."
    resp = one(text, "response_time")
    res = one(text, "resolution_time")
    got = (resp["value"], resp["unit"], resp["minutes"], resp["business"])
    assert got == (1, "hours", 60, False)
    assert resp["priority"] == "Severity 1" and resp["priority_rank"] == 1
    assert (res["value"], res["minutes"], res["priority_rank"]) == (4, 240, 1)


@pytest.mark.parametrize(
    ("text", "value", "unit", "minutes", "rank"),
    [
        ("P2 tickets receive a response within 4 business hours.", 4, "business_hours", 240, 2),
        ("Critical issues are responded to within 15 mins.", 15, "minutes", 15, 1),
        ("Low priority requests will be answered by the next business day.", 1, "business_days",
         1440, 4),
        ("Sev 3 incidents are resolved within 2 business days.", 2, "business_days", 2880, 3),
        ("We respond to Severity Level 2 issues within thirty (30) minutes.", 30, "minutes", 30, 2),
    ],
)  # fmt: skip
def test_ticket_targets(text, value, unit, minutes, rank):
    term = terms_of(text)[0]
    assert (term["value"], term["unit"], term["minutes"], term["priority_rank"]) == (
        value, unit, minutes, rank)  # fmt: skip
    assert term["business"] is unit.startswith("business")


def test_attainment_percent_is_kept_and_not_availability():
    text = "Provider will respond to 95% of Severity 1 tickets within 30 minutes."
    term = one(text, "response_time")
    assert term["attainment_percent"] == 95
    assert terms_of(text, "availability") == []


@pytest.mark.parametrize(
    "text",
    [
        "Support is available 24 hours a day, 365 days a year.",
        "Customer must give 30 days' notice of termination.",
        "We will acknowledge your claim and decide within ten (10) business days.",
    ],
)
def test_not_ticket_targets(text):
    kinds = {t["kind"] for t in terms_of(text)}
    assert not kinds & {"response_time", "resolution_time"}


def test_severity_matrix_table():
    text = (
        "Targets are met for 90% of incidents.\n"
        "Priority | Response Time | Resolution Time\n"
        "P1 - Critical | 15 minutes | 4 hours\n"
        "P2 - High | 1 hour | 1 business day\n"
        "P3 | 4 hours | 5 business days\n"
    )
    got = {(t["kind"], t["priority_rank"], t["minutes"]) for t in terms_of(text)
           if t["kind"].endswith("_time")}  # fmt: skip
    assert got == {
        ("response_time", 1, 15), ("resolution_time", 1, 240), ("response_time", 2, 60),
        ("resolution_time", 2, 1440), ("response_time", 3, 240), ("resolution_time", 3, 7200),
    }  # fmt: skip
    assert all(t.get("attainment_percent") == 90 for t in terms_of(text, "response_time"))


def test_matrix_row_with_business_hours_coverage():
    text = (
        "Severity | Initial Response | Coverage\n"
        "Severity 3 | 4 hours | Business Hours\n"
        "Severity 1 | 15 minutes | 24x7\n"
    )
    terms = terms_of(text, "response_time")
    assert terms[0]["unit"] == "business_hours" and terms[0]["business"] is True
    assert terms[1]["unit"] == "minutes" and terms[1]["business"] is False


# credits -------------------------------------------------------------------------------


def test_credit_tiers_from_prose():
    text = (
        "If Monthly Uptime is less than 99.9% but at least 99.0%, Customer will receive a "
        "Service Credit of 10%. If Monthly Uptime is less than 99.0%, the Service Credit is 25%."
    )
    tiers = [(t["lower"], t["upper"], t["credit_percent"], t["metric"])
             for t in terms_of(text, "credit_tier")]  # fmt: skip
    assert tiers == [(99, 99.9, 10, "availability"), (None, 99, 25, "availability")]


def test_credit_tiers_from_table():
    text = (
        "Monthly Uptime Percentage | Service Credit\n"
        "Less than 99.9% but equal to or greater than 99.0% | 10%\n"
        "95.0% to below 99.0% | 25%\n"
        "< 95.0% | 100%\n"
    )
    tiers = [(t["lower"], t["upper"], t["credit_percent"]) for t in terms_of(text, "credit_tier")]
    assert tiers == [(99, 99.9, 10), (95, 99, 25), (None, 95, 100)]


def test_credit_tiers_for_response_targets():
    text = ("If less than 95% but at least 90% of P1 tickets meet the response target, "
            "Customer will receive a credit of 5% of the Monthly Fee.")  # fmt: skip
    tier = one(text, "credit_tier")
    assert (tier["metric"], tier["lower"], tier["upper"], tier["credit_percent"]) == (
        "response_time", 90, 95, 5)  # fmt: skip


def test_credit_cap():
    text = "Service credits shall not exceed fifty percent (50%) of the monthly fees."
    cap = one(text, "credit_cap")
    assert (cap["value"], cap["unit"]) == (50, "percent")
    assert terms_of(text, "credit_tier") == []


def test_no_cap_without_credits():
    assert terms_of("Fees shall not exceed 50% of the list price.", "credit_cap") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Customer must request a Service Credit within thirty (30) days.", 30, "days"),
        ("To receive a credit, the claim must be received by the end of the second billing cycle "
         "after the incident.", 2, "billing_cycles"),
        ("Credit requests must be submitted within fifteen (15) business days.", 15,
         "business_days"),
    ],
)  # fmt: skip
def test_claim_window(text, value, unit):
    term = one(text, "claim_window")
    assert (term["value"], term["unit"]) == (value, unit)


def test_no_claim_window_for_provider_actions():
    text = "Approved credits will be applied within 30 days to the next invoice."
    assert terms_of(text, "claim_window") == []


# hours and windows -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days", "start", "end", "zone"),
    [
        ("Support is available Monday through Friday, 8:00 a.m. to 6:00 p.m. Eastern Time.",
         "Mon-Fri", "08:00", "18:00", "America/New_York"),
        ("Helpdesk hours: Mon\u2013Fri 09:00\u201317:00 GMT.", "Mon-Fri", "09:00", "17:00", "UTC"),
        ("Support desk is staffed 08:00 to 18:00 UK time (GMT/BST), Monday to Friday.",
         "Mon-Fri", "08:00", "18:00", "Europe/London"),
        ("Our service desk is open 7am-7pm Central, Monday to Saturday.", "Mon-Sat", "07:00",
         "19:00", "America/Chicago"),
    ],
)  # fmt: skip
def test_service_hours(text, days, start, end, zone):
    term = one(text, "service_hours")
    assert (term["days"], term["start"], term["end"], term["time_zone"]) == (days, start, end, zone)


@pytest.mark.parametrize(
    "text",
    ["Technical support is provided 24x7x365.",
     "Our support team is available twenty-four hours a day, seven days a week.",
     "Phone support 24/7 for Premium customers."],
)  # fmt: skip
def test_round_the_clock(text):
    term = one(text, "service_hours")
    assert (term["days"], term["start"], term["end"]) == ("Mon-Sun", "00:00", "24:00")


def test_maintenance_window_with_notice():
    text = ("Scheduled maintenance occurs on Sundays between 02:00 and 06:00 UTC. "
            "Provider will give at least 48 hours' notice of scheduled maintenance.")  # fmt: skip
    term = one(text, "maintenance_window")
    assert (term["days"], term["start"], term["end"], term["time_zone"], term["notice_hours"]) == (
        "Sun", "02:00", "06:00", "UTC", 48)  # fmt: skip
    assert terms_of(text, "service_hours") == []


def test_notice_alone_is_not_a_window():
    text = "Maintenance announced at least five (5) days in advance is excluded from Downtime."
    assert terms_of(text, "maintenance_window") == []


# cadences, exclusions, precedence --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Availability is measured on a monthly basis.", "measurement_period", "monthly"),
        ("The parties will meet quarterly to review service performance.", "review_interval",
         "quarterly"),
        ("Provider will hold QBRs with the Customer.", "review_interval", "quarterly"),
        ("Provider will deliver a monthly service level report.", "reporting", "monthly"),
        ("The parties will review this SLA annually.", "review_interval", "yearly"),
    ],
)  # fmt: skip
def test_cadences(text, kind, value):
    assert one(text, kind)["value"] == value


@pytest.mark.parametrize(
    "text",
    ["Customer must report incidents through the portal each month if they occur.",
     "Fees are invoiced monthly in advance.",
     "Provider publishes a quarterly transparency report.",
     "Provider performs quarterly access reviews and annual penetration tests.",
     "Service credits are calculated as a percentage of monthly fees."],
)  # fmt: skip
def test_not_cadences(text):
    kinds = {t["kind"] for t in terms_of(text)}
    assert not kinds & {"reporting", "review_interval", "measurement_period"}


def test_exclusions_map_to_categories():
    text = (
        "The SLA does not apply to any unavailability caused by: (a) scheduled maintenance; "
        "(b) force majeure events; (c) Customer's equipment or misuse; (d) third-party services; "
        "(e) internet connectivity outside Provider's network; (f) suspension of the account; "
        "(g) beta or free trial services."
    )
    cats = {t["category"] for t in terms_of(text, "exclusion")}
    assert cats == {"scheduled_maintenance", "force_majeure", "customer_caused", "third_party",
                    "internet_or_network_outside_provider", "suspension", "beta_or_free"}


def test_exclusion_list_under_an_intro_line():
    text = "Downtime does not include outages resulting from:\n- force majeure;\n- your misuse."
    cats = [t["category"] for t in terms_of(text, "exclusion")]
    assert sorted(cats) == ["customer_caused", "force_majeure"]


@pytest.mark.parametrize(
    "text",
    ["Neither party is liable under the indemnity for force majeure events.",
     "Emergency maintenance is not excluded from availability calculations.",
     "We offer a free trial of our platform."],
)  # fmt: skip
def test_not_exclusions(text):
    assert terms_of(text, "exclusion") == []


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("In the event of any conflict, the following order of precedence applies: (a) any "
         "Amendment, (b) the Order Form, (c) this SLA, (d) the Master Services Agreement.",
         ["amendment", "order_form", "sla", "msa"]),
        ("In the event of a conflict between the Agreement and an Order Form, the Order Form "
         "shall prevail.", ["order_form", "msa"]),
        ("If this Amendment conflicts with the Agreement, this Amendment shall prevail.",
         ["amendment", "msa"]),
    ],
)  # fmt: skip
def test_precedence(text, order):
    assert one(text, "precedence")["order"] == order


def test_no_precedence_without_conflict_language():
    assert terms_of("The Order Form and the Agreement are signed together.", "precedence") == []


# context: amendments, services -----------------------------------------------------------


def test_amendment_terms_carry_the_section_they_amend():
    text = ("1. Section 4.2 of the Agreement is deleted and replaced with the following:\n"
            '"Service credits shall not exceed 50% of the monthly fees."\n'
            "2. The availability commitment in Schedule 2 is increased to 99.95%.")  # fmt: skip
    assert one(text, "credit_cap")["amends"] == "4.2"
    assert one(text, "availability")["amends"] == "Schedule 2"


def test_services_named_in_tables_and_sentences():
    text = (
        "Service | Availability\n"
        "Core API | 99.95%\n"
        "Analytics Dashboard | 99.5%\n"
        "Priority 1 incidents receive a first response within: Core API, 15 minutes; "
        "Analytics Dashboard, 1 hour.\n"
    )
    avail = {(t["service"], t["value"]) for t in terms_of(text, "availability")}
    assert avail == {("Core API", 99.95), ("Analytics Dashboard", 99.5)}
    resp = {(t["service"], t["minutes"]) for t in terms_of(text, "response_time")}
    assert resp == {("Core API", 15), ("Analytics Dashboard", 60)}


def test_single_service_documents_leave_service_null():
    term = one("The Service will be available 99.9% of the time.", "availability")
    assert term["service"] is None


def test_empty_and_irrelevant_text():
    assert terms_of("") == []
    assert terms_of("This Agreement is governed by the laws of England.") == []


def test_a_list_takes_the_kind_of_its_intro():
    text = ("We will respond to support requests within the following timeframes:\n"
            "- Severity 1: 1 hour\n- Severity 2: 4 hours\n- Severity 3: 1 business day\n")
    got = [(t["kind"], t["priority_rank"], t["minutes"]) for t in terms_of(text)]
    assert got == [
        ("response_time", 1, 60), ("response_time", 2, 240), ("response_time", 3, 1440)
    ]  # fmt: skip


def test_attainment_of_the_time():
    text = "Provider will resolve P1 incidents within 4 hours 95% of the time."
    term = one(text, "resolution_time")
    assert term["attainment_percent"] == 95 and term["minutes"] == 240


def test_maintenance_on_listed_days_in_military_time():
    text = "Scheduled maintenance windows are Tuesdays and Thursdays from 2200 to 0200 UTC."
    term = one(text, "maintenance_window")
    assert (term["days"], term["start"], term["end"], term["time_zone"]) == (
        "Tue,Thu", "22:00", "02:00", "UTC")  # fmt: skip


def test_inclusive_upper_ends_are_closed():
    text = ("Availability | Service Credit\n99.0% - 99.49% | 5%\n98.0% - 98.99% | 10%\n"
            "Below 98.0% | 20%\n")  # fmt: skip
    tiers = [(t["lower"], t["upper"]) for t in terms_of(text, "credit_tier")]
    assert tiers == [(99, 99.49), (98, 99), (None, 98)]


def test_history_is_not_a_commitment():
    assert terms_of("Our status page shows 99.99% historical uptime.", "availability") == []


def test_table_after_an_irrelevant_heading_is_its_own_table():
    text = ("Priority | First reply time\nUrgent | 1 hour\n\nAcme-style Support\n"
            "Severity Level | Initial Response Time\nLevel 2 - High | Within 4 hours\n")
    got = [(t["priority_rank"], t["minutes"]) for t in terms_of(text, "response_time")]
    assert got == [(1, 60), (2, 240)]


def test_short_outages_are_an_other_exclusion():
    text = "Downtime does not include any unavailability shorter than one (1) minute."
    assert one(text, "exclusion")["category"] == "other"


def test_tables_split_at_blank_lines():
    text = ("Trouble | Priority | Response Time | Resolution Time | Escalation\n"
            "Service down | 1 | Within 2 hours | Best effort | 2 hours\n\n"
            "Priority | Criteria | Response | Updates | Resolution\n"
            "P2 | Degraded | Within 1 hour - during business hours | Every 30 minutes | 1 day\n")
    got = [(t["kind"], t["priority_rank"], t["minutes"], t["business"]) for t in terms_of(text)]
    assert got == [("response_time", 1, 120, False), ("response_time", 2, 60, True),
                   ("resolution_time", 2, 1440, False)]  # fmt: skip


def test_zero_based_priority_schemes_shift_ranks():
    text = ("Priority | Response Time\nP0 | 30 minutes\nP1 | 2 hours\nP2 | 8 hours\n")
    got = [(t["priority"], t["priority_rank"]) for t in terms_of(text, "response_time")]
    assert got == [("P0", 1), ("P1", 2), ("P2", 3)]


def test_priority_from_the_section_heading():
    text = "Severity 1 (Critical)\nInitial response time: 1 hour.\nTarget resolution: 8 hours.\n"
    got = [(t["kind"], t["priority_rank"], t["minutes"]) for t in terms_of(text)]
    assert got == [("response_time", 1, 60), ("resolution_time", 1, 480)]


def test_key_value_tables_are_read_as_sentences():
    text = "Item | Detail\nUptime SLA | 99.9% per calendar month\nSeverity 1 response | 15 min\n"
    assert one(text, "availability")["period"] == "monthly"
    assert one(text, "response_time")["minutes"] == 15


def test_credit_in_days_of_service_is_neither_tier_nor_target():
    text = ("Monthly Uptime Percentage | Days of Service added to the end of the term\n"
            "< 99.9% - >= 99.0% | 3\n< 95.0% | 15\n")  # fmt: skip
    assert terms_of(text) == []


@pytest.mark.parametrize(
    "text",
    ['"Business Day" means Monday to Friday, excluding public holidays.',
     "Emergency maintenance may be performed at any time.",
     "Sev 1 incidents get an engineer within 20 minutes, around the clock.",
     "Backups run every day at 02:00 UTC and are retained for 30 days."],
)  # fmt: skip
def test_no_hours_or_windows(text):
    kinds = {t["kind"] for t in terms_of(text)}
    assert not kinds & {"service_hours", "maintenance_window"}


def test_precedence_list_with_an_item_that_is_not_a_contract_document():
    text = ("If documents conflict, the order of precedence is:\n- the Order Form;\n"
            '- the Data Processing Addendum (the "DPA");\n- these Terms;\n- the Documentation.')
    assert one(text, "precedence")["order"] == ["order_form", "msa"]


def test_sections_that_name_services_give_their_terms_a_service():
    text = ("Exchange Online\nThe Monthly Uptime Percentage is 99.9%.\n\n"
            "SLA for Azure Cosmos DB\nWe guarantee at least 99.99% availability.\n\n"
            "Service Credits\nService credits are capped at 100% of the monthly fees.\n")
    got = {(t["service"], t["value"]) for t in terms_of(text, "availability")}
    assert got == {("Exchange Online", 99.9), ("Azure Cosmos DB", 99.99)}


def test_one_named_section_is_not_enough_to_name_a_service():
    text = "Exchange Online\nThe Monthly Uptime Percentage is 99.9%.\n"
    assert one(text, "availability")["service"] is None


def test_cap_at_the_whole_monthly_charge_is_one_hundred_percent():
    text = "Service Credits in a month may not exceed the total monthly recurring charges paid."
    cap = one(text, "credit_cap")
    assert cap["value"] == 100 and "exceed" in run(text)[0].quote


def test_imperative_claim_instruction():
    text = ("Service Credit Claim Process\n"
            "Make a claim in writing within 15 days of the end of the billing month.\n")
    assert one(text, "claim_window")["value"] == 15


def test_update_frequency_and_escalation_are_not_targets():
    text = ("We will respond to P1 incidents within 1 hour and provide updates every 2 hours. "
            "Unresolved P1 incidents are escalated to management after 4 hours.")
    got = [(t["kind"], t["minutes"]) for t in terms_of(text)]
    assert got == [("response_time", 60)]


@pytest.mark.parametrize(
    ("text", "tiers"),
    [
        ("Monthly Uptime | Service Credit\n99.9% or higher | 0%\n99.0% to 99.89% | 10%\n"
         "Less than 99.0% | 25%\n", [(99, 99.9, 10), (None, 99, 25)]),
        ("A credit of 10% of the monthly fee applies if availability is between 99.0% and 99.9%; "
         "25% if availability is below 99.0%.", [(99, 99.9, 10), (None, 99, 25)]),
        ("If Availability is lower than 99.5%, Customer shall receive a Service Credit equal to 5% "
         "of the Monthly Fee; lower than 99%: 10%; lower than 98%: 20%.",
         [(99, 99.5, 5), (98, 99, 10), (None, 98, 20)]),
    ],
)  # fmt: skip
def test_credit_tier_phrasings(text, tiers):
    got = [(t["lower"], t["upper"], t["credit_percent"]) for t in terms_of(text, "credit_tier")]
    assert got == tiers
