"""Inconsistencies inside one document (SLA-I0xx): credit tiers that overlap, leave
gaps or do not start at the target; one metric with two values; resolution faster than
response."""

from __future__ import annotations

import math
from collections.abc import Sequence

from extractor.types import Extraction, Term
from mapper.names import service_key
from mapper.terms import SINGLE_VALUED, describe, group_by_key, term_value
from mapper.types import Finding, Related

OVERLAP, GAP, NOT_AT_TARGET, TWO_VALUES, RESOLUTION_FASTER = (
    "SLA-I001",
    "SLA-I002",
    "SLA-I003",
    "SLA-I004",
    "SLA-I005",
)


def inconsistency_findings(doc: Extraction) -> list[Finding]:
    groups = group_by_key(doc.terms, service_key)
    out: list[Finding] = []
    for key, terms in groups.items():
        if key[0] == "credit_tier":
            out.extend(_tier_findings(doc, terms, _target(groups, key[1])))
        elif key[0] in SINGLE_VALUED:
            out.extend(_two_values(doc, terms))
    out.extend(_resolution_faster(doc, groups))
    return out


def _lo(t: Term) -> float:
    v = t.get("lower")
    return -math.inf if v is None else float(v)


def _hi(t: Term) -> float:
    v = t.get("upper")
    return math.inf if v is None else float(v)


def _tier_findings(doc: Extraction, tiers: Sequence[Term], target: Term | None) -> list[Finding]:
    ordered = sorted(tiers, key=lambda t: (_lo(t), _hi(t)))
    out = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        if _hi(a) > _lo(b):
            out.append(
                _finding(
                    doc,
                    b,
                    OVERLAP,
                    "error",
                    f"credit tiers overlap: {describe(a)} and {describe(b)}",
                    [a],
                    "Make each tier start where the previous one ends "
                    "(lower inclusive, upper exclusive).",
                )
            )
        elif _hi(a) < _lo(b):
            out.append(
                _finding(
                    doc,
                    b,
                    GAP,
                    "error",
                    f"credit tiers leave a gap between {a.get('upper')}% and {b.get('lower')}%",
                    [a],
                    f"Extend a tier to cover [{a.get('upper')}, {b.get('lower')}).",
                )
            )
    if ordered and _lo(ordered[0]) > 0:
        out.append(
            _finding(
                doc,
                ordered[0],
                GAP,
                "warning",
                f"credit tiers give no credit below {ordered[0].get('lower')}%",
                [],
                "Give the lowest tier an open lower end ('below 95.0%').",
            )
        )
    top = ordered[-1] if ordered else None
    target_value = term_value(target) if target else None
    if top is not None and target_value is not None and _hi(top) != target_value:
        out.append(
            _finding(
                doc,
                top,
                NOT_AT_TARGET,
                "error",
                f"credit tiers start at {top.get('upper')}% but the target is {target_value}%",
                [target],
                f"Make the first tier's upper bound the target ({target_value}%).",
            )
        )
    return out


def _target(groups: dict, service: str | None) -> Term | None:
    for key, terms in groups.items():
        if key[0] == "availability" and key[1] == service:
            return terms[0]
    for key, terms in groups.items():
        if key[0] == "availability" and key[1] is None:
            return terms[0]
    return None


def _two_values(doc: Extraction, terms: Sequence[Term]) -> list[Finding]:
    first = terms[0]
    seen = term_value(first)
    out = []
    for t in terms[1:]:
        v = term_value(t)
        if v is not None and seen is not None and v != seen:
            out.append(
                _finding(
                    doc,
                    t,
                    TWO_VALUES,
                    "error",
                    f"two values for one term: {describe(t)} here, {describe(first)} earlier",
                    [first],
                    "Keep one value per service and priority, "
                    "or name the service each value applies to.",
                )
            )
    return out


def _resolution_faster(doc: Extraction, groups: dict) -> list[Finding]:
    out = []
    for key, resolutions in groups.items():
        if key[0] != "resolution_time":
            continue
        responses = groups.get(("response_time", *key[1:]))
        if not responses:
            continue
        rv, rb = term_value(responses[0])
        for res in resolutions:
            v, b = term_value(res)
            if v is not None and rv is not None and b == rb and v < rv:
                out.append(
                    _finding(
                        doc,
                        res,
                        RESOLUTION_FASTER,
                        "error",
                        f"resolution ({describe(res)}) is faster than "
                        f"response ({describe(responses[0])})",
                        [responses[0]],
                        "Check the table: resolution targets must be at least the response target.",
                    )
                )
    return out


def _finding(
    doc: Extraction,
    term: Term,
    rule: str,
    severity: str,
    message: str,
    related: Sequence[Term],
    suggestion: str | None,
) -> Finding:
    name = doc.document.name
    return Finding(
        rule=rule,
        category="inconsistent",
        severity=severity,
        message=message,
        document=name,
        span=term.span,
        quote=term.quote,
        related=tuple(Related(name, r.span, r.quote) for r in related),
        suggestion=suggestion,
    )
