"""`extract(data, name)`: read -> text_to_clauses -> document_facts -> clauses_to_terms.

The one entry point other packages use. Every term leaving here has a quote equal to
`text[start:end]` and a clause id; a term that breaks that contract is dropped with a note.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from extractor.clauses import text_to_clauses
from extractor.config import Limits
from extractor.errors import DocumentTooLarge, UnreadableFile
from extractor.facts import document_facts
from extractor.readers import read
from extractor.types import Clause, Extraction, ReadDocument, Span, Term

TermsFn = Callable[[ReadDocument, Sequence[Clause], Mapping[str, str]], list[Term]]


def _terms_function() -> TermsFn | None:
    """`extractor.terms.clauses_to_terms`, or None while that package does not exist yet."""
    try:
        module = importlib.import_module("extractor.terms")
    except ModuleNotFoundError as exc:
        if exc.name == "extractor.terms":
            return None
        raise  # a module the terms package needs is missing: that is a real error
    terms_fn: TermsFn = module.clauses_to_terms
    return terms_fn


def extract(data: bytes, name: str, *, limits: Limits | None = None) -> Extraction:
    """The Extraction record of one document (bytes + its file name)."""
    limits = limits or Limits()
    doc = read(data, name, limits)
    return document_to_extraction(doc, name, hashlib.sha256(data).hexdigest())


def document_to_extraction(doc: ReadDocument, name: str, sha256: str) -> Extraction:
    """The Extraction of a document already read (`sha256`: of the file's bytes)."""
    clauses, definitions = text_to_clauses(doc)
    info = document_facts(doc, clauses, name, sha256)
    notes = list(doc.notes)
    terms_fn = _terms_function()
    terms: list[Term] = []
    if terms_fn is not None:
        terms = checked_terms(doc, clauses, terms_fn(doc, clauses, definitions), notes)
    return Extraction(
        document=info,
        text=doc.text,
        clauses=tuple(clauses),
        terms=tuple(terms),
        definitions=definitions,
        notes=tuple(notes),
    )


def checked_terms(
    doc: ReadDocument, clauses: Sequence[Clause], terms: Sequence[Term], notes: list[str]
) -> list[Term]:
    """Keep terms whose quote is exactly text[start:end]; set their page and clause id."""
    text = doc.text
    clause_starts = [c.span.start for c in clauses]
    page_starts = [start for start, _end in doc.pages]
    kept: list[Term] = []
    dropped = 0
    for term in terms:
        start, end = term.span.start, term.span.end
        if not (0 <= start <= end <= len(text)) or text[start:end] != term.quote:
            dropped += 1
            continue
        clause = term.clause
        if clause is None and clauses:
            clause = clauses[max(bisect.bisect_right(clause_starts, start) - 1, 0)].id
        page = max(bisect.bisect_right(page_starts, start), 1) if page_starts else 1
        kept.append(replace(term, clause=clause, span=Span(page, start, end)))
    if dropped:
        notes.append(f"{dropped} term(s) dropped: quote did not match the text at their span")
    return kept


def extract_path(path: str | Path, limits: Limits | None = None) -> Extraction:
    """`extract` on a file; the size limit is checked before the file is read."""
    limits = limits or Limits()
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise DocumentTooLarge(
                path.name, f"the file has {size} bytes, more than {limits.max_bytes}"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(str(path), f"the file cannot be read ({exc.strerror or exc})") from exc
    return extract(data, path.name, limits=limits)
