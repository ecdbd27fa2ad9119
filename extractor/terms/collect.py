"""Run every rule over the sentences and tables, tidy the results, make `Term`s."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from extractor.terms import credits, policy, schedule, targets
from extractor.terms.context import mark_amendments, mark_exclusions, mark_ticket_lists
from extractor.terms.model import Found, Sent
from extractor.terms.regions import fill_attainment, fill_periods
from extractor.terms.services import (
    assign_heading_services,
    assign_services,
    harvest_names,
    mark_services,
)
from extractor.terms.tables import free_cells, group_tables, table_service_names, table_to_terms
from extractor.terms.units import doc_to_sents
from extractor.types import Clause, ReadDocument, Span, Term

SERVICE_KINDS = ("availability", "response_time", "resolution_time", "credit_tier",
                 "maintenance_window")  # fmt: skip
_SENTENCE_RULES: tuple[Callable[[Sent], list[Found]], ...] = (
    targets.availability,
    targets.ticket_times,
    credits.credit_tiers,
    credits.credit_cap,
    credits.claim_window,
    credits.replaced_claim_window,
    schedule.review_interval,
    schedule.reporting,
    policy.exclusions,
)


def clauses_to_terms(
    doc: ReadDocument, clauses: Sequence[Clause], definitions: Mapping[str, str]
) -> list[Term]:
    """Typed SLA terms of `doc`, each with its span, quote, clause and confidence."""
    sents = doc_to_sents(doc, clauses)
    tables = group_tables(sents, doc.text)
    names = harvest_names(sents, [n for rows in tables for n in table_service_names(rows)])
    mark_amendments(sents)
    mark_exclusions(sents)
    mark_ticket_lists(sents)
    mark_services(sents, names)
    found = sents_to_found(sents, definitions, policy.doc_aliases(doc.text))
    cells = [c for rows in tables for c in free_cells(rows)]
    found.extend(sents_to_found(cells, definitions, {}, rows=True))
    for rows in tables:
        found.extend(table_to_terms(rows))
    assign_services(found, [*sents, *cells], names)
    assign_heading_services(found)
    shift_zero_based_priorities(found)
    fill_periods(found, [*sents, *cells], definitions)
    fill_attainment(found, sents)
    found = close_open_tiers(found, doc.text)
    found = merge_maintenance(found)
    found = one_per_document(found)
    return found_to_terms(doc, found)


def sents_to_found(
    sents: Sequence[Sent], definitions: Mapping[str, str], aliases: dict[str, str],
    rows: bool = False,
) -> list[Found]:
    found: list[Found] = []
    for i, sent in enumerate(sents):
        if sent.block < 0 and " | " in sent.text and not rows:
            continue
        for rule in _SENTENCE_RULES:
            found.extend(rule(sent))
        found.extend(schedule.measurement_period(sent, definitions))
        found.extend(schedule.service_hours(sent, definitions))
        found.extend(schedule.maintenance_window(sent, definitions))
        found.extend(policy.precedence(sents, i, aliases))
    return found


_ZERO = re.compile(r"^(?:P|S|Sev|Severity|Priority|Level)\s*-?\s*0$", re.I)
_NUMBERED = re.compile(r"^(?:P|S|Sev|Severity|Priority|Level)\s*-?\s*(\d)$", re.I)


def shift_zero_based_priorities(found: list[Found]) -> None:
    """A scheme that starts at P0 / Sev 0 ranks P0 first, so P1 is rank 2."""
    ticket = [f for f in found if f.kind in ("response_time", "resolution_time")]
    if not any(_ZERO.match(str(f.attrs.get("priority") or "")) for f in ticket):
        return
    for f in ticket:
        m = _NUMBERED.match(str(f.attrs.get("priority") or ""))
        if m:
            f.attrs["priority_rank"] = int(m.group(1)) + 1


def _group_key(f: Found) -> Any:
    return (f.ctx.clause.id if f.ctx.clause else f.ctx.heading, f.attrs.get("metric"),
            f.attrs.get("service", f.ctx.service))  # fmt: skip


_SUBJECT = re.compile(r"\b([a-z][\w-]*)\s+(?:availability|uptime|up-time)\b", re.I)
_GENERIC_SUBJECT = re.compile(
    r"monthly|annual|quarterly|weekly|daily|yearly|overall|total|average|actual|measured|"
    r"guaranteed|committed|target|minimum|services?|system|platform|the|an?|its|our|your|"
    r"their|this|that|such|of|in|and|or|if|is|are|sla"
)


def _subject(f: Found, text: str) -> str | None:
    """What a tier's sentence measures, when it says so before the tier: 'power' in 'If
    power availability in a month is less than 100%' (None: not said, or generic)."""
    if f.sent_start < 0 or not text:
        return None
    found = _SUBJECT.findall(text[f.sent_start : f.start])
    word = found[-1].lower() if found else None
    return None if word is None or _GENERIC_SUBJECT.fullmatch(word) else word


