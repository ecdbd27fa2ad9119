"""Phrasings of public SLAs and support policies: each rule with what it must read and
what it must leave alone."""

import pytest

from extractor.terms.services import heading_service
from tests.extractor.test_terms import one, terms_of


def kinds(text: str) -> set[str]:
    return {t["kind"] for t in terms_of(text)}


# priorities written with letters ----------------------------------------------------------


def test_severity_letters_rank_a_first():
    text = (
        "Severity | Initial Response | Update Frequency\n"
        "Severity A | 1 hour or less, 24x7 | Every 2 hours\n"
        "Severity C | 4 business hours or less | Every 2 business days\n"
    )
    got = sorted((t["priority_rank"], t["minutes"], t["business"])
                 for t in terms_of(text, "response_time"))  # fmt: skip
    assert got == [(1, 60, False), (3, 240, True)]


def test_letter_after_a_plan_word_is_no_priority():
    assert (
        terms_of("Plan A includes a response within 2 hours.", "response_time")[0]["priority_rank"]
        is None
    )


def test_support_hour_is_a_business_hour():
    term = one("Severity Level 1 tickets will be acknowledged within 1 Support Hour.",
               "response_time")  # fmt: skip
    assert (term["minutes"], term["business"], term["priority_rank"]) == (60, True, 1)


# services ---------------------------------------------------------------------------------


def test_one_target_for_two_services_is_two_terms():
    text = "Northwind targets 99.9% uptime for the Core API and the Analytics Dashboard each month."
    got = sorted(t["service"] for t in terms_of(text, "availability"))
    assert got == ["Analytics Dashboard", "Core API"]
    assert terms_of(text, "reporting") == []  # a product called '... Dashboard' is no report


def test_each_target_takes_the_service_named_after_it():
    text = "We guarantee 99.95% monthly uptime for Managed Hosting and 99.9% for the Core API."
    got = sorted((t["value"], t["service"]) for t in terms_of(text, "availability"))
    assert got == [(99.9, "Core API"), (99.95, "Managed Hosting")]


def test_a_name_after_the_target_that_is_not_what_it_is_for():
    text = ("The Core API will be available 99.9% of the time, as measured by the Analytics "
            "Dashboard.")  # fmt: skip
    assert [t["service"] for t in terms_of(text, "availability")] == ["Core API"]


def test_make_service_available_without_article():
    text = ("Northwind will make Managed Hosting available with a Monthly Uptime Percentage of "
            "at least 99.99%.")  # fmt: skip
    assert one(text, "availability")["service"] == "Managed Hosting"


@pytest.mark.parametrize(
    ("heading", "service"),
    [("Northwind Cloud Ltd", None), ("1. Network availability", None),
     ("Core API Availability", "Core API"), ("3. Managed Hosting", "Managed Hosting")],
)  # fmt: skip
def test_heading_service(heading, service):
    assert heading_service(heading) == service


@pytest.mark.parametrize(
    ("table", "service"),
    [
        ("Service tier | Monthly Availability Target\nStandard (single access) | 99.5%\n", None),
        ("Service element | Service level\nPower availability (A+B feeds) | 99.95%\n", None),
        ("Service | Uptime\nCore API | 99.9%\n", "Core API"),
    ],
)
def test_plan_and_metric_rows_are_not_services(table, service):
    assert one(table, "availability")["service"] == service


def test_at_least_sign_in_an_availability_table_is_a_target():
    text = (
        "Deployment type | Monthly Uptime Percentage\n"
        "Multi-region | >= 99.99%\n"
        "Zonal | 99.0% - 99.5%\n"
    )
    assert [t["value"] for t in terms_of(text, "availability")] == [99.99]


# hours ------------------------------------------------------------------------------------


def test_customer_commitment_column_is_not_service_hours():
    text = (
        "Severity | Initial Response | Your expected commitment\n"
        "Severity A | 1 hour | Allocate staff to work with us around the clock\n"
    )
    assert terms_of(text, "service_hours") == []


def test_always_and_business_hours_in_one_sentence():
    text = ("Support is provided 24x7x365 for S1 and S2 cases, and from 08:00 to 20:00 Central "
            "European Time, Monday to Friday, for S3 and S4 cases.")  # fmt: skip
    got = sorted((t["days"], t["start"], t["end"], t["time_zone"])
                 for t in terms_of(text, "service_hours"))  # fmt: skip
    assert got == [
        ("Mon-Fri", "08:00", "20:00", "Europe/Berlin"),
        ("Mon-Sun", "00:00", "24:00", None),
    ]


def test_singapore_time():
    term = one(
        "APAC support: Monday through Friday, 09:00 to 18:00 Singapore Time.", "service_hours"
    )
    assert (term["days"], term["time_zone"]) == ("Mon-Fri", "Asia/Singapore")


def test_a_window_ending_on_the_next_day():
    text = ("Planned maintenance is carried out in the standard maintenance window, Saturday "
            "23:00 to Sunday 03:00 Eastern Time.")  # fmt: skip
    term = one(text, "maintenance_window")
    assert (term["days"], term["start"], term["end"], term["time_zone"]) == (
        "Sat", "23:00", "03:00", "America/New_York")  # fmt: skip


