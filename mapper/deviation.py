"""Deviations from the template standard (SLA-D0xx). Stricter than allowed (a heavier
commitment for us) is a warning; looser is info."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.types import Extraction, Term
from mapper.template import Bound, Template, TimeStandard
from mapper.terms import claim_days, describe
from mapper.types import Finding

AVAILABILITY, RESPONSE, RESOLUTION, CAP, CLAIM, CREDITS, CHOICE = (
    "SLA-D001",
    "SLA-D002",
    "SLA-D003",
    "SLA-D004",
    "SLA-D005",
    "SLA-D006",
    "SLA-D007",
)
UNCAPPED = "SLA-D008"


def deviation_findings(doc: Extraction, template: Template) -> list[Finding]:
    out: list[Finding] = []
    for term in doc.terms:
        out.extend(_term_deviation(doc, term, template))
    out.extend(_credit_table(doc, template))
    tiers = [t for t in doc.terms if t.kind == "credit_tier"]
    cap = template.credit_cap
    if tiers and cap and cap.required and not any(t.kind == "credit_cap" for t in doc.terms):
        out.append(
            _finding(
                doc,
                tiers[0],
                UNCAPPED,
                "warning",
                f"service credits are uncapped (standard cap {cap.value:g}%)",
                "Add a cap: 'total Service Credits in a month shall not exceed "
                f"{cap.value:g}% of the monthly fee'.",
            )
        )
    return out


def _term_deviation(doc: Extraction, term: Term, template: Template) -> Iterator[Finding]:
    kind = term.kind
    if kind == "availability" and template.availability:
        yield from _bound(
            doc, term, AVAILABILITY, _num(term.get("value")), template.availability, "%"
        )
    elif kind in ("response_time", "resolution_time"):
        standards = template.response_time if kind == "response_time" else template.resolution_time
        yield from _time(doc, term, standards, RESPONSE if kind == "response_time" else RESOLUTION)
    elif kind == "credit_cap" and template.credit_cap:
        yield from _bound(doc, term, CAP, _num(term.get("value")), template.credit_cap, "%")
    elif kind == "claim_window" and template.claim_window_days:
        yield from _bound(doc, term, CLAIM, claim_days(term), template.claim_window_days, " days")
    elif template.choices and kind in template.choices:
        standard, allowed = template.choices[kind]
        value = term.get("value")
        if value and allowed and str(value) not in allowed:
            yield _finding(
                doc,
                term,
                CHOICE,
                "info",
                f"{kind.replace('_', ' ')} '{value}' differs from the standard '{standard}'",
                f"Use the standard: {kind.replace('_', ' ')} '{standard}'.",
            )


def _bound(
    doc: Extraction, term: Term, rule: str, value: float | None, b: Bound, unit: str
) -> Iterator[Finding]:
    if value is None:
        return
    above = b.high is not None and value > b.high
    below = b.low is not None and value < b.low
    if not (above or below):
        return
    stricter = above if b.stricter == "higher" else below
    word = "stricter" if stricter else "looser"
    yield _finding(
        doc,
        term,
        rule,
        "warning" if stricter else "info",
        f"{describe(term)} is {word} than the standard {b.value:g}{unit} "
        f"(allowed {_range(b.low, b.high, unit)})",
        f"Use the standard {b.value:g}{unit}, or get approval for the deviation.",
    )


def _time(
    doc: Extraction, term: Term, standards: tuple[TimeStandard, ...], rule: str
) -> Iterator[Finding]:
    rank, minutes = term.get("priority_rank"), _num(term.get("minutes"))
    std = next((s for s in standards if s.priority_rank == rank), None)
    if std is None or minutes is None:
        return
    faster = std.low is not None and minutes < std.low
    slower = std.high is not None and minutes > std.high
    if faster or slower:
        word = "stricter" if faster else "looser"
        yield _finding(
            doc,
            term,
            rule,
            "warning" if faster else "info",
            f"{describe(term)} is {word} than the standard {std.minutes:g} min for priority {rank} "
            f"(allowed {_range(std.low, std.high, ' min')})",
            f"Use the standard {std.minutes:g} minutes, or get approval for the deviation.",
        )


def _credit_table(doc: Extraction, template: Template) -> Iterator[Finding]:
    tiers = [
        t
        for t in doc.terms
        if t.kind == "credit_tier" and (t.get("metric") or "availability") == template.credit_metric
    ]
    if not template.credit_tiers:
        return
    for tier in tiers:
        point = _point(tier)
        standard = _standard_credit(template, point)
        pct = _num(tier.get("credit_percent"))
        if point is None or pct is None or pct == standard:
            continue
        word = "stricter" if pct > standard else "looser"
        yield _finding(
            doc,
            tier,
            CREDITS,
            "warning" if pct > standard else "info",
            f"{describe(tier)} is {word} than the standard credit {standard:g}% at {point:g}%",
            "Use the standard credit table, or get approval for the deviation.",
        )


def _point(tier: Term) -> float | None:
    upper, lower = _num(tier.get("upper")), _num(tier.get("lower"))
    if upper is not None:
        return upper - 1e-6
    return lower


def _standard_credit(template: Template, point: float | None) -> float:
    for lower, upper, pct in template.credit_tiers:
        if (
            point is not None
            and (lower is None or point >= lower)
            and (upper is None or point < upper)
        ):
            return pct
    return 0.0


def _range(low: float | None, high: float | None, unit: str) -> str:
    lo = "-" if low is None else f"{low:g}{unit}"
    hi = "-" if high is None else f"{high:g}{unit}"
    return f"{lo} to {hi}"


def _num(v: object) -> float | None:
    try:
        return None if v is None else float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _finding(
    doc: Extraction, term: Term, rule: str, severity: str, message: str, suggestion: str
) -> Finding:
    return Finding(
        rule=rule,
        category="deviation",
        severity=severity,
        message=message,
        document=doc.document.name,
        span=term.span,
        quote=term.quote,
        suggestion=suggestion,
    )