def _lends_lower(t: Found, b: Found, text: str) -> bool:
    """Tier `b` can give `t` its lower end: `b` lies below `t`, credits at least as much
    (worse service earns more) and measures the same thing ('network availability' tiers
    do not close a 'power availability' tier)."""
    if b.attrs["upper"] is None or b.attrs["upper"] >= t.attrs["upper"]:
        return False
    if b.attrs["credit_percent"] < t.attrs["credit_percent"]:
        return False
    mine, theirs = _subject(t, text), _subject(b, text)
    return mine is None or theirs is None or mine == theirs


def close_open_tiers(found: list[Found], text: str = "") -> list[Found]:
    """Tiers stated as 'below X%' each: a tier's open lower end becomes the next lower
    tier's upper end ('below 99.9%: 10%; below 99%: 25%' -> [99, 99.9) and [-, 99)), taken
    only from a tier of the same section, metric and service (`text`: the document's, to
    tell apart what tiers' sentences measure)."""
    tiers = [f for f in found if f.kind == "credit_tier"]
    groups: dict[Any, list[Found]] = {}
    for t in tiers:
        groups.setdefault(_group_key(t), []).append(t)
    targets = {f.attrs["value"] for f in found if f.kind == "availability"}
    for group in groups.values():
        for t in group:
            if t.attrs["lower"] is None and t.attrs["upper"] is not None:
                below = [b.attrs["upper"] for b in group if _lends_lower(t, b, text)]
                if below:
                    t.attrs["lower"] = max(below)
        _close_inclusive_uppers(group, targets)
    # a '99.9% or higher | 0%' row only marks where the first real tier ends
    return [f for f in found if f.kind != "credit_tier" or f.attrs["credit_percent"] != 0]


def _close_inclusive_uppers(group: list[Found], targets: set[Any]) -> None:
    """'99.0% - 99.49%' states an inclusive upper end: when the next tier (or the target)
    starts 0.01 higher, that is the exclusive upper end ([99.0, 99.5))."""
    lowers = {t.attrs["lower"] for t in group if t.attrs["lower"] is not None}
    starts = lowers | targets
    for t in group:
        upper = t.attrs["upper"]
        if upper is None or upper in lowers or upper in targets:
            continue  # 'below 99.9%' with a 99.9% target ends there
        nxt = [s for s in starts if 0 < s - upper <= 0.0101]
        if nxt:
            t.attrs["upper"] = min(nxt)


def _related(a: Found, b: Found, reach: int) -> bool:
    """Same clause, a clause and its sub-clause, or (clauses unknown) close together."""
    ca, cb = a.ctx.clause, b.ctx.clause
    if ca is None or cb is None:
        return abs(a.start - b.start) < reach
    if ca is cb:
        return True
    na, nb = (ca.number or "").rstrip("."), (cb.number or "").rstrip(".")
    return bool(na and nb) and (na.startswith(nb + ".") or nb.startswith(na + "."))


def merge_maintenance(found: list[Found], reach: int = 600) -> list[Found]:
    """A notice-only maintenance term folds into the windows stated with it."""
    out: list[Found] = []
    windows = [f for f in found if f.kind == "maintenance_window" and f.attrs.get("start")]
    for f in found:
        if f.kind == "maintenance_window" and not f.attrs.get("start"):
            near = [w for w in windows if _related(w, f, reach)
                    and w.ctx.amends == f.ctx.amends]  # fmt: skip
            if near:
                for w in near:
                    if w.attrs.get("notice_hours") is None:
                        w.attrs["notice_hours"] = f.attrs["notice_hours"]
            continue
        out.append(f)
    return out


def one_per_document(found: list[Found]) -> list[Found]:
    """A document states each exclusion category and its precedence order once: keep the
    first exclusion of a category and the longest precedence order."""
    out: list[Found] = []
    seen: set[Any] = set()
    orders = [f for f in found if f.kind == "precedence"]
    best = max(orders, key=lambda f: (len(f.attrs["order"]), f.confidence), default=None)
    for f in sorted(found, key=lambda f: f.start):
        if f.kind == "precedence" and f is not best:
            continue
        if f.kind == "measurement_period":
            if (f.kind, f.ctx.amends) in seen:
                continue
            seen.add((f.kind, f.ctx.amends))
        if f.kind == "exclusion":
            key = (f.attrs["category"], f.ctx.amends)
            if key in seen:
                continue
            seen.add(key)
        out.append(f)
    return out


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def found_to_terms(doc: ReadDocument, found: list[Found]) -> list[Term]:
    terms: list[Term] = []
    seen: set[Any] = set()
    for f in sorted(found, key=lambda f: (f.start, f.kind)):
        attrs = dict(f.attrs)
        if f.kind in SERVICE_KINDS:
            attrs.setdefault("service", f.ctx.service)
        if f.ctx.amends:
            attrs["amends"] = f.ctx.amends
        clause_id = f.ctx.clause.id if f.ctx.clause else None
        key = (clause_id or f.start, f.kind, _freeze(attrs))
        if key in seen:
            continue
        seen.add(key)
        start, end = f.start, f.end
        span = Span(doc.page_of(start), start, end)
        terms.append(Term(f.kind, attrs, span, doc.text[start:end], clause_id, f.confidence))
    return terms
