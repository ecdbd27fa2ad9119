"""Unmeasurable commitments (SLA-U0xx) in one document: the sentence checker of
measurability.py plus the rules that need the whole document (is Downtime defined? are
the priorities defined? are Business Hours defined?)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from extractor.types import Extraction, Span, Term
from mapper.measurability import (
    TERM_PREFIX,
    MeasurabilityChecker,
    SentenceHits,
    default_checker,
)
from mapper.types import Finding

DOWNTIME_DEFINED = re.compile(
    r"\b(downtime|unavailab\w*|unavailable|outage)\W{0,3}\s*(means|shall mean|is defined|refers to"
    r"|occurs when|is any|is the)\b"
    r"|\b(availability|uptime|uptime percentage|available)\W{0,3}\s*(means|shall mean|is defined)\b"
    r"|\bcounted as (unavailable|down)\b|\b(is|are) (counted|considered) (as )?(unavailable|down)\b"
    r"|\b(deemed|considered|treated as)\s+(to be\s+)?(unavailable|down)\b"
    r"|counts? as downtime"
    r"|^\W*(downtime|unavailab\w*|availability|uptime)\s*[:–]\s+\w",
    re.IGNORECASE | re.MULTILINE,
)
PRIORITY_DEFINED = re.compile(
    r"\b(priority|severity|sev|p)\s?-?\s?[1-4]\b[^.\n]{0,60}\b(means|is defined|defined as|applies"
    r"|where|when)\b|\b(priority|severity) (levels?|definitions?|classification)\b"
    r"|\b(priority|severity|sev|p)\s?-?\s?[1-4]\s*(incidents?|issues?|tickets?)?\s*(\(|\|\s*)[A-Za-z]"
    r"|\((priority|severity|sev|p)\s?-?\s?[1-4]\)"
    r"|\b(priority|severity) \| description"
    # a lettered class and its definition ("Priority A: …" in a glossary, "Priority B means")
    r"|\b(priority|severity)\s+[a-d]\b[^.\n]{0,60}"
    r"\b(means|is defined|defined as|applies|where|when)\b"
    r"|^[ \t]*(priority|severity)\s+[a-d]\s*[:–-]\s*(the|an?|any|all)\s+[a-z]"
    # a quoted class ("a "Critical" ticket is a support ticket reporting …")
    r"|[\"“](critical|urgent|high|medium|low|major|minor|normal)[\"”]\s+(tickets?|incidents?|issues?|requests?|faults?)\s+(is|are|means)\b"
    # "(a) Severity 1: the Hosted Software is unavailable …" (not "Severity 1: one hour")
    r"|\b(priority|severity|sev|p)\s?-?\s?[1-4]\s*:\s*(the|an?|any|all)\s+[a-z]"
    # a priority table with a definition column ("| Priority | Definition | Response |")
    r"|\b(priority|severity|level)\b[^\n|]{0,20}\|\s*(definition|description|meaning|criteria|impact|examples?)\b"
    # a label line ("Priority 1 – Critical") with its description on the next line
    r"|^[ \t]*(priority|severity|sev|p)\s?-?\s?[1-4][ \t]*[-–—:][ \t]*[A-Za-z]+[ \t]*\n"
    r"[ \t]*[A-Z][^\n]{15,}",
    re.IGNORECASE | re.MULTILINE,
)
HOURS_DEFINED = re.compile(
    r"\b(business|support|working|service) hours\W{0,3}\s*(means|shall mean|are|is)\b",
    re.IGNORECASE,
)
ALL_TIMES = re.compile(
    r"\b(all|any) (times|hours|clock times)\b[^.\n]{0,40}\b(are|is|refer|in|mean)\b"
    r"|\b(time zone|timezone)\b[^.\n]{0,20}\b(is|are|means|shall be)\b",
    re.IGNORECASE,
)
CREDIT_BASE = re.compile(
    r"\bcredits?\b[^.]{0,160}\b(fees?|charges?|invoice\w*|subscription|mrc|rental|rent|price)\b",
    re.IGNORECASE,
)
# a measure named by a Capitalised defined term ("Monthly Uptime Percentage", "Availability")
DEFINED_MEASURE = re.compile(
    r"\b(Availability|Available|Uptime|Uptime Percentage|Service Levels?|Percentage|Up-?time)\b"
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
    ranked = {id(d): _priorities_defined(d) for d in scope}
    defined = frozenset().union(
        *(_defined_cues(d, ranked[id(d)]) for d in scope),
        (TERM_PREFIX + term.lower() for d in scope for term in d.definitions),
    )
    answered = set().union(*(_answered_cues(d) for d in scope))
    given = frozenset({"tz"}) if any(_states_time_zone(d) for d in scope) else frozenset()
    out: list[Finding] = []
    page = _page_index(doc)
    for sentence in checker.text_to_sentence_hits(doc.text, defined=defined, given=given):
        out.extend(_sentence_findings(doc, sentence, answered, page))
    out.extend(_document_rules(doc, scope, any(ranked.values())))
    return out


def _sentence_findings(
    doc: Extraction, s: SentenceHits, answered: set[str], page: Callable[[int], int]
) -> list[Finding]:
    span = Span(page(s.start), s.start, s.end)
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
        if not _answered(h.cue_id, s.text, answered)
    ]


def _answered(cue_id: str, sentence: str, answered: set[str]) -> bool:
    """The rest of the set answers this hit: a measurement period stated once answers a
    target given through a defined measure ("Monthly Uptime Percentage of 99.9%"), not a
    bare "uptime of 99.95%"; a fee base stated once answers a credit percentage, and a
    credit described by its base when the set states the percentage elsewhere."""
    if cue_id == "unquantified_credit":  # "Credits are a percentage of the monthly fee."
        return "credit_base" in answered and CREDIT_BASE.search(sentence) is not None
    if cue_id not in answered:
        return False
    return cue_id != "no_period" or DEFINED_MEASURE.search(sentence) is not None


def _priorities_defined(doc: Extraction) -> bool:
    found = PRIORITY_DEFINED.search(doc.text)
    return bool(found) or _defines(doc, "priorit", "severit", "critical", "urgent")


def _defined_cues(doc: Extraction, priorities_defined: bool) -> frozenset[str]:
    defined = set()
    if any(t.get("days") and t.get("start") for t in _kind(doc, "service_hours")):
        defined.add("business_hours")
    if HOURS_DEFINED.search(doc.text):
        defined.add("business_hours")
    if any(
        (t.get("days") and t.get("start")) or t.get("notice_hours")
        for t in _kind(doc, "maintenance_window")
    ):
        defined.update(("maintenance", "maintenance_updates"))
    if priorities_defined:
        defined.add("priority_class")
    return frozenset(defined)


def _states_time_zone(doc: Extraction) -> bool:
    """The document names one time zone for all its times ("all times are UTC")."""
    zoned = any(t.get("time_zone") for t in doc.terms)
    return zoned or bool(ALL_TIMES.search(doc.text))


def _answered_cues(doc: Extraction) -> set[str]:
    """Sentence cues (ids) the rest of the document answers (see `_answered`)."""
    out = set()
    has_period = any(_kind(doc, "measurement_period")) or any(
        t.get("period") for t in _kind(doc, "availability")
    )
    if has_period:
        out.add("no_period")
    if CREDIT_BASE.search(doc.text):
        out.add("credit_base")
    return out


def _document_rules(
    doc: Extraction, scope: Sequence[Extraction], priorities_defined: bool
) -> list[Finding]:
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
    if ranked and not priorities_defined:
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


def _page_index(doc: Extraction) -> Callable[[int], int]:
    """offset -> page: the page of the clause holding it (the latest-starting one when
    clauses nest), else the highest page of the terms that start at or before it (1 when
    none)."""
    clauses = sorted((c.span.start, c.span.end, c.span.page) for c in doc.clauses)
    clause_starts = [start for start, _, _ in clauses]
    reach = list(itertools.accumulate((end for _, end, _ in clauses), max))
    terms = sorted((t.span.start, t.span.page) for t in doc.terms)
    term_starts = [start for start, _ in terms]
    top_page = list(itertools.accumulate((p for _, p in terms), max))

    def page(offset: int) -> int:
        i = bisect.bisect_right(clause_starts, offset) - 1
        while i >= 0 and reach[i] > offset:
            if clauses[i][1] > offset:
                return clauses[i][2]
            i -= 1
        at = bisect.bisect_right(term_starts, offset)
        return top_page[at - 1] if at else 1

    return page
