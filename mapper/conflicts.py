"""Conflicts between the documents of one customer (SLA-C0xx).

- C001 contract vs contract (order form vs MSA …): resolved by precedence, reported (info);
- C002 amendment vs the document it amends: resolved by the amendment, reported (info);
- C003 marketing claim vs contract (page promises 99.99%, contract says 99.9%): warning;
- C004 public support policy vs contract: warning;
- C005 documents naming different customers: warning.
A conflict is reported at the winning contract term, the other side in `related`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from extractor.types import Term
from mapper.effective import DEFAULT_PRECEDENCE, SourceDocument, in_force, precedence_order
from mapper.names import same_name, service_canon
from mapper.terms import TermKey, describe_group, group_by_key, group_value
from mapper.types import Finding, Related

CONTRACTS, AMENDMENT, MARKETING, SUPPORT_POLICY, PARTIES = (
    "SLA-C001",
    "SLA-C002",
    "SLA-C003",
    "SLA-C004",
    "SLA-C005",
)
COMPARED = frozenset(
    {
        "availability",
        "response_time",
        "resolution_time",
        "credit_tier",
        "credit_cap",
        "claim_window",
        "measurement_period",
        "service_hours",
        "maintenance_window",
        "review_interval",
        "reporting",
    }
)

Group = tuple[SourceDocument, list[Term]]


def conflict_findings(
    docs: Sequence[SourceDocument], as_of: dt.date | None = None
) -> list[Finding]:
    if len(docs) < 2:
        return []
    active, _ = in_force(docs, as_of or dt.date.max)
    order, _ = precedence_order(active) if active else (DEFAULT_PRECEDENCE, "default")
    service_of = service_canon(t.get("service") for d in docs for t in d.extraction.terms)
    by_key: dict[TermKey, list[Group]] = {}
    for d in docs:
        for key, terms in group_by_key(d.extraction.terms, service_of).items():
            if key[0] in COMPARED:
                by_key.setdefault(key, []).append((d, terms))
    _widen_unnamed_outside(by_key)
    out: list[Finding] = []
    for groups in by_key.values():
        out.extend(_key_conflicts(groups, order))
    out.extend(_party_conflicts(docs))
    return out


def _widen_unnamed_outside(by_key: dict[TermKey, list[Group]]) -> None:
    """A marketing page or support policy naming no service ("99.99% uptime") speaks for
    every service: compare it with the contract terms of each named service too."""
    for key, groups in list(by_key.items()):
        if key[1] is not None:
            continue
        outside = [g for g in groups if g[0].type in ("marketing", "support_policy")]
        if not outside or any(g[0].type not in ("marketing", "support_policy") for g in groups):
            continue
        for other_key, other_groups in by_key.items():
            if other_key[1] is not None and (other_key[0], *other_key[2:]) == (key[0], *key[2:]):
                other_groups.extend(outside)


def _key_conflicts(groups: list[Group], order: Sequence[str]) -> list[Finding]:
    contracts = sorted(
        (g for g in groups if g[0].type not in ("marketing", "support_policy")),
        key=lambda g: _rank(g[0], order),
    )
    out = []
    if contracts:
        winner = contracts[0]
        for other in contracts[1:]:
            if group_value(other[1]) != group_value(winner[1]):
                out.append(_contract_conflict(winner, other))
        for g in groups:
            if g[0].type in ("marketing", "support_policy") and group_value(g[1]) != group_value(
                winner[1]
            ):
                out.append(_outside_conflict(winner, g))
    return out


def _rank(d: SourceDocument, order: Sequence[str]) -> tuple[int, int]:
    position = order.index(d.type) if d.type in order else len(order)
    return position, -(d.date.toordinal() if d.date else 0)


def _contract_conflict(winner: Group, other: Group) -> Finding:
    wd, wt = winner
    od, ot = other
    amends = wd.type == "amendment" and (not wd.amends or any(od.known_as(r) for r in wd.amends))
    rule = AMENDMENT if amends else CONTRACTS
    if amends:
        how = "amended by"
    elif wd.type == od.type:
        how = f"replaced by the later {wd.type}:"
    else:
        how = f"overridden by precedence ({wd.type} over {od.type}):"
    return _finding(
        rule,
        "info",
        winner,
        other,
        f"{describe_group(ot)} in {od.name} is {how} {describe_group(wt)} in {wd.name}",
        None,
    )


def _outside_conflict(contract: Group, outside: Group) -> Finding:
    od, ot = outside
    cd, ct = contract
    marketing = od.type == "marketing"
    what = "marketing page promises" if marketing else "public support policy states"
    return _finding(
        MARKETING if marketing else SUPPORT_POLICY,
        "warning",
        contract,
        outside,
        f"{what} {describe_group(ot)} ({od.name}) "
        f"but the contract says {describe_group(ct)} ({cd.name})",
        f"Align {od.name} with the contract, or qualify the claim ('{describe_group(ct)} per the "
        "customer's SLA').",
    )


def _party_conflicts(docs: Sequence[SourceDocument]) -> list[Finding]:
    contracts = [
        d
        for d in docs
        if d.type not in ("marketing", "support_policy") and d.extraction.document.parties
    ]
    out = []
    for a, b in zip(contracts, contracts[1:], strict=False):
        pa, pb = a.extraction.document.parties, b.extraction.document.parties
        if not any(same_name(x, y) for x in pa for y in pb):
            out.append(
                Finding(
                    rule=PARTIES,
                    category="conflict",
                    severity="warning",
                    message=f"{b.name} names parties {list(pb)}, {a.name} names {list(pa)}: "
                    "are these one customer's documents?",
                    document=b.name,
                    related=(Related(a.name, None, ", ".join(pa)),),
                    suggestion="Lint one customer's documents together, or fix the party names.",
                )
            )
    return out


def _finding(
    rule: str, severity: str, at: Group, other: Group, message: str, suggestion: str | None
) -> Finding:
    doc, terms = at
    od, ot = other
    return Finding(
        rule=rule,
        category="conflict",
        severity=severity,
        message=message,
        document=doc.name,
        span=terms[0].span,
        quote=terms[0].quote,
        related=tuple(Related(od.name, t.span, t.quote) for t in ot[:1]),
        suggestion=suggestion,
    )
