"""Cut a document's plain text into blocks for the sentencizer.

A block is a line, or several lines merged when a sentence was wrapped (PDF and plain
text wrap lines; headings, list items and table rows stay on their own).
"""

from __future__ import annotations

import re

# a numeral in brackets before a unit ("ten\n(10) Working Days") continues a sentence
_UNIT_NEXT = (
    r"(?!(?i:(business|working|calendar|clock|consecutive)\s+)?"
    r"(?i:minutes?|hours?|days?|weeks?|months?|years?|per\s?cent|percent|%))"
)
_ITEM_START = re.compile(
    r"^\s*(\d+(\.\d+)*\.\s|\d+(\.\d+)+\s|\d+\s+[A-Z]|\(?([a-z]|[ivx]{1,4}|\d{1,3})\)\s"
    + _UNIT_NEXT
    + r"|[-•*–]\s|[A-Z][A-Z0-9 ,&/-]+$)"
)
# "On-Site Attendance (Chicago): as soon as practicable": a label and its value, a line of
# its own in an order form (a long one wraps onto lines that start lower case)
_LABEL = re.compile(r"^[A-Z][\w /()&,.'-]{0,40}:\s+\S")
_LINE_END = re.compile(r"[.:;!?]\s*$")


def text_to_blocks(text: str) -> tuple[list[str], list[int]]:
    """Blocks of `text` for the sentencizer with their offsets: a line, or lines merged
    when a sentence was wrapped (no end punctuation, next line not a new item/heading/row).
    Newlines inside a block become spaces, so offsets stay those of `text`."""
    blocks: list[str] = []
    offsets: list[int] = []
    pos = 0
    previous_open = False
    last_line = ""
    for line in text.split("\n"):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        if stripped and previous_open and _continues(last_line, stripped):
            gap = pos + lead - (offsets[-1] + len(blocks[-1]))
            blocks[-1] += " " * gap + stripped
        elif stripped:
            blocks.append(stripped)
            offsets.append(pos + lead)
        previous_open = bool(stripped) and not _LINE_END.search(stripped) and " | " not in stripped
        last_line = stripped or last_line
        pos += len(line) + 1
    return blocks, offsets


def _continues(previous: str, line: str) -> bool:
    """A wrapped sentence: the next line starts lower case, or the previous line is long
    (a short line without end punctuation is a heading) and not a "Label: value" line."""
    if " | " in line or _ITEM_START.match(line) or _LABEL.match(line):
        return False
    return line[0].islower() or (len(previous) >= 50 and not _LABEL.match(previous))


Unit = tuple[int, str, int]  # offset in the text, the unit's text, the unit index of its row or -1

_ROW_SPLIT = re.compile(r"[^|]+")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
_LIST_ITEM = re.compile(r"^\s*([-•*–]|\(?[a-z0-9ivx]{1,4}[.)])\s")
_DUTY_HEADING = re.compile(
    r"\b(customer|client|your|buyer|purchaser|licensee|authority)('s|’s)?\s+"
    r"(responsibilities|obligations|dependencies|duties)\b|\bwhat we need from you\b",
    re.IGNORECASE,
)
_DUTY_INTRO = re.compile(
    r"\b(customer|client|you|licensee|purchaser|buyer)\s+(shall|will|must|agrees?\s+to|"
    r"(is|are)\s+responsible\s+for|undertakes?\s+to)\b[^.]*:\s*$",
    re.IGNORECASE,
)


def is_row(block: str) -> bool:
    return " | " in block or block.lstrip().startswith("|")


def text_to_units(text: str) -> list[Unit]:
    """The blocks of `text`, and after each table row its cells (a row states one thing
    per column: a cue in one cell is not answered by a number in another)."""
    blocks, offsets = text_to_blocks(text)
    units: list[Unit] = []
    for block, offset in zip(blocks, offsets, strict=True):
        units.append((offset, block, -1))
        if not is_row(block):
            continue
        row = len(units) - 1
        for cell in _ROW_SPLIT.finditer(block):
            value = cell.group().strip()
            if value and not _SEPARATOR_CELL.match(value):
                lead = len(cell.group()) - len(cell.group().lstrip())
                units.append((offset + cell.start() + lead, value, row))
    return units


def duty_units(units: list[Unit]) -> set[int]:
    """Indices of the units that state the customer's duties: the list items after an
    introducing sentence ("You agree to:"), and what follows a heading such as "Customer
    Responsibilities" up to the next heading."""
    out: set[int] = set()
    in_list = under_heading = False
    for i, (_offset, unit, row) in enumerate(units):
        if row >= 0:
            continue
        if _heading(unit):
            under_heading = bool(_DUTY_HEADING.search(unit))
            in_list = False
            continue
        if in_list and not _LIST_ITEM.match(unit):
            in_list = False
        if under_heading or in_list:
            out.add(i)
        if _DUTY_INTRO.search(unit):
            in_list = True
    return out


def _heading(unit: str) -> bool:
    """A short line without end punctuation ("4. Customer Responsibilities", "## Limits")."""
    stripped = unit.strip().lstrip("#").strip()
    return 0 < len(stripped.split()) <= 8 and not _LINE_END.search(stripped) and not is_row(unit)
