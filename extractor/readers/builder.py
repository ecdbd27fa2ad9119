"""`TextBuilder`: readers append lines, headings, tables and page ends; it keeps the offsets.

Every reader produces one plain text through this class, so that page ranges, heading
ranges and table spans are computed in one place and always agree with the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extractor.types import ReadDocument, Span, Table

_CONTROL = {c: None for c in range(32) if c not in (9, 10)}
_CONTROL.update({0x2: ord("-"), 0xFFFE: None, 0xFEFF: None, 0xAD: None, 0xA0: ord(" ")})
_SPACES = re.compile(r"[ \t\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Line endings to \\n, control characters out, runs of spaces collapsed (C-speed only)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text)


def clean_cell(cell: object) -> str:
    """One table cell on one line; a literal '|' would break the row format, so it becomes '/'."""
    if cell is None:
        return ""
    text = clean_text(str(cell)).replace("\n", " ").replace("|", "/")
    return text.strip()


class TextBuilder:
    """Accumulates the document's text; `build()` returns the ReadDocument."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._page_start = 0
        self._pages: list[tuple[int, int]] = []
        self._headings: list[tuple[int, int, int]] = []
        self._tables: list[Table] = []

    @property
    def length(self) -> int:
        return self._length

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def add_text(self, text: str) -> None:
        """Add a block of (already cleaned) text, ending it with a line break."""
        text = text.strip("\n")
        if text.strip():
            self._append(text + "\n")

    def add_line(self, line: str) -> tuple[int, int] | None:
        """Add one line (cleaned here); returns its (start, end) or None if it was blank."""
        line = clean_text(line).replace("\n", " ").strip()
        if not line:
            return None
        start = self._length
        self._append(line + "\n")
        return start, start + len(line)

    def add_heading(self, line: str, level: int) -> None:
        where = self.add_line(line)
        if where is not None:
            self._headings.append((where[0], where[1], max(1, level)))

    def add_table(self, rows: Iterable[Sequence[object]]) -> Table | None:
        """Add a table as lines of cells joined by ' | '; empty rows and columns are dropped."""
        cleaned = [tuple(clean_cell(c) for c in row) for row in rows]
        cleaned = [row for row in cleaned if any(row)]
        if not cleaned:
            return None
        width = max(len(row) for row in cleaned)
        cleaned = [row + ("",) * (width - len(row)) for row in cleaned]
        keep = [i for i in range(width) if any(row[i] for row in cleaned)]
        cleaned = [tuple(row[i] for i in keep) for row in cleaned]
        start = self._length
        self._append("".join(" | ".join(row) + "\n" for row in cleaned))
        span = Span(len(self._pages) + 1, start, self._length - 1)
        table = Table(rows=tuple(cleaned), span=span)
        self._tables.append(table)
        return table

    def end_page(self) -> None:
        """Close the current page (an empty page keeps its number with an empty range)."""
        self._pages.append((self._page_start, self._length))
        self._page_start = self._length

    def build(
        self,
        media_type: str,
        *,
        notes: Iterable[str] = (),
        title: str | None = None,
    ) -> ReadDocument:
        if self._page_start < self._length or not self._pages:
            self.end_page()
        return ReadDocument(
            text="".join(self._parts),
            pages=tuple(self._pages),
            media_type=media_type,
            tables=tuple(self._tables),
            notes=tuple(notes),
            title=title,
            headings=tuple(self._headings),
        )
