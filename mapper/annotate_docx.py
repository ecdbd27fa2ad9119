"""Write findings back into a DOCX draft as Word comments anchored at their text.

The only module of mapper that touches python-docx. Bytes in, bytes out (pure).
Each quote is located in the paragraph texts (the reader joins paragraphs with newlines,
table cells with " | ", and may prefix Word numbering labels, so a quote is matched per
paragraph and per line/cell piece, whitespace-insensitively). The runs covering the quote
are split so the comment covers exactly the quoted text. Findings without a quote
(missing elements) are anchored on the document's first paragraph.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from mapper.errors import AnnotationError
from mapper.types import Finding

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Annotated:
    data: bytes
    anchored: int  # comments placed on their quote
    unplaced: tuple[Finding, ...]  # findings whose quote was not found (put on the title)


def annotate_docx(
    data: bytes, findings: Sequence[Finding], *, author: str = "slareg", initials: str = "SLA"
) -> Annotated:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a bad package
        raise AnnotationError(
            f"cannot open the DOCX to annotate: {exc}; give the original .docx"
        ) from exc
    paragraphs = _body_paragraphs(document)
    offsets = _cumulative_offsets(paragraphs)
    anchored, unplaced = 0, []
    for finding in findings:
        runs = _quote_runs(paragraphs, offsets, finding) if finding.quote.strip() else None
        if runs:
            anchored += 1
        else:
            if finding.quote.strip():
                unplaced.append(finding)
            runs = _title_runs(paragraphs)
        if runs:
            document.add_comment(runs, text=comment_text(finding), author=author, initials=initials)
    out = io.BytesIO()
    document.save(out)
    return Annotated(out.getvalue(), anchored, tuple(unplaced))


def comment_text(finding: Finding) -> str:
    text = f"[{finding.rule} {finding.severity}] {finding.message}"
    if finding.suggestion:
        text += f"\nSuggestion: {finding.suggestion}"
    for rel in finding.related:
        text += f"\nSee {rel.document}: \u201c{rel.quote}\u201d"
    return text


def _body_paragraphs(document: DocxDocument) -> list[Paragraph]:
    body = document.element.body
    return [Paragraph(p, document._body) for p in body.iter(qn("w:p"))]


_SKIPPED = frozenset({qn("w:del"), qn("w:moveFrom")})


def _runs(paragraph: Paragraph) -> list[Run]:
    """The paragraph's runs in the accepted view: also those inside tracked insertions,
    hyperlinks and fields (python-docx's `paragraph.runs` skips them), not deleted ones."""
    out = []
    for r in paragraph._p.iter(qn("w:r")):
        parent = r.getparent()
        while parent is not None and parent is not paragraph._p and parent.tag not in _SKIPPED:
            parent = parent.getparent()
        if parent is paragraph._p:
            out.append(Run(r, paragraph))
    return out


def _run_text(paragraph: Paragraph) -> str:
    return "".join(r.text for r in _runs(paragraph))


def _cumulative_offsets(paragraphs: Sequence[Paragraph]) -> list[int]:
    out, pos = [], 0
    for p in paragraphs:
        out.append(pos)
        pos += len(_run_text(p)) + 1
    return out


def _quote_runs(
    paragraphs: Sequence[Paragraph], offsets: Sequence[int], finding: Finding
) -> list[Run] | None:
    """Runs covering the quote (or its longest line/cell piece), nearest to its offset."""
    target = finding.span.start if finding.span else 0
    for piece in _pieces(finding.quote):
        best: tuple[int, int, int, int] | None = None  # distance, paragraph, start, end
        for i, p in enumerate(paragraphs):
            for start, end in _find_all(_run_text(p), piece):
                distance = abs(offsets[i] + start - target)
                if best is None or distance < best[0]:
                    best = (distance, i, start, end)
        if best is not None:
            return isolate_runs(paragraphs[best[1]], best[2], best[3])
    return None


_LABEL = re.compile(r"^\(?[0-9A-Za-z]{1,3}(\.[0-9A-Za-z]{1,3})*[.)]?\s+(?=\S)")


def _pieces(quote: str) -> list[str]:
    """The quote whole, without a Word numbering label the reader put in front ("3.2 "),
    then its lines/cells longest first (a quote may span paragraphs or table cells)."""
    whole = quote.strip()
    parts = [s.strip() for s in re.split(r"\n| \| ", quote) if s.strip()]
    ordered = [whole, _LABEL.sub("", whole), *sorted(parts, key=len, reverse=True)]
    return [p for p in dict.fromkeys(ordered) if p]


def _find_all(text: str, piece: str) -> list[tuple[int, int]]:
    """(start, end) of `piece` in `text`, exact or with whitespace differences ignored."""
    found = [(m.start(), m.start() + len(piece)) for m in re.finditer(re.escape(piece), text)]
    if found:
        return found
    words = [re.escape(w) for w in _SPACE.split(piece) if w]
    if not words:
        return []
    loose = re.compile(r"\s*".join(words))
    return [(m.start(), m.end()) for m in loose.finditer(text)]


def isolate_runs(paragraph: Paragraph, start: int, end: int) -> list[Run]:
    """Split the paragraph's runs so that runs cover exactly [start, end) of its run text."""
    out: list[Run] = []
    pos = 0
    for run in _runs(paragraph):
        text = run.text
        r_start, r_end = pos, pos + len(text)
        pos = r_end
        if not text or r_end <= start or r_start >= end:
            continue
        if r_end > end:
            _split_run(run, end - r_start)
        if r_start < start:
            run = _split_run(run, start - r_start)
        out.append(run)
    return out


def _split_run(run: Run, at: int) -> Run:
    """Cut `run` at character `at`: it keeps the head; the new run after it holds the tail."""
    text = run.text
    tail_el = copy.deepcopy(run._r)
    run._r.addnext(tail_el)
    run.text = text[:at]
    tail = Run(tail_el, run._parent)
    tail.text = text[at:]
    return tail


def _title_runs(paragraphs: Sequence[Paragraph]) -> list[Run] | None:
    for p in paragraphs:
        runs = [r for r in _runs(p) if r.text.strip()]
        if runs:
            return runs
    return None
