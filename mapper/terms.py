"""Term keys, comparable values and short descriptions, shared by the rule modules.

"Same term" = kind + service + priority_rank (+ metric for credit tiers, + category for
exclusions). Credit tiers of one document form one unit (the table).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from extractor.types import Extraction, Term

TermKey = tuple[str, str | None, int | None, str | None]

CONTRACT_TYPES = frozenset({"msa", "order_form", "amendment", "sla", "other"})
NON_CONTRACT_TYPES = frozenset({"marketing", "support_policy"})
SINGLE_VALUED = (
    "availability",
    "response_time",
    "resolution_time",
    "credit_cap",
    "claim_window",
    "measurement_period",
    "review_interval",
    "reporting",
)
SET_VALUED = frozenset({"credit_tier", "service_hours", "maintenance_window", "exclusion"})
DAYS_PER_UNIT = {"days": 1, "day": 1, "business_days": 1, "weeks": 7, "months": 30, "hours": 1 / 24}


def is_contract(extraction: Extraction) -> bool:
    return extraction.document.doc_type not in NON_CONTRACT_TYPES


def term_key(term: Term, service_of: Callable[[str | None], str | None] = lambda s: s) -> TermKey:
    extra = None
    if term.kind == "credit_tier":
        extra = str(term.get("metric") or "availability")
    elif term.kind == "exclusion":
        extra = str(term.get("category") or "other")
    rank = term.get("priority_rank")
    return (term.kind, service_of(term.get("service")), int(rank) if rank else None, extra)


def term_value(term: Term) -> Any:
    """What two terms of one key are compared on."""
    k = term.kind
    if k == "availability":
        return _num(term.get("value"))
    if k in ("response_time", "resolution_time"):
        return (_num(term.get("minutes")), bool(term.get("business")))
    if k == "credit_tier":
        return (_num(term.get("lower")), _num(term.get("upper")), _num(term.get("credit_percent")))
    if k == "credit_cap":
        return _num(term.get("value"))
    if k == "claim_window":
        return claim_days(term)
    if k in ("service_hours", "maintenance_window"):
        return tuple(term.get(a) for a in ("days", "start", "end", "time_zone"))
    if k == "precedence":
        return tuple(term.get("order") or ())
    if k == "exclusion":
        return term.get("category")
    return term.get("value")


def group_value(terms: Sequence[Term]) -> Any:
    """The value of a key's terms in one document: a set for tables, else the first."""
    if terms[0].kind in SET_VALUED:
        return frozenset(term_value(t) for t in terms)
    return term_value(terms[0])


def claim_days(term: Term) -> float | None:
    value = _num(term.get("value"))
    if value is None:
        return None
    return value * DAYS_PER_UNIT.get(str(term.get("unit") or "days"), 1)


def describe(term: Term) -> str:
    """A short human description: '99.9% monthly', 'P1 response 60 min'."""
    k = term.kind
    g = term.get
    if k == "availability":
        return f"availability {g('value')}%" + (f" {g('period')}" if g("period") else "")
    if k in ("response_time", "resolution_time"):
        label = g("priority") or (f"priority {g('priority_rank')}" if g("priority_rank") else "")
        clock = " business" if g("business") else ""
        return f"{label} {k.split('_')[0]} {_fmt(g('minutes'))}{clock} min".strip()
    if k == "credit_tier":
        return f"credit {g('credit_percent')}% for [{g('lower')}, {g('upper')})"
    if k in ("credit_cap", "claim_window"):
        return f"{k.replace('_', ' ')} {g('value')} {g('unit') or ''}".strip()
    if k in ("service_hours", "maintenance_window"):
        where = f"{g('days')} {g('start')}-{g('end')} {g('time_zone') or ''}"
        return f"{k.replace('_', ' ')} {where}".strip()
    return f"{k.replace('_', ' ')} {g('value') or g('category') or ''}".strip()


def describe_group(terms: Sequence[Term]) -> str:
    if terms[0].kind == "credit_tier":
        return "credit table " + "; ".join(describe(t).removeprefix("credit ") for t in terms)
    if terms[0].kind in SET_VALUED:
        return "; ".join(dict.fromkeys(describe(t) for t in terms))
    return describe(terms[0])


def group_by_key(
    terms: Iterable[Term], service_of: Callable[[str | None], str | None] = lambda s: s
) -> dict[TermKey, list[Term]]:
    groups: dict[TermKey, list[Term]] = defaultdict(list)
    for term in terms:
        groups[term_key(term, service_of)].append(term)
    return dict(groups)


def _num(v: Any) -> float | None:
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


def _fmt(v: Any) -> str:
    n = _num(v)
    return "?" if n is None else (str(int(n)) if n == int(n) else str(n))
