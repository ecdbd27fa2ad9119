"""More phrasings of public SLAs and support policies (KPI tables, telecom and MSP wording,
priorities in several shapes): what each rule must read and what it must leave alone."""

import pytest

from tests.extractor.test_terms import one, terms_of

# round 3: KPI tables, defined periods, telecom phrasing ----------------------------------


def test_kpi_table_rows_read_as_statements():
    text = (
        "KPI ref | Key Performance Indicator | Performance Measure | Target\n"
        "KPI 1 | Service Availability | Share of Service Hours the Service is Available | 99.8%\n"
        "KPI 2 | Incident Response (Severity 1) | Time to respond to Sev 1 Incidents | 15 minutes\n"
        "KPI 3 | Incident Resolution (Severity 2) | Time to resolve Sev 2 Incidents | 8 hours\n"
    )
    assert [t["value"] for t in terms_of(text, "availability")] == [99.8]
    assert [(t["priority_rank"], t["minutes"]) for t in terms_of(text, "response_time")] == [
        (1, 15)
    ]
    assert [(t["priority_rank"], t["minutes"]) for t in terms_of(text, "resolution_time")] == [
        (2, 480)
    ]


def test_defined_period_on_its_own_line():
    text = '1. DEFINITIONS\n"Service Period" means a calendar month.'
    assert one(text, "measurement_period")["value"] == "monthly"


def test_a_defined_business_period_is_no_measurement_period():
    assert terms_of('"Payment Period" means a calendar month.', "measurement_period") == []


def test_rolling_twelve_months():
    text = "Service Availability is measured over a rolling twelve-month period."
    assert one(text, "measurement_period")["value"] == "yearly"


def test_twenty_four_hours_365_days_is_service_hours():
    text = "The Service Desk is available 24 hours a day, 365 days a year, for fault reporting."
    term = one(text, "service_hours")
    assert (term["days"], term["start"], term["end"]) == ("Mon-Sun", "00:00", "24:00")
    assert terms_of(text, "reporting") == []


def test_handled_around_the_clock_is_service_hours():
    assert one("Priority 1 tickets are handled 24/7.", "service_hours")["days"] == "Mon-Sun"


def test_planned_outages_any_day_of_the_week():
    text = (
        "Planned outages take place between 00:00 and 06:00 (UK time) on any day of the week, "
        "with a minimum of ten (10) Working Days' notice."
    )
    term = one(text, "maintenance_window")
    assert (term["days"], term["start"], term["end"], term["time_zone"]) == (
        "Mon-Sun",
        "00:00",
        "06:00",
        "Europe/London",
    )
    assert terms_of(text, "service_hours") == []


def test_review_meeting_about_reports_is_no_report():
    text = (
        "The Parties shall attend Performance Review Meetings on a quarterly basis to discuss "
        "the Performance Monitoring Reports."
    )
    assert [t["value"] for t in terms_of(text, "review_interval")] == ["quarterly"]
    assert terms_of(text, "reporting") == []


@pytest.mark.parametrize(
    "text",
    [
        "Provider will send Customer a monthly report detailing Availability and any Service "
        "Credits due.",
        "Uptime statistics are published monthly on the status page.",
        "The Supplier shall provide monthly Management Information on service performance.",
        "Northwind will deliver an uptime and incident report after the end of each month.",
    ],
)
def test_more_monthly_reports(text):
    assert one(text, "reporting")["value"] == "monthly"


def test_credit_claim_with_a_report_word_is_no_report():
    text = "Customer shall submit a credit request within 30 days and must report the incident."
    assert terms_of(text, "reporting") == []


def test_third_party_networks_are_outside_networks():
    text = "This SLA does not apply to downtime caused by failures of third-party networks."
    assert [t["category"] for t in terms_of(text, "exclusion")] == [
        "internet_or_network_outside_provider"
    ]
    text = "This SLA does not apply to failures of third-party line-of-business applications."
    assert [t["category"] for t in terms_of(text, "exclusion")] == ["third_party"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Supplier shall not be liable for a failure to meet a KPI to the extent caused by a "
         "Customer Cause.", "customer_caused"),
        ("These response targets don't cover issues in code you have modified.", "customer_caused"),
    ],
)  # fmt: skip
def test_more_exclusion_phrasings(text, category):
    assert [t["category"] for t in terms_of(text, "exclusion")] == [category]


def test_imperative_claim_after_to_receive():
    text = (
        "To receive a credit, submit a request through the support console within sixty (60) "
        "calendar days of the end of the month."
    )
    assert (one(text, "claim_window")["value"], one(text, "claim_window")["unit"]) == (60, "days")


