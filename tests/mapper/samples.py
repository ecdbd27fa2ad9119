"""Sample documents for mapper tests: a precise SLA (raises nothing) and a weak draft."""

from __future__ import annotations

from extractor.types import Extraction
from tests.mapper.factories import make_extraction, term

GOOD_TEXT = """Service Level Agreement
1. Scope
This SLA applies to the Core API service provided by Provider to Acme Corporation.
2. Service Hours
Support Hours are 08:00 to 18:00 Monday to Friday, Europe/London time. Priority 1 incidents are handled 24x7.
3. Availability
Availability will be at least 99.9% of minutes in each calendar month, measured by Provider's external synthetic monitoring (the system of record), which probes the service every minute, UTC.
Downtime means a minute in which two consecutive probes from two regions fail.
Availability is calculated as total minutes less Downtime minutes, divided by total minutes.
4. Maintenance
Scheduled maintenance is performed on Sundays between 02:00 and 06:00 UTC, announced at least 48 hours in advance, and is excluded from Downtime.
Force majeure events are excluded from Downtime.
5. Support
Priority 1 means the Core API is unavailable to all users with no workaround. Priority 2 means a major function is degraded.
Priority 1 incidents will receive a response within 30 minutes and be resolved within 4 hours.
Priority 2 incidents will receive a response within 2 hours and be resolved within 1 day.
Standard service requests are fulfilled within 3 business days.
6. Service Credits
If Availability in a calendar month is below 99.9% but at least 99.0%, Customer receives a credit of 10% of the monthly fee.
Below 99.0% but at least 95.0%: 25% of the monthly fee. Below 95.0%: 50% of the monthly fee.
Total credits in a month shall not exceed 50% of the monthly fee.
Credit claims must be submitted within 30 days after the end of the month.
7. Customer Responsibilities
Customer shall report incidents through the support portal and keep its named contacts up to date.
8. Reporting and Review
Provider will deliver a service report within 10 business days after the end of each month. The parties review service performance quarterly.
9. Escalation
Priority 1 incidents unresolved after 2 hours are escalated to the Service Delivery Manager.
10. Disputes
Disputes about measured performance are raised within 30 days and decided at the quarterly review.
"""  # noqa: E501

GOOD_HEADINGS = [
    ("1", "Scope"),
    ("2", "Service Hours"),
    ("3", "Availability"),
    ("4", "Maintenance"),
    ("5", "Support"),
    ("6", "Service Credits"),
    ("7", "Customer Responsibilities"),
    ("8", "Reporting and Review"),
    ("9", "Escalation"),
    ("10", "Disputes"),
]

GOOD_TERMS = [
    term(
        "service_hours",
        "08:00 to 18:00 Monday to Friday, Europe/London",
        days="Mon-Fri",
        start="08:00",
        end="18:00",
        time_zone="Europe/London",
    ),
    term(
        "availability",
        "at least 99.9% of minutes in each calendar month",
        value=99.9,
        unit="percent",
        period="monthly",
        service=None,
    ),
    term("measurement_period", "each calendar month", value="monthly"),
    term(
        "maintenance_window",
        "Sundays between 02:00 and 06:00 UTC, announced at least 48 hours",
        days="Sun",
        start="02:00",
        end="06:00",
        time_zone="UTC",
        notice_hours=48,
    ),
    term("exclusion", "Scheduled maintenance is performed", category="scheduled_maintenance"),
    term("exclusion", "Force majeure events are excluded", category="force_majeure"),
    term(
        "response_time",
        "response within 30 minutes",
        value=30,
        unit="minutes",
        minutes=30,
        business=False,
        priority="Priority 1",
        priority_rank=1,
    ),
    term(
        "resolution_time",
        "resolved within 4 hours",
        value=4,
        unit="hours",
        minutes=240,
        business=False,
        priority="Priority 1",
        priority_rank=1,
    ),
    term(
        "response_time",
        "response within 2 hours",
        value=2,
        unit="hours",
        minutes=120,
        business=False,
        priority="Priority 2",
        priority_rank=2,
    ),
    term(
        "resolution_time",
        "resolved within 1 day",
        value=1,
        unit="days",
        minutes=1440,
        business=False,
        priority="Priority 2",
        priority_rank=2,
    ),
    term(
        "credit_tier",
        "below 99.9% but at least 99.0%, Customer receives a credit of 10%",
        metric="availability",
        lower=99.0,
        upper=99.9,
        credit_percent=10,
    ),
    term(
        "credit_tier",
        "Below 99.0% but at least 95.0%: 25%",
        metric="availability",
        lower=95.0,
        upper=99.0,
        credit_percent=25,
    ),
    term(
        "credit_tier",
        "Below 95.0%: 50%",
        metric="availability",
        lower=None,
        upper=95.0,
        credit_percent=50,
    ),
    term("credit_cap", "shall not exceed 50% of the monthly fee", value=50, unit="percent"),
    term("claim_window", "within 30 days after the end of the month", value=30, unit="days"),
    term(
        "reporting",
        "service report within 10 business days after the end of each month",
        value="monthly",
    ),
    term("review_interval", "review service performance quarterly", value="quarterly"),
]


def good_sla(name: str = "sla.txt", **kw: object) -> Extraction:
    return make_extraction(name, GOOD_TEXT, GOOD_TERMS, headings=GOOD_HEADINGS, **kw)  # type: ignore[arg-type]


WEAK_TEXT = """Draft Service Level Agreement
1. Availability
Provider will use reasonable efforts to make the Service highly available.
The Service will be available 99.95% of the time.
2. Support
Provider will respond promptly to support requests during business hours.
P1 tickets: response within 60 minutes, resolution within 30 minutes.
3. Credits
Credits: 5% where availability is below 99.5% and at least 99.0%; 20% where availability is below 99.2% and at least 97.0%.
4. Reviews
The parties will review the service regularly.
"""  # noqa: E501

WEAK_TERMS = [
    term("availability", "99.95% of the time", value=99.95, unit="percent", period=None),
    term(
        "response_time",
        "response within 60 minutes",
        value=60,
        unit="minutes",
        minutes=60,
        business=False,
        priority="P1",
        priority_rank=1,
    ),
    term(
        "resolution_time",
        "resolution within 30 minutes",
        value=30,
        unit="minutes",
        minutes=30,
        business=False,
        priority="P1",
        priority_rank=1,
    ),
    term(
        "credit_tier",
        "5% where availability is below 99.5% and at least 99.0%",
        metric="availability",
        lower=99.0,
        upper=99.5,
        credit_percent=5,
    ),
    term(
        "credit_tier",
        "20% where availability is below 99.2% and at least 97.0%",
        metric="availability",
        lower=97.0,
        upper=99.2,
        credit_percent=20,
    ),
]


def weak_draft(name: str = "draft.txt", **kw: object) -> Extraction:
    return make_extraction(name, WEAK_TEXT, WEAK_TERMS, **kw)  # type: ignore[arg-type]
