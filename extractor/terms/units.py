"""Cut the document into blocks, keep the relevant ones, run the pipeline, and hand the
rules sentences (`Sent`) at document offsets with their clause/heading context."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from extractor.nlp import CUES, QUANTITIES, SpanRow, get_nlp, make_doc, span_rows, warm_tokenizer
from extractor.terms.model import Context, Item, Sent
from extractor.types import Clause, ReadDocument

MAX_BLOCK = 6000

# cheap prefilter: a block is worth parsing only if it says something an SLA term needs;
# the second half: what an exclusion says ('Downtime does not include problems with your
# DNS provider', a list item 'acts of God' under an exclusions heading)
_RELEVANT = re.compile(
    r"\d|percent|per cent|\bhours?\b|\bdays?\b|minute|business|maintenance|exclu|"
    r"not apply|force\s+majeure|precedence|prevail|conflict|govern|review|report|credit|"
    r"claim|uptime|availab|respon|resol|restor|weekly|monthly|quarter|annual|year|"
    r"third|suspen|beta|trial|free|internet|customer|outside|beyond|misuse|"
    r"critical|urgent|severity|priority|\bnbd\b|around the clock|\||"
    r"downtime|outage|interrupt|\bsla\b|service level|"
    r"n[o']t\s+(?:be\s+)?(?:include|count|constitut|consider|deem|cover|extend)|"
    r"except|disregard|attributable|caused\s+by|due\s+to|arising|resulting\s+from|"
    r"\bdns\b|\bisps?\b|carrier|telecom|network|connectivity|registrar|"
    r"acts?\s+of\s+god|disaster|earthquake|flood|pandemic|epidemic|terroris|riot|"
    r"vendor|supplier|subcontractor|abuse|unauthori[sz]ed|misconfigur|negligen|"
    r"terminat|preview|evaluation|pre-?release|experimental|emergency|scheduled|planned|"
    r"momentary|intermittent|transient",
    re.I,
)
_HEADING_LINE = re.compile(
    r"^[ \t]*(?:(?:section|article|clause|schedule|exhibit|annex|appendix)\s+)?"
    r"(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.)?[ \t]*([A-Z][^\n.:;|]{1,70})[ \t]*$",
    re.M,
)


def text_to_blocks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_table_row): paragraphs split at blank lines; each table row line
    ("cell | cell") is a block of its own; long paragraphs are cut at line ends."""
    blocks: list[tuple[int, int, bool]] = []
    for para in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        start = para.start()
        pending = start
        for line in re.finditer(r"[^\n]+", para.group()):
            ls, le = start + line.start(), start + line.end()
            if " | " in line.group() or line.group().strip().startswith("|"):
                if pending < ls:
                    blocks.extend(_cut(text, pending, ls))
                blocks.append((ls, le, True))
                pending = le + 1
        if pending < para.end():
            blocks.extend(_cut(text, pending, para.end()))
    return [(s, e, row) for s, e, row in blocks if text[s:e].strip()]


def _cut(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    out = []
    while end - start > MAX_BLOCK:
        cut = text.rfind("\n", start, start + MAX_BLOCK)
        if cut <= start:
            cut = start + MAX_BLOCK
        out.append((start, cut, False))
        start = cut
    out.append((start, end, False))
    return out


def heading_lines(doc: ReadDocument) -> list[tuple[int, str]]:
    """(offset, heading) for heading hints and for short title-like lines."""
    found = [(s, doc.text[s:e].strip()) for s, e, _level in doc.headings]
    for m in _HEADING_LINE.finditer(doc.text):
        words = [w.strip("()[]\"'") for w in m.group(1).split()]
        alpha = [w for w in words if w[:1].isalpha()]
        if 1 <= len(words) <= 8 and sum(w[:1].isupper() for w in alpha) >= len(alpha) / 2:
            found.append((m.start(), m.group(0).strip()))
    return sorted(found)


class Locator:
    """Finds the clause and heading that hold an offset."""

    def __init__(self, doc: ReadDocument, clauses: Sequence[Clause]) -> None:
        self.clauses = sorted(clauses, key=lambda c: (c.span.start, -c.span.end))
        self.starts = [c.span.start for c in self.clauses]
        self.headings = heading_lines(doc)
        self.heading_starts = [h[0] for h in self.headings]

    def clause_at(self, offset: int) -> Clause | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0:
            c = self.clauses[i]
            if c.span.start <= offset < c.span.end:
                return c
            i -= 1
            if i >= 0 and offset - self.clauses[i].span.start > 200_000:
                break
        return None

    def heading_at(self, offset: int, clause: Clause | None) -> str:
        if clause is not None and clause.heading:
            return clause.heading
        i = bisect.bisect_right(self.heading_starts, offset) - 1
        return self.headings[i][1] if i >= 0 else ""


def doc_to_sents(doc: ReadDocument, clauses: Sequence[Clause]) -> list[Sent]:
    """Sentences of the relevant blocks, in document order, with quantities and cues."""
    text = doc.text
    blocks = [
        (i, *b) for i, b in enumerate(text_to_blocks(text)) if _RELEVANT.search(text[b[0] : b[1]])
    ]
    locator = Locator(doc, clauses)
    nlp = get_nlp()
    warm_tokenizer(nlp.tokenizer, text)  # blocks are short: let spaCy cache the document's words
    sents: list[Sent] = []
    docs = (make_doc(nlp, text[s:e]) for _i, s, e, _row in blocks)
    for (bi, start, _end, row), sdoc in zip(blocks, nlp.pipe(docs, batch_size=32), strict=True):
        qs = _span_rows(span_rows(sdoc, QUANTITIES), text, start)
        cues = _span_rows(span_rows(sdoc, CUES), text, start)
        spans = [sdoc[:]] if row else list(sdoc.sents)
        for sp in spans:
            s_start, s_end = _trim(text, start + sp.start_char, start + sp.end_char)
            s_start, s_end = s_start - start, s_end - start
            if s_end <= s_start:
                continue
            clause = locator.clause_at(start + s_start)
            ctx = Context(clause=clause, heading=locator.heading_at(start + s_start, clause))
            sent = Sent(start + s_start, start + s_end, text[start + s_start : start + s_end])
            sent.ctx, sent.block = ctx, bi if not row else -1 - bi
            sent.quantities = _items(qs, sp.start, sp.end)
            sent.cues = _items(cues, sp.start, sp.end)
            sents.append(sent)
    return sents


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


Row = tuple[int, int, str, int, int, str, object]  # token start, end, label, chars, text, value


def _span_rows(spans: Iterable[SpanRow], text: str, base: int) -> list[Row]:
    """The spans of a block doc at document offsets, in order of their first character."""
    rows = [
        (start, end, label, base + s, base + e, text[base + s : base + e], value)
        for start, end, label, s, e, value in spans
    ]
    rows.sort(key=lambda r: r[3])
    return rows


def _items(rows: list[Row], tok_start: int, tok_end: int) -> list[Item]:
    """Items of the spans inside tokens [tok_start, tok_end), token index from tok_start."""
    out = []
    lo = bisect.bisect_left(rows, tok_start, key=lambda r: r[0])
    hi = bisect.bisect_left(rows, tok_end, lo, key=lambda r: r[0])
    for start, end, label, s, e, text, value in rows[lo:hi]:
        if end <= tok_end:
            out.append(Item(label, s, e, text, value, start - tok_start))
    return out
