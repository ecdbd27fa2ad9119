"""`text_to_clauses(doc)`: numbered sections, divisions and headings -> Clause list + definitions.

A clause starts at the beginning of a line that carries a section number (`1.`, `1.1`,
`4.2(a)`), a list letter under a section (`(a)`, `(ii)`), a division (`Article IV`,
`Schedule 2`, `Exhibit B`, `Annex A`, `Section 4.2`) or a heading (a heading range
the reader found, or an ALL-CAPS line). Its span runs to the start of the next clause.
Lines that are table rows (" | ") never start a clause. Only candidate lines reach
Python code: one regex pass finds them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractor.types import Clause, ReadDocument, Span

_CANDIDATE = re.compile(r"^[ \t]*(?:\d|\(|[A-Z]).*$", re.M)
_NUMBERED = re.compile(
    r"^(?P<num>(?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3}){0,4})(?P<dot>\.)?(?P<paren>(?:\([a-z0-9]{1,4}\))*)"
    r"(?:[ \t]+(?P<rest>\S.*))?$"
)
_DIVISION = re.compile(
    r"^(?P<kind>article|section|clause|schedule|exhibit|annex|appendix|attachment|part)"
    r"[ \t]+(?P<id>[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[A-Z])\b\.?"
    r"(?:[ \t]*[-\u2013\u2014:.][ \t]*|[ \t]+)?(?P<rest>.*)$",
    re.I,
)
_PAREN = re.compile(r"^\((?P<id>[a-z]{1,2}|[ivx]{1,5}|\d{1,2}|[A-Z])\)[ \t]+(?P<rest>\S.*)$")
_RUN_IN = re.compile(
    r"^(?P<head>[A-Z][^.:;!?,]{1,70}?)[.:][ \t]+(?P<body>[A-Z\"\u201c(].*)$"
)
_MONTH = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}\b", re.I
)
_ROMANS = frozenset(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"])
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"]
    + ["with", "per", "under"]
)
_BOUNDARY_END = (".", ":", ";", ")", '"', "\u201d", "]")


@dataclass
class _Start:
    offset: int
    number: str | None
    heading: str | None


def text_to_clauses(doc: ReadDocument) -> tuple[list[Clause], dict[str, str]]:
    """Clauses in document order (ids c1, c2 …) and the definitions map."""
    starts = _find_starts(doc)
    text = doc.text
    first = len(text) - len(text.lstrip())
    if starts and text[first : starts[0].offset].strip():
        starts.insert(0, _Start(first, None, None))
    elif not starts and text.strip():
        starts.append(_Start(first, None, None))
    page_starts = [page_start for page_start, _end in doc.pages]
    clauses = []
    for i, start in enumerate(starts):
        end = starts[i + 1].offset if i + 1 < len(starts) else len(text)
        end = start.offset + len(text[start.offset : end].rstrip())
        page = max(bisect.bisect_right(page_starts, start.offset), 1)
        span = Span(page, start.offset, max(end, start.offset))
        clauses.append(Clause(f"c{i + 1}", start.number, start.heading, span))
    return clauses, text_to_definitions(text, [c.span.start for c in clauses])


class _Segmenter:
    """Decides, line by line, whether a candidate line starts a clause."""

    def __init__(self, doc: ReadDocument) -> None:
        self.text = doc.text
        self.headings = {start: end for start, end, _level in doc.headings}
        self.starts: list[_Start] = []
        self.section: str | None = None  # last numbered section, the base of (a), (i)
        self.letter: str | None = None  # last (a)-level item under that section
        self.max_top = 0
        self.last_start_line_end = -1

    def previous_line(self, offset: int) -> str:
        cut = self.text.rfind("\n", 0, max(offset - 1, 0))
        return self.text[cut + 1 : max(offset - 1, 0)].strip()

    def after_boundary(self, offset: int) -> bool:
        """True when the previous line ends a sentence or item (so this is no wrapped line)."""
        if offset == 0 or self.last_start_line_end == offset - 1:
            return True
        prev = self.previous_line(offset)
        return (
            not prev
            or prev.endswith(_BOUNDARY_END)
            or prev.endswith((" and", " or"))
            or " | " in prev  # a table row
            or offset - 1 in self.headings.values()
        )

    def add(
        self, offset: int, line_end: int, number: str | None, heading: str | None, body: str = ""
    ) -> None:
        self.starts.append(_Start(offset, number, heading))
        if heading is not None and not body:  # a heading line: the next line starts afresh
            self.last_start_line_end = line_end

    def line(self, offset: int, line: str) -> None:
        stripped = line.strip()
        if not stripped or " | " in stripped:
            return
        lead = len(line) - len(line.lstrip())
        start, end = offset + lead, offset + len(line)
        is_heading = start in self.headings
        for handler in (self._numbered, self._division, self._paren):
            if handler(stripped, start, end, is_heading):
                return
        if is_heading or _is_caps_heading(stripped):
            self.add(start, end, None, stripped.rstrip(":"))

    def _numbered(self, line: str, start: int, end: int, is_heading: bool) -> bool:
        match = _NUMBERED.match(line)
        if not match:
            return False
        rest = (match.group("rest") or "").strip()
        parts = match.group("num").split(".")
        lettered = parts[0].isalpha()  # "B.1" in Exhibit B
        top = 0 if lettered else int(parts[0])
        heading, body = split_heading(rest, is_heading)
        if not is_heading:
            if not rest or not (rest[0].isupper() or rest[0] in "(\"\u201c'"):
                return False
            if len(parts) == 1 and not match.group("dot") and (body or _MONTH.match(rest)):
                return False  # "4 Something" with no dot is a section only as a heading
            if top > self.max_top + 3 and heading is None:
                return False
            if not self.after_boundary(start) and heading is None:
                return False
        number = match.group("num") + match.group("paren")
        self.max_top = max(self.max_top, top) if len(parts) > 1 or top < 500 else self.max_top
        self.section = match.group("num")
        self.letter = None
        self.add(start, end, number, heading, body)
        return True

    def _division(self, line: str, start: int, end: int, is_heading: bool) -> bool:
        match = _DIVISION.match(line)
        if not match:
            return False
        rest = match.group("rest").strip()
        kind = match.group("kind").lower()
        if rest and not is_heading:
            if rest[0].islower() or (len(line) > 100 and not line.isupper()):
                return False
            if rest.endswith(".") and not line.isupper() and len(rest.split()) > 8:
                return False
        if kind in ("section", "clause"):
            number = match.group("id")
            self.section, self.letter = number, None
        else:
            number = f"{kind.capitalize()} {match.group('id')}"
            self.section, self.letter, self.max_top = None, None, 0
        heading = rest.strip(" ()-\u2013\u2014:.") or None
        if heading is not None and not is_heading:
            heading = split_heading(rest, False)[0] or (heading if len(heading) <= 80 else None)
        self.add(start, end, number, heading)
        return True

    def _paren(self, line: str, start: int, end: int, is_heading: bool) -> bool:
        match = _PAREN.match(line)
        if not match or not (is_heading or self.after_boundary(start)):
            return False
        token = match.group("id")
        follows_letter = self.letter is not None and len(self.letter) == 1 and len(token) == 1
        is_next_letter = follows_letter and ord(token) == ord(self.letter or "a") + 1
        base = self.section or ""
        if token in _ROMANS and self.letter is not None and not is_next_letter:
            number = f"{base}({self.letter})({token})"
        else:
            number = f"{base}({token})"
            self.letter = token if token.islower() and token.isalpha() else None
        heading, body = split_heading(match.group("rest"), is_heading)
        self.add(start, end, number, heading, body)
        return True


def _find_starts(doc: ReadDocument) -> list[_Start]:
    segmenter = _Segmenter(doc)
    for match in _CANDIDATE.finditer(doc.text):
        segmenter.line(match.start(), match.group())
    return segmenter.starts


def _is_caps_heading(line: str) -> bool:
    letters = [c for c in line[:120] if c.isalpha()]
    if len(letters) < 4 or len(line) > 100 or not line.isupper():
        return False
    return not line.endswith((".", ",", ";")) and len(line.split()) <= 12


def _title_like(words: list[str]) -> bool:
    significant = [w for w in words if w.lower().strip("(),") not in _SMALL_WORDS]
    if not significant:
        return False
    capital = sum(1 for w in significant if w[:1].isupper() or w[:1].isdigit())
    return capital / len(significant) >= 0.75


def split_heading(rest: str, is_heading: bool = False) -> tuple[str | None, str]:
    """(heading, body) of the text after a clause number; heading None when it is prose."""
    rest = rest.strip()
    if not rest:
        return None, ""
    if is_heading:
        return rest.rstrip(":."), ""
    words = rest.split()
    short = len(rest) <= 80 and len(words) <= 10 and not rest.endswith((",", ";"))
    if short and (rest.isupper() or (_title_like(words) and not rest.endswith("."))):
        return rest.rstrip(":."), ""
    run_in = _RUN_IN.match(rest)
    if run_in:
        head, body = run_in.group("head").strip(), run_in.group("body")
        words = head.split()
        if len(words) <= 8 and (head.isupper() or _title_like(words)):
            return head, body
    return None, rest


# --- definitions -----------------------------------------------------------------

_QUOTES_OPEN = "\"\u201c\u2018"
_QUOTES_CLOSE = "\"\u201d\u2019"
_QUOTED = re.compile(
    rf"[{_QUOTES_OPEN}](?P<term>[A-Z][^{_QUOTES_CLOSE}\n]{{0,80}}?)[{_QUOTES_CLOSE}]"
    r"(?:\s+or\s+[" + _QUOTES_OPEN + r"][^\n]{1,80}?[" + _QUOTES_CLOSE + r"])?"
    r"\s+(?:\([^)\n]{0,40}\)\s+)?(?P<verb>shall\s+mean|means|mean|shall\s+have\s+the\s+meaning"
    r"|has\s+the\s+meaning|have\s+the\s+meaning)\b[ \t]*:?[ \t]*"
)
_COLON = re.compile(
    r"^[ \t]*(?:[\d.]+[ \t]+|\([a-z0-9]{1,4}\)[ \t]+)?(?P<term>[A-Z][A-Za-z0-9 \-/&]{1,60}?)"
    r"[ \t]*:[ \t]*(?P<verb>shall\s+mean|means|mean)\b[ \t]*",
    re.M,
)
_ABBREVIATIONS = ("e.g", "i.e", "a.m", "p.m", "U.S", "No", "Inc", "Ltd", "Co", "Mr", "Dr", "vs")
_NOT_ABBREVIATION = "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS)
_END = re.compile(
    _NOT_ABBREVIATION + r"\.(?=[ \t]*\n|[ \t]*$|[ \t]+[A-Z\"\u201c(])"
    r"|;(?=[ \t]*(?:and|or)?[ \t]*(?:\n|$))|;(?=[ \t]+[A-Z\"\u201c])|\n[ \t]*\n"
)
_WS = re.compile(r"\s+")
MAX_DEFINITION = 2000


def text_to_definitions(text: str, clause_starts: list[int] | None = None) -> dict[str, str]:
    """term -> definition text (whitespace normalised); the first definition of a term wins."""
    starts = sorted(clause_starts or [])
    found: dict[str, str] = {}
    matches = sorted(
        [*_QUOTED.finditer(text), *_COLON.finditer(text)], key=lambda m: m.start()
    )
    for match in matches:
        term = _WS.sub(" ", match.group("term")).strip()
        if term in found or len(term) < 2:
            continue
        body_start = match.end()
        if "meaning" in match.group("verb"):
            body_start = match.start("verb")
        limit = min(len(text), body_start + MAX_DEFINITION)
        after = bisect.bisect_right(starts, body_start)
        if after < len(starts):
            limit = min(limit, starts[after])
        end = _END.search(text, body_start, limit)
        body = text[body_start : end.start() if end else limit]
        body = _WS.sub(" ", body).strip().rstrip(".;")
        if body:
            found[term] = body
    return found
