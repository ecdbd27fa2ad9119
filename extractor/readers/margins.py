"""Running headers and footers: lines in the page margins that repeat across pages.

A margin line ending in "Page N" is always dropped. Another is dropped when it sits in
the top or bottom margin of at least half of the pages (two at least) after digits are
masked, and it either carries a page counter (its digits vary between pages), names a
page/confidentiality/copyright, or repeats on nearly every page. Pure text logic; the
PDF reader supplies the margin lines.
"""

from __future__ import annotations

import re
from collections import defaultdict

MARGIN_SHARE = 0.07  # top and bottom 7% of the page height
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"\bpage\s+\d+(?:\s*(?:of|/)\s*\d+)?\s*$", re.I)
_FOOTER_WORDS = re.compile(r"\bpage\b|confidential|copyright|\u00a9|all rights reserved", re.I)


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.strip().lower())


def repeated_margin_lines(pages: list[list[str]]) -> set[str]:
    """The exact lines (stripped) to drop from the page texts."""
    drop = {line.strip() for lines in pages for line in lines if _PAGE_NUMBER.search(line)}
    if len(pages) < 2:
        return drop
    seen: dict[str, set[int]] = defaultdict(set)
    variants: dict[str, set[str]] = defaultdict(set)
    for number, lines in enumerate(pages):
        for line in lines:
            line = line.strip()
            if not line or " | " in line:
                continue
            seen[_key(line)].add(number)
            variants[_key(line)].add(line)
    for key, where in seen.items():
        share = len(where) / len(pages)
        if len(where) < 2 or share < 0.5:
            continue
        lines = variants[key]
        counter = len(lines) > 1
        if counter or _FOOTER_WORDS.search(key) or (share >= 0.8 and len(pages) >= 3):
            drop |= lines
    return drop


def drop_lines(text: str, drop: set[str]) -> str:
    """`text` without the lines in `drop` (compared stripped)."""
    if not drop:
        return text
    return "\n".join(line for line in text.split("\n") if line.strip() not in drop)