def test_a_single_weekday_window():
    text = "A weekly maintenance window runs every Wednesday, 10 p.m. - 2 a.m. (US Pacific Time)."
    assert one(text, "maintenance_window")["days"] == "Wed"


def test_planned_engineering_works_are_maintenance_not_service_hours():
    text = ("Planned engineering works are carried out on Tuesday to Thursday nights between "
            "midnight and 06:00 UK time, with at least ten (10) days' notice.")  # fmt: skip
    term = one(text, "maintenance_window")
    assert (term["days"], term["start"], term["end"]) == ("Tue-Thu", "00:00", "06:00")
    assert term["notice_hours"] == 240
    assert terms_of(text, "service_hours") == []


# periods, reviews, reports ----------------------------------------------------------------


def test_period_of_a_target_is_not_a_measurement_period():
    text = ("The infrastructure will achieve Availability of 99.95% per calendar month, measured "
            "by our monitoring system at one-minute intervals.")  # fmt: skip
    assert kinds(text) == {"availability"}


@pytest.mark.parametrize(
    "text",
    [
        "Availability is measured per calendar month for each circuit.",
        '"Monthly Uptime Percentage" is worked out by deducting from 100% the share of minutes '
        "in the month during which the service was unavailable.",
    ],
)
def test_measurement_period(text):
    assert one(text, "measurement_period")["value"] == "monthly"


def test_two_reviews_in_one_sentence():
    text = ("A monthly service review meeting will be held with the IT Manager, and this SLA "
            "will be reviewed annually on each anniversary.")  # fmt: skip
    assert sorted(t["value"] for t in terms_of(text, "review_interval")) == ["monthly", "yearly"]
    assert [
        t["value"]
        for t in terms_of(
            "The parties will meet monthly to review service performance.", "review_interval"
        )
    ] == ["monthly"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Premium customers get a weekly ticket summary from their account manager.", "weekly"),
        (
            "Provider will deliver SLA performance reports to Customer on a monthly basis.",
            "monthly",
        ),
        ("Reporting\n\nCustomers receive monthly power and environmental reports.", "monthly"),
    ],
)
def test_reporting(text, value):
    assert one(text, "reporting")["value"] == value


@pytest.mark.parametrize(
    "text",
    [
        "Customer will report any service incidents to the Provider each month.",
        "Reporting\n\nWe publish monthly security reports.",
    ],
)
def test_not_reporting(text):
    assert terms_of(text, "reporting") == []


# credits and claims -----------------------------------------------------------------------


def test_tiers_after_a_general_condition():
    text = (
        "Premium customers receive a service credit if monthly uptime drops below 99.9%: 10% "
        "of the monthly fee for uptime below 99.9%, and 25% for uptime below 99.0%."
    )
    got = sorted((t["lower"] or 0, t["upper"], t["credit_percent"])
                 for t in terms_of(text, "credit_tier"))  # fmt: skip
    assert got == [(0, 99.0, 25), (99.0, 99.9, 10)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("You must submit your claim within two billing cycles after the month in which the "
         "commitment was missed.", 2, "billing_cycles"),
        ("How do I claim?\n\nEmail our billing team within 14 days of the incident.", 14, "days"),
    ],
)  # fmt: skip
def test_claim_windows(text, value, unit):
    term = one(text, "claim_window")
    assert (term["value"], term["unit"]) == (value, unit)


def test_legal_claims_are_not_credit_claims():
    text = "Any claim or legal action under this Agreement must be brought within 90 days."
    assert terms_of(text, "claim_window") == []


# precedence -------------------------------------------------------------------------------


def test_support_terms_named_with_these():
    text = ("If these Enterprise Support Terms conflict with the Agreement, these Enterprise "
            "Support Terms control.")  # fmt: skip
    assert one(text, "precedence")["order"] == ["support_policy", "msa"]


def test_these_general_terms_are_still_the_agreement():
    text = "If these General Terms conflict with an Order Form, the Order Form prevails."
    assert one(text, "precedence")["order"] == ["order_form", "msa"]


# exclusions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The targets do not apply to software or hardware not provided by Northwind.",
         "third_party"),
        ("The targets do not apply to customisations made by Customer or its contractors.",
         "customer_caused"),
        ("Service Levels will not apply where a failure results from a Force\nMajeure Event.",
         "force_majeure"),
        ("Downtime does not include problems with the customer's domain registrar or DNS "
         "provider.", "internet_or_network_outside_provider"),
        ("Downtime shall not include any outage attributable to Customer.", "customer_caused"),
        ("Target response times do not apply to problems caused by custom code written by the "
         "customer.", "customer_caused"),
        ("Maintenance on a single feed of a dual-fed power supply is not Downtime.",
         "scheduled_maintenance"),
        ("The SLA does not apply during maintenance carried out as the Agreement permits.",
         "scheduled_maintenance"),
    ],
)  # fmt: skip
def test_exclusion_phrasings(text, category):
    assert [t["category"] for t in terms_of(text, "exclusion")] == [category]


@pytest.mark.parametrize(
    "text",
    [
        "Emergency maintenance may be carried out at any time with as much notice as practicable.",
        "Emergency maintenance is not Downtime only where it fixes a vulnerability.",
        "Telephone support is not provided by Northwind on public holidays.",
    ],
)
def test_not_exclusions(text):
    assert terms_of(text, "exclusion") == []
