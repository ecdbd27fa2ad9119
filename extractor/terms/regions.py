"""Facts a term takes from its surroundings: the measurement period an availability
target is measured over, and the attainment percent ticket targets must reach."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from extractor.normalize import normalize_period
from extractor.terms.model import Found, Sent
from extractor.terms.targets import _is_attainment

REACH = 1200  # characters an attainment statement reaches forward when clauses are unknown


def _defined_periods(definitions: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for key, text in definitions.items():
        period = normalize_period(key) or normalize_period(text)
        if period and period not in ("daily", "weekly"):
            out[key] = period
    return out


def fill_periods(found: list[Found], sents: Sequence[Sent], definitions: Mapping[str, str]) -> None:
    """An availability target without a period takes the period of a defined term its
    sentence uses ("each Measurement Period")."""
    by_start = {s.start: s for s in sents}
    defined = _defined_periods(definitions)
    for f in found:
        if f.kind != "availability" or f.attrs.get("period"):
            continue
        sent = by_start.get(f.sent_start)
        text = sent.text if sent else ""
        for key, period in defined.items():
            if re.search(rf"\b{re.escape(key)}\b", text, re.I):
                f.attrs["period"] = period
                break


def attainment_statements(sents: Sequence[Sent]) -> list[tuple[Sent, float, set[str]]]:
    """Sentences that say what share of tickets must meet the targets, with the kinds
    they speak of ('response and resolution targets ... for 90% of incidents')."""
    out = []
    for sent in sents:
        if sent.block < 0:
            continue
        pcts = [q for q in sent.q("PERCENT") if _is_attainment(sent, q)]
        if not pcts:
            continue
        text = sent.text.lower()
        kinds = set()
        if re.search(r"respon|acknowledg", text):
            kinds.add("response_time")
        if re.search(r"resol|restor|fix", text):
            kinds.add("resolution_time")
        if not kinds and re.search(r"target|service level|time", text):
            kinds = {"response_time", "resolution_time"}
        if kinds:
            out.append((sent, float(pcts[0].value), kinds))
    return out


def fill_attainment(found: list[Found], sents: Sequence[Sent]) -> None:
    """Ticket targets without their own attainment take the one stated for their clause
    (or just before them, when clauses are unknown)."""
    statements = attainment_statements(sents)
    if not statements:
        return
    if len(statements) == 1 and len(statements[0][2]) == 2:
        _apply_everywhere(found, statements[0])
        return
    for f in found:
        if f.kind not in ("response_time", "resolution_time") or "attainment_percent" in f.attrs:
            continue
        for sent, pct, kinds in sorted(statements, key=lambda s: abs(s[0].start - f.start)):
            if f.kind not in kinds:
                continue
            same_clause = f.ctx.clause is not None and sent.ctx.clause is f.ctx.clause
            near = f.ctx.clause is None and abs(f.start - sent.start) < REACH
            if same_clause or near or _same_section(sent, f):
                f.attrs["attainment_percent"] = int(pct) if pct.is_integer() else pct
                break


def _parent(number: str) -> str:
    return number.rstrip(".").rpartition(".")[0]


def _same_section(sent: Sent, f: Found) -> bool:
    """Sibling or parent clauses ('B.2' and 'B.3'; '5.2' holds '5.2.1'), close together."""
    a, b = sent.ctx.clause, f.ctx.clause
    if a is None or b is None or not a.number or not b.number:
        return False
    if abs(f.start - sent.start) > REACH * 2:
        return False
    pa, pb = _parent(a.number), _parent(b.number)
    return bool(pb) and (pa == pb or b.number.startswith(a.number.rstrip(".") + "."))


def _apply_everywhere(found: list[Found], statement: tuple[Sent, float, set[str]]) -> None:
    """A document's one statement about both response and resolution targets covers all."""
    _sent, pct, kinds = statement
    for f in found:
        if f.kind in kinds and "attainment_percent" not in f.attrs:
            f.attrs["attainment_percent"] = int(pct) if pct.is_integer() else pct
