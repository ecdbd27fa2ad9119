"""Missing template elements (SLA-M0xx): checked over a customer's contract documents
together; an element found in any of them is present."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from extractor.types import Extraction
from mapper.names import normalise_name
from mapper.template import Element, Template
from mapper.types import Finding


def heading_score(heading: str, wanted: str) -> float:
    """How well a clause heading names a template heading. A heading shorter than the
    wanted one must match it whole ('Service' is not 'Service Hours')."""
    h, w = normalise_name(heading), normalise_name(wanted)
    if not h or not w:
        return 0.0
    if len(h.split()) >= len(w.split()):
        return float(fuzz.token_set_ratio(h, w))
    return float(fuzz.ratio(h, w))


def element_present(element: Element, docs: Sequence[Extraction], min_score: float) -> bool:
    return any(_in_document(element, doc, min_score) for doc in docs)


def _in_document(element: Element, doc: Extraction, min_score: float) -> bool:
    if any(t.kind in element.term_kinds for t in doc.terms):
        return True
    if any(t.get(a) for t in doc.terms for a in element.term_attrs):
        return True
    for clause in doc.clauses:
        heading = clause.heading or ""
        if heading and any(heading_score(heading, w) >= min_score for w in element.headings):
            return True
    lowered = doc.text.lower()
    if any(p in lowered for p in element.phrases):
        return True
    return any(r.search(doc.text) for r in element.regex)


def missing_findings(docs: Sequence[Extraction], template: Template) -> list[Finding]:
    """One finding per template element that none of `docs` contains, reported on the
    first document (the set's lead document)."""
    if not docs:
        return []
    lead = docs[0].document.name
    where = lead if len(docs) == 1 else f"any of the {len(docs)} documents"
    return [
        Finding(
            rule=e.rule,
            category="missing",
            severity=e.severity,
            message=f"{e.title}: not found in {where}",
            document=lead,
            suggestion=e.suggestion,
        )
        for e in template.elements
        if not element_present(e, docs, template.heading_score)
    ]
