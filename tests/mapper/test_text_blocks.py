from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.text_blocks import text_to_blocks


def test_wrapped_sentences_are_joined_but_headings_items_and_rows_are_not() -> None:
    text = (
        "4. Support\n"
        "Northwind shall notify the customer without undue delay, and in any event within\n"
        "seventy-two (72)\n"
        "hours of becoming aware of a breach.\n"
        "Severity | Response\n"
        "(a) scheduled maintenance;\n"
        "(b) force majeure.\n"
    )
    blocks, offsets = text_to_blocks(text)
    assert blocks[0] == "4. Support"
    assert blocks[1].startswith("Northwind shall") and blocks[1].endswith("breach.")
    assert blocks[2:] == ["Severity | Response", "(a) scheduled maintenance;", "(b) force majeure."]
    for block, offset in zip(blocks, offsets, strict=True):
        original = text[offset : offset + len(block)]
        assert original.replace("\n", " ") == block


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet="ab .|1(\n", max_size=30), max_size=8))
def test_blocks_keep_the_offsets_of_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    blocks, offsets = text_to_blocks(text)
    for block, offset in zip(blocks, offsets, strict=True):
        original = text[offset : offset + len(block)]
        assert len(original) == len(block)
        for a, b in zip(original, block, strict=True):
            assert a == b or (a.isspace() and b == " ")


def test_a_bracketed_numeral_before_a_unit_continues_the_sentence() -> None:
    """Regression from linting train_kpi_service_level_schedule.txt: '(10) Working Days'
    on the next line is the end of 'within ten', not a list item."""
    text = (
        "3.1 The Supplier shall send the monthly service report to the Customer within ten\n"
        "(10) Working Days of the month end.\n"
        "(a) an item\n(2) another item\n"
    )
    blocks, _ = text_to_blocks(text)
    assert blocks == [
        "3.1 The Supplier shall send the monthly service report to the Customer within ten (10) "
        "Working Days of the month end.",
        "(a) an item",
        "(2) another item",
    ]


def test_label_value_lines_stay_apart() -> None:
    """An order form's "Label: value" lines are statements of their own."""
    text = (
        "On-Site Attendance (New York): within 4 Coverage Hours of a P1 Incident being logged\n"
        "On-Site Attendance (Chicago): as soon as reasonably practicable\n"
        "Service Report: by the 10th Business Day of each month, covering the previous\n"
        "month and the open incidents\n"
    )
    blocks, _ = text_to_blocks(text)
    assert len(blocks) == 3
    assert blocks[1] == "On-Site Attendance (Chicago): as soon as reasonably practicable"
    assert blocks[2].endswith("previous month and the open incidents")
