"""Unmeasurable commitments (SLA-U0xx) in one document: the sentence checker of
measurability.py plus the rules that need the whole document (is Downtime defined? are
the priorities defined? are Business Hours defined?)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extractor.types import Extraction, Span, Term
from mapper.measurability import MeasurabilityChecker, SentenceHits, default_checker
from mapper.types import Finding

DOWNTIME_DEFINED = re.compile(
    r"\b(downtime|unavailab\w*|unavailable|outage)\W{0,3}\s*(means|shall mean|is defined|refers to"
    r"|occurs when|is any|is the)\b"
    r"|\b(availability|uptime|uptime percentage|available)\W{0,3}\s*(means|shall mean|is defined)\b"
    r"|\bcounted as (unavailable|down)\b|\b(is|are) (counted|considered) (as )?(unavailable|down)\b"
    r"|\b(deemed|considered|treated as)\s+(to be\s+)?(unavailable|down)\b"
    r"|counts? as downtime",
    re.IGNORECASE,
)
PRIORITY_DEFINED = re.compile(
    r"\b(priority|severity|sev|p)\s?-?\s?[1-4]\b[^.\n]{0,60}\b(means|is defined|defined as|applies"
    r"|where|when)\b|\b(priority|severity) (levels?|definitions?|classification)\b"
    r"|\b(priority|severity|sev|p)\s?-?\s?[1-4]\s*(incidents?|issues?|tickets?)?\s*(\(|\|\s*)[A-Za-z]"
    r"|\((priority|severity|sev|p)\s?-?\s?[1-4]\)"
    r"|\b(priority|severity) \| description",
    re.IGNORECASE,
)
HOURS_DEFINED = re.compile(
    r"\b(business|support|working|service) (hours|days?)\W{0,3}\s*(means|shall mean|are|is)\b",
    re.IGNORECASE,
)
CREDIT_BASE = re.compile(
    r"\bcredits?\b[^.\n]{0,160}\b(fees?|charges?|invoice\w*|subscription|mrc)\b", re.IGNORECASE
)
DOWNTIME_RULE = "SLA-U006"
PRIORITY_RULE = "SLA-U008"


def unmeasurable_findings(
    doc: Extraction,
    checker: MeasurabilityChecker | None = None,
    related: Sequence[Extraction] = (),
) -> list[Finding]:
    """Unmeasurable language in `doc`. Definitions may sit in `related` documents of the
    same customer (Downtime defined in the MSA serves the order form)."""
    checker = checker or default_checker()
    scope = [doc, *(r for r in related if r is not doc)]
    defined = frozenset().union(*(_defined_cues(d) for d in scope))
    suppressed = set().union(*(_suppressed_rules(d) for d in scope))
    out: list[Finding] = []
    for sentence in checker.text_to_sentence_hits(doc.text, defined=defined):
        out.extend(_sentence_findings(doc, sentence, suppressed))
    out.extend(_document_rules(doc, scope))
    return out


def _sentence_findings(doc: Extraction, s: SentenceHits, suppressed: set[str]) -> list[Finding]:
    span = Span(_page(doc, s.start), s.start, s.end)
    return [
        Finding(
            rule=h.rule,
            category="unmeasurable",
            severity=h.severity,
            message=h.message,
            document=doc.document.name,
            span=span,
            quote=doc.text[s.start : s.end],
            suggestion=h.suggestion,
        )
        for h in s.hits
        if h.rule not in suppressed
    ]


def _defined_cues(doc: Extraction) -> frozenset[str]:
    defined = set()
    if any(t.get("days") and t.get("start") for t in _kind(doc, "service_hours")):
        defined.add("business_hours")
    if HOURS_DEFINED.search(doc.text):
        defined.add("business_hours")
    if any(
        (t.get("days") and t.get("start")) or t.get("notice_hours")
        for t in _kind(doc, "maintenance_window")
    ):
        defined.add("maintenance")
    return frozenset(defined)


def _suppressed_rules(doc: Extraction) -> set[str]:
    """Sentence rules the rest of the document answers."""
    out = set()
    has_period = any(_kind(doc, "measurement_period")) or any(
        t.get("period") for t in _kind(doc, "availability")
    )
    if has_period:
        out.add("SLA-U005")
    if CREDIT_BASE.search(doc.text):
        out.add("SLA-U009")
    return out


def _document_rules(doc: Extraction, scope: Sequence[Extraction]) -> list[Finding]:
    out = []
    availability = list(_kind(doc, "availability"))
    if availability and not any(
        DOWNTIME_DEFINED.search(d.text)
        or _defines(d, "downtime", "unavailab", "availability", "uptime")
        for d in scope
    ):
        out.append(
            _at_term(
                doc,
                availability[0],
                DOWNTIME_RULE,
                "availability percentage, but Downtime (what counts as unavailable) is not defined",
                "Define Downtime: e.g. 'Downtime means a minute in which the Service's /health "
                "endpoint fails two consecutive checks from two regions'.",
            )
        )
    timed = [t for t in doc.terms if t.kind in ("response_time", "resolution_time")]
    ranked = [t for t in timed if t.get("priority") or t.get("priority_rank")]
    if ranked and not any(
        PRIORITY_DEFINED.search(d.text) or _defines(d, "priorit", "severit", "critical")
        for d in scope
    ):
        label = ranked[0].get("priority") or ranked[0].get("priority_rank")
        out.append(
            _at_term(
                doc,
                ranked[0],
                PRIORITY_RULE,
                f"targets per priority ('{label}'), but the priorities are not defined",
                "Define each priority: e.g. 'Priority 1 means the Service is unavailable "
                "to all users with no workaround'.",
            )
        )
    return out


def _defines(doc: Extraction, *words: str) -> bool:
    return any(w in key.lower() for key in doc.definitions for w in words)


def _at_term(doc: Extraction, term: Term, rule: str, message: str, suggestion: str) -> Finding:
    return Finding(
        rule=rule,
        category="unmeasurable",
        severity="error",
        message=message,
        document=doc.document.name,
        span=term.span,
        quote=term.quote,
        suggestion=suggestion,
    )


def _kind(doc: Extraction, kind: str) -> Iterable[Term]:
    return (t for t in doc.terms if t.kind == kind)


def _page(doc: Extraction, offset: int) -> int:
    for clause in doc.clauses:
        if clause.span.start <= offset < clause.span.end:
            return clause.span.page
    before = [t.span.page for t in doc.terms if t.span.start <= offset]
    return max(before) if before else 1
