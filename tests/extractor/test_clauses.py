"""Clause segmentation and definitions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.clauses import split_heading, text_to_clauses, text_to_definitions
from extractor.readers.builder import TextBuilder
from extractor.types import ReadDocument

CONTRACT = """MASTER SERVICES AGREEMENT
This Agreement is made between Northwind Cloud Ltd and Acme Corporation.
ARTICLE IV - SERVICE LEVELS
4.1 Availability. Northwind will make the Service available 99.9% of the time in each
calendar month, measured over
30 days as set out below.
4.2 Service Credits
If Availability falls below the target:
(a) a credit of 10% applies; and
(b) a credit of 25% applies where:
(i) Availability is below 99.0%; or
(ii) the failure lasts longer than
4 hours in total.
Monthly Uptime | Credit
99.0% | 10%
Schedule 2 (Service Level Schedule)
1. Definitions
Exhibit B
Annex A: Support Matrix
"""


def _doc(text: str, headings: tuple[tuple[int, int, int], ...] = ()) -> ReadDocument:
    return ReadDocument(text=text, pages=((0, len(text)),), media_type="text/plain",
                        headings=headings)  # fmt: skip


def test_numbered_sections_divisions_and_list_items() -> None:
    clauses, _ = text_to_clauses(_doc(CONTRACT))
    numbers = [c.number for c in clauses]
    assert numbers == [
        None, "Article IV", "4.1", "4.2", "4.2(a)", "4.2(b)", "4.2(b)(i)", "4.2(b)(ii)",
        "Schedule 2", "1", "Exhibit B", "Annex A",
    ]  # fmt: skip
    assert [c.id for c in clauses] == [f"c{i}" for i in range(1, len(clauses) + 1)]
    by_number = {c.number: c for c in clauses}
    assert by_number["Article IV"].heading == "SERVICE LEVELS"
    assert by_number["4.1"].heading == "Availability"
    assert by_number["4.2"].heading == "Service Credits"
    assert by_number["4.2(a)"].heading is None
    assert by_number["Schedule 2"].heading == "Service Level Schedule"
    assert by_number["1"].heading == "Definitions"
    assert by_number["Annex A"].heading == "Support Matrix"
    assert clauses[0].heading == "MASTER SERVICES AGREEMENT"


def test_spans_run_to_the_next_clause_and_cover_the_text() -> None:
    clauses, _ = text_to_clauses(_doc(CONTRACT))
    for clause, following in zip(clauses, clauses[1:], strict=False):
        assert clause.span.end <= following.span.start
        assert CONTRACT[clause.span.end : following.span.start].strip() == ""
    credit = next(c for c in clauses if c.number == "4.2(b)(ii)")
    body = CONTRACT[credit.span.start : credit.span.end]
    assert body.startswith("(ii) the failure")
    assert body.endswith("99.0% | 10%")  # the table and the wrapped "4 hours" line stay inside


def test_wrapped_lines_and_dates_are_not_clauses() -> None:
    text = "1. Term\nThis starts on\n1 January 2026 and renews after\n12 Months unless ended.\n"
    clauses, _ = text_to_clauses(_doc(text))
    assert [c.number for c in clauses] == ["1"]


def test_reader_headings_start_clauses() -> None:
    text = "Support Policy\nIntro text.\nHow to contact us\nUse the portal.\n"
    headings = ((0, 14, 1), (27, 44, 2))
    clauses, _ = text_to_clauses(_doc(text, headings))
    assert [(c.number, c.heading) for c in clauses] == [
        (None, "Support Policy"), (None, "How to contact us")
    ]  # fmt: skip


def test_split_heading() -> None:
    assert split_heading("Service Credits. If the service fails, credits apply.") == (
        "Service Credits", "If the service fails, credits apply.")  # fmt: skip
    assert split_heading("The Provider shall respond within 1 hour.") == (
        None, "The Provider shall respond within 1 hour.")  # fmt: skip
    assert split_heading("SUPPORT AND MAINTENANCE") == ("SUPPORT AND MAINTENANCE", "")
    assert split_heading("This Amendment No. 2 may be executed")[0] is None


def test_definitions_three_forms() -> None:
    text = (
        '1.1 "Monthly Uptime Percentage" means the total minutes in a month minus Downtime,\n'
        "divided by the total minutes. Credits are paid monthly.\n"
        "1.2 \u201cBusiness Day\u201d shall mean Monday to Friday excluding holidays.\n"
        "Scheduled Maintenance: means work notified 48 hours in advance; and\n"
        '"Fees" has the meaning given in clause 5.\n'
    )
    found = text_to_definitions(text)
    assert found["Monthly Uptime Percentage"] == (
        "the total minutes in a month minus Downtime, divided by the total minutes"
    )
    assert found["Business Day"] == "Monday to Friday excluding holidays"
    assert found["Scheduled Maintenance"] == "work notified 48 hours in advance"
    assert found["Fees"] == "has the meaning given in clause 5"


LINES = st.lists(
    st.one_of(
        st.sampled_from(["1. Scope", "2.3 Credits. Text.", "(a) item;", "(iv) sub", "Article II",
                         "Schedule 3", "SERVICE LEVELS", "a | b", "", "  ", "<page>"]),
        st.text(alphabet=st.characters(codec="ascii", exclude_categories=("Cc",)), max_size=40),
    ),
    max_size=30,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(LINES)
def test_clause_invariants(lines: list[str]) -> None:
    builder = TextBuilder()
    for line in lines:
        if line == "<page>":
            builder.end_page()
        else:
            builder.add_line(line)
    doc = builder.build("text/plain")
    clauses, _ = text_to_clauses(doc)
    previous_end = 0
    for i, clause in enumerate(clauses):
        assert clause.id == f"c{i + 1}"
        assert previous_end <= clause.span.start <= clause.span.end <= len(doc.text)
        assert doc.text[clause.span.start : clause.span.end].strip()
        assert clause.span.page == doc.page_of(clause.span.start)
        previous_end = clause.span.end
    if doc.text.strip():
        assert clauses and doc.text[: clauses[0].span.start].strip() == ""


def test_lettered_numbers_and_clauses_after_a_table() -> None:
    text = (
        "EXHIBIT B - SUPPORT TERMS\nB.1 Northwind answers tickets.\nB.2 Response times:\n"
        "Severity | Response\nSeverity 1 | 1 hour\n3.2 The cap is 30% of the fees.\n"
    )
    clauses, _ = text_to_clauses(_doc(text))
    assert [c.number for c in clauses] == ["Exhibit B", "B.1", "B.2", "3.2"]


def test_definition_text_survives_abbreviations() -> None:
    text = (
        '"Business Hours" means 8:00 a.m. to 6:00 p.m. Eastern Time, excluding U.S. Federal'
        " holidays."
    )
    assert text_to_definitions(text)["Business Hours"] == (
        "8:00 a.m. to 6:00 p.m. Eastern Time, excluding U.S. Federal holidays"
    )