def test_relative_tier_row_is_not_an_open_tier():
    text = (
        "Monthly Uptime Percentage | Service Credit Percentage\n"
        "Less than the regional commitment but greater than or equal to 99.0% | 10%\n"
        "Less than 99.0% | 25%\n"
    )
    got = [(t["lower"], t["upper"], t["credit_percent"]) for t in terms_of(text, "credit_tier")]
    assert got == [(None, 99.0, 25)]


# round 4: words with 'point', transposed credit tables, hours-of windows -----------------


def test_percent_in_words_with_point():
    text = (
        "Northwind guarantees that the services will be operational ninety-nine point nine "
        "percent of the time in any calendar month."
    )
    assert one(text, "availability")["value"] == 99.9


def test_credit_tiers_as_columns():
    text = "Monthly Uptime | < 99.9% | < 99.0% | < 95.0%\nService Credit | 10% | 25% | 50%\n"
    got = sorted(
        (t["lower"] or 0, t["upper"], t["credit_percent"]) for t in terms_of(text, "credit_tier")
    )
    assert got == [(0, 95.0, 50), (95.0, 99.0, 25), (99.0, 99.9, 10)]


def test_a_credit_row_under_a_plan_header_is_not_transposed():
    text = "Plan | Business 99.9% | Enterprise 99.99%\nService Credit | 10% | 25%\n"
    assert terms_of(text, "credit_tier") == []


def test_between_the_hours_of_on_weekends():
    text = (
        "Routine maintenance is carried out between the hours of 10:00 p.m. and 4:00 a.m. "
        "Eastern Time on weekends."
    )
    term = one(text, "maintenance_window")
    assert (term["days"], term["start"], term["end"], term["time_zone"]) == (
        "Sat-Sun",
        "22:00",
        "04:00",
        "America/New_York",
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Changes are made in the standard change window, Wednesdays from 22:00 to 02:00 "
         "Central Time.", "Wed"),
        ("The platform has a weekly service window from 01:00 to 03:00 UTC every Sunday.", "Sun"),
    ],
)  # fmt: skip
def test_change_and_service_windows_are_maintenance(text, days):
    assert one(text, "maintenance_window")["days"] == days
    assert terms_of(text, "service_hours") == []


def test_customer_response_deadline_is_no_response_target():
    text = "If you do not respond to a request within 5 business days, we may close your ticket."
    assert terms_of(text, "response_time") == []


def test_priority_named_after_the_duration():
    text = (
        "Northwind will notify the Customer within 15 minutes of a P1 incident being raised "
        "and within 1 hour of a P2 incident being raised."
    )
    got = sorted((t["priority_rank"], t["minutes"]) for t in terms_of(text, "response_time"))
    assert got == [(1, 15), (2, 60)]


def test_acknowledgement_before_restore_in_one_cell_is_a_response():
    text = "Metric | Target\nRestore request acknowledgement (Priority 1) | 30 minutes\n"
    assert [t["minutes"] for t in terms_of(text, "response_time")] == [30]
    assert terms_of(text, "resolution_time") == []


def test_credit_with_a_relative_upper_end_is_dropped():
    text = (
        "Northwind will credit the monthly charge as follows: 5% where Availability is at least "
        "99.0% but below the target, and 15% where Availability is below 99.0%."
    )
    got = [(t["lower"], t["upper"], t["credit_percent"]) for t in terms_of(text, "credit_tier")]
    assert got == [(None, 99.0, 15)]


def test_report_phrase_takes_its_own_period():
    text = "A monthly network performance report and a quarterly capacity review are included."
    assert [t["value"] for t in terms_of(text, "reporting")] == ["monthly"]


def test_six_monthly_review_is_no_monthly_review():
    text = "Success rates are reviewed at a service review every six months and reported monthly."
    assert terms_of(text, "review_interval") == []
    assert [t["value"] for t in terms_of(text, "reporting")] == ["monthly"]


def test_as_reported_promises_no_report():
    text = "Northwind targets 99.9% uptime each month, as reported on the status page."
    assert terms_of(text, "reporting") == []


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("Targets do not apply to outages caused by the carrier's planned works.",
         ["internet_or_network_outside_provider"]),
        ("Downtime does not include suspension of your account for breach of the policy.",
         ["suspension"]),
        ("Targets do not apply to faults in Customer-owned cabling.", ["customer_caused"]),
    ],
)  # fmt: skip
def test_exclusion_categories_in_context(text, categories):
    assert sorted(t["category"] for t in terms_of(text, "exclusion")) == categories


# several priorities in one statement --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Severity 1 and Severity 2 incidents receive a response within 30 minutes.",
        "P1 & P2 incidents: response within 30 minutes, 24x7.",
        "Priority | Response\nP1 / P2 | 30 minutes\n",
    ],
)
def test_one_target_for_two_priorities_is_two_terms(text):
    got = sorted((t["priority_rank"], t["minutes"]) for t in terms_of(text, "response_time"))
    assert got == [(1, 30), (2, 30)]


