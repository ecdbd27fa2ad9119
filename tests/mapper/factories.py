"""Hand-built Extraction records for mapper tests (no dependency on the extractor)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from extractor.types import Clause, DocumentInfo, Extraction, Span, Term


def term(kind: str, quote: str, **attrs: Any) -> tuple[str, str, dict[str, Any]]:
    return (kind, quote, attrs)


def make_extraction(
    name: str,
    text: str,
    terms: Sequence[tuple[str, str, dict[str, Any]]] = (),
    *,
    doc_type: str = "sla",
    effective_date: str | None = None,
    parties: Sequence[str] = (),
    headings: Sequence[tuple[str, str]] = (),
    definitions: dict[str, str] | None = None,
) -> Extraction:
    """`terms`: (kind, quote, attrs); each quote must occur in `text` (its span is found).
    `headings`: (number, heading) pairs; the clause runs from the heading to the next."""
    built, cursor = [], 0
    for kind, quote, attrs in terms:
        start = text.find(quote, cursor)
        if start < 0:
            start = text.index(quote)
        built.append(Term(kind, attrs, Span(1, start, start + len(quote)), quote))
        cursor = start
    clauses = _clauses(text, headings)
    built = [_with_clause(t, clauses) for t in built]
    info = DocumentInfo(
        name=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        media_type="text/plain",
        doc_type=doc_type,
        parties=tuple(parties),
        effective_date=effective_date,
    )
    return Extraction(info, text, tuple(clauses), tuple(built), definitions or {})


def _clauses(text: str, headings: Sequence[tuple[str, str]]) -> list[Clause]:
    starts = [(text.index(h), n, h) for n, h in headings]
    starts.sort()
    out = []
    for i, (start, number, heading) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        out.append(Clause(f"c{i + 1}", number, heading, Span(1, start, end)))
    return out


def _with_clause(t: Term, clauses: Sequence[Clause]) -> Term:
    for c in clauses:
        if c.span.start <= t.span.start < c.span.end:
            return Term(t.kind, t.attrs, t.span, t.quote, c.id, t.confidence)
    return t
