"""HTML reader (lxml): visible text in reading order, headings, tables as " | " rows.

The only module that imports lxml.html. Script, style, navigation, page header/footer and
other non-content elements are dropped. One page.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from bs4 import UnicodeDammit
from lxml import etree

from extractor.config import Limits
from extractor.errors import CorruptDocument, EmptyDocument
from extractor.readers.builder import TextBuilder, clean_cell
from extractor.readers.media import HTML
from extractor.types import ReadDocument

MEDIA_TYPE = HTML

_SKIP_TAGS = (
    "script style nav header footer noscript template svg iframe object embed head "
    "button select option datalist canvas audio video map form dialog"
)
_BLOCK_TAGS = (
    "p div section article main aside blockquote pre address figure figcaption ul ol li dl "
    "dt dd tr br hr details summary fieldset legend center body html"
)
SKIP = frozenset(_SKIP_TAGS.split(" "))
BLOCK = frozenset(_BLOCK_TAGS.split(" "))
HEADINGS = {f"h{i}": i for i in range(1, 7)}
_WS = re.compile(r"\s+")
_ROLE_SKIP = frozenset({"navigation", "banner", "contentinfo"})


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def _decode(data: bytes) -> str:
    """The page as text: its declared charset, else UTF-8, else Windows-1252 (lxml alone
    reads undeclared bytes as Latin-1 and mangles UTF-8 dashes and quotes)."""
    text = UnicodeDammit(data, ["utf-8", "windows-1252"], is_html=True).unicode_markup
    if text is None:
        text = data.decode("utf-8", errors="replace")
    return _XML_DECL.sub("", text, count=1)


def read_html(data: bytes, name: str, limits: Limits) -> ReadDocument:
    try:
        root = lxml.html.document_fromstring(_decode(data))
    except (etree.ParserError, ValueError) as exc:
        if "empty" in str(exc).lower():
            raise EmptyDocument(name, "the HTML document is empty") from exc
        raise CorruptDocument(name, f"the HTML cannot be parsed ({exc})") from exc
    title_el = root.find(".//title")
    title = clean_cell(title_el.text_content()) if title_el is not None else ""
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    heading = walker.first_heading
    if heading and (not title or title.lower().startswith(heading.lower())):
        title = heading  # "<title>Support Policy - Initech Inc" with "<h1>Support Policy"
    return walker.builder.build(MEDIA_TYPE, title=title or None)


class _Walker:
    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.first_heading: str | None = None
        self._line: list[str] = []
        self._ol: list[list[Any]] = []  # per open <ol>: [next number, type]

    def flush(self, heading: int | None = None) -> None:
        line = _WS.sub(" ", "".join(self._line)).strip()
        self._line = []
        if not line:
            return
        if heading is not None:
            self.builder.add_heading(line, heading)
            if heading == 1:
                self.first_heading = self.first_heading or line
        else:
            self.builder.add_line(line)

    def walk(self, root: Any) -> None:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            tag = element.tag if isinstance(element.tag, str) else ""
            tag = tag.lower()
            if event == "start":
                if _skipped(element, tag):
                    walker.skip_subtree()
                    self._line.append(" ")
                    continue
                if tag == "table":
                    self.flush()
                    self.builder.add_table(_table_rows(element))
                    walker.skip_subtree()
                    continue
                self._start(element, tag)
            else:
                self._end(element, tag)

    def _start(self, element: Any, tag: str) -> None:
        if tag in BLOCK or tag in HEADINGS:
            self.flush()
        if tag == "ol":
            self._ol.append([_int(element.get("start"), 1), element.get("type") or "1"])
        elif tag == "li":
            self._line.append(self._bullet(element))
        if isinstance(element.tag, str) and element.text:
            self._line.append(element.text)

    def _end(self, element: Any, tag: str) -> None:
        if tag in HEADINGS:
            self.flush(HEADINGS[tag])
        elif tag in BLOCK:
            self.flush()
        if tag == "ol" and self._ol:
            self._ol.pop()
        if element.tail:
            self._line.append(element.tail)

    def _bullet(self, li: Any) -> str:
        parent = li.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() != "ol":
            return "• "
        if not self._ol:
            return ""
        number = _int(li.get("value"), self._ol[-1][0])
        self._ol[-1][0] = number + 1
        kind = self._ol[-1][1]
        if kind in ("a", "A"):
            label = chr(ord("a") + (number - 1) % 26)
            label = label.upper() if kind == "A" else label
        else:
            label = str(number)
        return f"{label}. "


def _skipped(element: Any, tag: str) -> bool:
    if not isinstance(element.tag, str):  # comments, processing instructions
        return True
    if tag in SKIP:
        return True
    if (element.get("role") or "").lower() in _ROLE_SKIP:
        return True
    return element.get("hidden") is not None or element.get("aria-hidden") == "true"


def _table_rows(table: Any) -> list[list[str]]:
    rows = []
    for tr in table.iter("tr"):
        owner = tr.getparent()
        while owner is not None and owner.tag != "table":
            owner = owner.getparent()
        if owner is not table:
            continue
        cells = [cell for cell in tr if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        rows.append([_WS.sub(" ", cell.text_content()) for cell in cells])
    return rows


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
