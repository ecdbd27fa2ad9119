"""Random and mutated text never breaks the rules; a long document stays fast."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.terms import clauses_to_terms
from extractor.types import TERM_KINDS, Clause, ReadDocument, Span

SLA_WORDS = [
    "99.9%", "uptime", "P1", "Severity 1", "response", "within", "4 hours", "credit", "10%",
    "less than", "at least", "|", "\n", "Monday to Friday", "9:00 to 17:00", "ET", "24x7",
    "maintenance", "Sundays", "48 hours' notice", "force majeure", "excluded", "order of",
    "precedence", "Order Form", "prevail", "Section 4.2", "is deleted and replaced", ":",
    "thirty (30) days", "claim", "monthly", "report", "quarterly review", "(", ")", ".", ";",
    "ninety-nine and nine-tenths percent", "next business day", "shall not exceed", "50%",
]  # fmt: skip


def _check(text: str, clauses=()) -> None:
    doc = ReadDocument(text=text, pages=((0, len(text)),), media_type="text/plain")
    for term in clauses_to_terms(doc, list(clauses), {"Business Hours": text[:40]}):
        assert term.kind in TERM_KINDS
        assert term.quote == text[term.span.start : term.span.end]
        assert 0 <= term.span.start <= term.span.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SLA_WORDS), max_size=40),
    st.sampled_from([" ", "", "\n"]),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=4),
)
def test_sla_word_salad_never_raises(words, sep, cuts):
    text = sep.join(words)
    clauses = [
        Clause(f"c{i}", str(i), "Heading", Span(1, min(a, b), max(a, b)))
        for i, (a, b) in enumerate(cuts)
    ]
    _check(text, clauses)


PAGE = """4.{n} Service Levels. Provider will make the Service available at least 99.9% of the time
in each calendar month. Severity 1 incidents receive a response within one (1) hour and are
resolved within four (4) hours. If Monthly Uptime is less than 99.9% but at least 99.0%,
Customer will receive a service credit of 10%. Credits shall not exceed 50% of the monthly fees.
Customer must request a credit within thirty (30) days. Support is available Monday through
Friday, 8:00 a.m. to 6:00 p.m. Eastern Time. Scheduled maintenance occurs on Sundays from
02:00 to 06:00 UTC with 48 hours' notice. The SLA does not apply to force majeure events.
Priority | Response | Resolution
P1 | 15 minutes | 4 hours
P2 | 1 hour | 1 business day
""" + (
    "The parties acknowledge that this Agreement has been negotiated at arm's length and that "
    "each party has had the opportunity to consult counsel of its choosing before signing it.\n"
) * 25


def test_seventy_pages_are_fast():
    text = "\n".join(PAGE.format(n=i) for i in range(70))
    assert len(text) > 200_000
    pages = tuple((i * len(text) // 70, (i + 1) * len(text) // 70) for i in range(70))
    doc = ReadDocument(text=text, pages=pages, media_type="text/plain")
    clauses_to_terms(doc, [], {})  # warm the pipeline
    start = time.perf_counter()
    terms = clauses_to_terms(doc, [], {})
    elapsed = time.perf_counter() - start
    assert len({t.kind for t in terms}) >= 9
    assert {t.span.page for t in terms} >= {1, 70}
    assert elapsed < 4.0, f"{elapsed:.2f}s for 70 pages"
