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
    r"^\s*(\d+(\.\d+)*\.\s|\d+(\.\d+)+\s|\d+\s+[A-Z]|\(?[a-z0-9ivx]{1,4}\)\s"
    + _UNIT_NEXT
    + r"|[-•*–]\s|[A-Z][A-Z0-9 ,&/-]+$)"
)
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
    (a short line without end punctuation is a heading)."""
    if " | " in line or _ITEM_START.match(line):
        return False
    return line[0].islower() or len(previous) >= 50