@pytest.mark.parametrize(
    "text",
    [
        "Priority 1 (Critical) issues are responded to within 15 minutes.",
        "Priority | Response\nP1 - Critical | 15 minutes\n",
    ],
)
def test_a_priority_and_its_name_are_one_priority(text):
    assert [t["priority_rank"] for t in terms_of(text, "response_time")] == [1]


# round 5 ---------------------------------------------------------------------------------


def test_service_desk_hours_coverage_is_business_time():
    text = (
        "Priority | Target Response | Target Resolution | Hours of Cover\n"
        "P1 | 15 mins | 4 hrs | 24/7\n"
        "P3 | 4 hrs | 2 days | Service Desk Hours\n"
    )
    got = sorted((t["priority_rank"], t["kind"], t["unit"]) for t in terms_of(text))
    assert got == [
        (1, "resolution_time", "hours"),
        (1, "response_time", "minutes"),
        (3, "resolution_time", "business_days"),
        (3, "response_time", "business_hours"),
    ]


def test_root_cause_analysis_deadline_is_no_resolution_target():
    text = (
        "For every P1 incident the Supplier will deliver a root cause analysis within 10 "
        "business days of resolution."
    )
    assert terms_of(text, "resolution_time") == []


def test_customer_devices_are_customer_caused():
    text = "This SLA does not cover outages that result from Customer's mail clients or devices."
    assert [t["category"] for t in terms_of(text, "exclusion")] == ["customer_caused"]


# round 6 ---------------------------------------------------------------------------------


def test_two_reports_with_their_own_periods():
    text = (
        "You'll receive a weekly threat summary and a monthly service report; the quarterly "
        "executive briefing covers trends and service performance."
    )
    assert sorted(t["value"] for t in terms_of(text, "reporting")) == ["monthly", "weekly"]
    assert [t["value"] for t in terms_of(text, "review_interval")] == ["quarterly"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The parties will meet monthly to discuss service performance.", "monthly"),
        ("Service review meetings will be held quarterly.", "quarterly"),
    ],
)
def test_meetings_are_reviews(text, value):
    assert one(text, "review_interval")["value"] == value


@pytest.mark.parametrize(
    "text",
    [
        "Northwind will meet the service level targets each month.",
        "A monthly report shows the percentage meeting each service level target.",
    ],
)
def test_meeting_a_target_is_no_review(text):
    assert terms_of(text, "review_interval") == []


@pytest.mark.parametrize(
    "text",
    [
        "The SLA objectives do not apply while log sources are disconnected by the customer.",
        "Response times do not apply to requests concerning custom code.",
    ],
)
def test_customer_actions_excluded(text):
    assert [t["category"] for t in terms_of(text, "exclusion")] == ["customer_caused"]


# guards ----------------------------------------------------------------------------------


def test_customer_notification_duty_is_no_response_target():
    text = "Customer shall notify Northwind of any P1 incident within 24 hours."
    assert terms_of(text, "response_time") == []


def test_a_generic_dashboard_is_a_report():
    text = "The Service Dashboard is updated monthly with availability figures."
    assert one(text, "reporting")["value"] == "monthly"


def test_claims_for_damages_are_no_credit_claims():
    assert terms_of("Any claim for damages must be made within 30 days.", "claim_window") == []


# round 7 ---------------------------------------------------------------------------------


def test_priorities_as_columns():
    text = (
        "Measure | P1 | P2\n"
        "Mean Time to Acknowledge (MTTA) | 5 minutes | 15 minutes\n"
        "Mean Time to Resolve (MTTR) | 2 hours | 3 business days\n"
        "Change success rate | 98% | 95%\n"
    )
    got = sorted((t["kind"], t["priority_rank"], t["minutes"]) for t in terms_of(text))
    assert got == [
        ("resolution_time", 1, 120),
        ("resolution_time", 2, 4320),
        ("response_time", 1, 5),
        ("response_time", 2, 15),
    ]


def test_targets_measured_monthly_and_applying_24x7():
    text = "All targets are measured over a calendar month and apply 24x7."
    assert one(text, "measurement_period")["value"] == "monthly"
    assert terms_of(text, "service_hours") == []


def test_invoice_reductions_under_a_remedies_heading_are_credit_tiers():
    text = (
        "4. REMEDIES\n\nIf System Availability falls below 99.5% in a month, the monthly "
        "invoice will be reduced by 5%; if it falls below 98.0%, the reduction is 10%."
    )
    got = sorted(
        (t["lower"] or 0, t["upper"], t["credit_percent"]) for t in terms_of(text, "credit_tier")
    )
    assert got == [(0, 98.0, 10), (98.0, 99.5, 5)]
