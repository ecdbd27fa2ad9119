"""`close_open_tiers`: a credit tier's open lower end comes only from a tier below it that
measures the same thing and credits at least as much."""

from extractor.terms import clauses_to_terms
from extractor.terms.collect import close_open_tiers
from extractor.terms.model import Context, Found
from extractor.types import ReadDocument


def tiers_of(text: str) -> list[tuple]:
    doc = ReadDocument(text=text, pages=((0, len(text)),), media_type="text/plain")
    terms = clauses_to_terms(doc, [], {})
    return sorted((t.attrs["lower"] or 0, t.attrs["upper"], t.attrs["credit_percent"])
                  for t in terms if t.kind == "credit_tier")  # fmt: skip


def tier(upper, credit, lower=None, service=None, attrs_service=None) -> Found:
    attrs = {"metric": "availability", "lower": lower, "upper": upper, "credit_percent": credit}
    if attrs_service:
        attrs["service"] = attrs_service
    return Found("credit_tier", attrs, 0, 1, 0.8, Context(heading="Credits", service=service))


def test_tiers_stated_as_below_each_close_on_each_other():
    text = ("If Monthly Uptime is below 99.9%, Customer receives a service credit of 10%. "
            "If Monthly Uptime is below 99.0%, the service credit is 25%.")  # fmt: skip
    assert tiers_of(text) == [(0, 99.0, 25), (99.0, 99.9, 10)]


def test_a_tier_of_another_measure_lends_no_lower_end():
    text = (
        "Service levels: power availability 100%; network availability 99.999%.\n\n"
        "If power availability in a month is less than 100%, Customer will receive a credit of "
        "10% of the monthly recurring charge.\n\n"
        "If network availability in a month is less than 99.999% but at least 99.9%, the "
        "credit is 5% of the monthly IP transit charge; if it is less than 99.9%, the credit "
        "is 15%.\n"
    )
    assert tiers_of(text) == [(0, 99.9, 15), (0, 100, 10), (99.9, 99.999, 5)]


def test_only_a_tier_crediting_at_least_as_much_lends_its_upper_end():
    smaller, larger, own = tier(99.9, 5, lower=99.0), tier(99.0, 25), tier(100, 10)
    close_open_tiers([smaller, own])
    assert own.attrs["lower"] is None
    close_open_tiers([smaller, larger, own])
    assert own.attrs["lower"] == 99.0


def test_tiers_of_different_services_stay_apart():
    own, other = tier(99.9, 10, service="Core API"), tier(99.0, 25, service="Portal")
    close_open_tiers([own, other])
    assert own.attrs["lower"] is None
    own, same = tier(99.9, 10, service="Core API"), tier(99.0, 25, attrs_service="Core API")
    close_open_tiers([own, same])
    assert own.attrs["lower"] == 99.0


def test_what_the_sentence_measures_keeps_tiers_apart():
    text = ("If power availability is less than 100%, the credit is 10%. "
            "If network availability is less than 99.9%, the credit is 25%. "
            "If network availability is less than 99.5%, the credit is 50%.")  # fmt: skip
    assert tiers_of(text) == [(0, 99.5, 50), (0, 100, 10), (99.5, 99.9, 25)]
