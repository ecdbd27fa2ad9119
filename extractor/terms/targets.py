"""Availability and ticket-time (response / resolution) targets stated in prose."""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.caseless import compile_fast as recompile
from extractor.normalize import Duration, clean_number, priority_rank
from extractor.terms.model import Found, Item, Sent

_HISTORY = recompile(
    r"\b(?:historical(?:ly)?|track\s+record|averaged|has\s+achieved|achieved\s+an?|"
    r"last\s+(?:year|\d+\s+months)|in\s+20\d\d)\b",
    re.I,
)
_PERCENT_SLA = recompile(r"\d\s*%\s*(?:uptime\s+)?(?:sla|slo|service\s+level)\b", re.I)
_STRONG_AVAIL = recompile(r"uptime|up-time|availability|available\s+(?:at\s+least\s+)?\d", re.I)
_COMMIT = recompile(
    r"\b(?:will|shall|must|commits?|guarantees?|warrants?|targets?|aims?|strives?|is|be|of|"
    r"at least|minimum|no less than)\b",
    re.I,
)
_TIME_HEADING = recompile(r"respon|resol|restor|fix|target|service level|severity|priorit", re.I)
_BUSINESS_AFTER = recompile(r"^\W{0,3}(?:during|within|of|in)?\s*(?:normal\s+)?"
                             r"(?:business|working|support)\s+hours", re.I)  # fmt: skip
_CONTACT = recompile(
    r"\b(?:engineer|technician|agent|call\s?back|on\s+the\s+line|contacted|picked\s+up|"
    r"assigned|get\s+a\s+(?:reply|call)|notify|notified)\b(?![^.]*\b(?:every|update|status)\b)",
    re.I,
)
_CUSTOMER_RESPONDS = recompile(
    r"\b(?:customer|you|client|user|requester)s?\s+(?:does\s+not|do\s+not|don't|doesn't|fails?\s+to|"
    r"must|should|shall|is\s+required\s+to|are\s+required\s+to)\s+(?:respond|reply|answer)",
    re.I,
)
_CUSTOMER_NOTIFIES = recompile(r"\b(?:customer|you|client)\s+(?:shall|must|should|will|is\s+"
                                r"required\s+to|are\s+required\s+to)\s+notify", re.I)  # fmt: skip
_NOT_TICKETS = recompile(r"\bclaims?\b|invoice|billing|escalat|retain|retention|backup|"
                          r"root\s+cause|\brca\b|post[- ]incident|incident\s+report",
                          re.I)  # fmt: skip
_NOT_TARGET_AFTER = recompile(r"^['\u2019s]*\s*(?:prior\s+|advance\s+|written\s+)?"
                               r"(?:notice|in advance|before|prior)", re.I)  # fmt: skip


def availability(sent: Sent) -> list[Found]:
    """'will be available 99.9% of the time', 'Monthly Uptime Percentage of at least 99.95%'."""
    avail = sent.c("AVAILABILITY")
    lt = [c for c in sent.c("LT") if not re.search(r"\b(?:not|no)\s*$", sent.before(c, 6))]
    if not avail or lt or sent.c("BETWEEN"):
        return []
    if sent.has("CREDIT") and len(sent.q("PERCENT")) >= 2:
        return []  # '99.0% - 99.9% availability: 10% credit' is a credit tier
    tickets = sent.has("RESPONSE", "RESOLUTION")
    strong = bool(_STRONG_AVAIL.search(sent.text)) or (
        not tickets and bool(_PERCENT_SLA.search(sent.text))
    )
    if tickets and not strong:
        return []
    out = []
    for q in sent.q("PERCENT"):
        if not 80 <= q.value <= 100 or _is_attainment(sent, q) or _is_credit(sent, q):
            continue
        if re.search(r"(?:from|minus|subtract\w*)\s*$", sent.before(q, 15)):
            continue
        if re.match(r"^\s*(?:-|\u2013|\u2014|to)\s*\d", sent.after(q, 8)) or re.search(
            r"\d\s*%?\s*(?:-|\u2013|\u2014|to)\s*$", sent.before(q, 8)
        ):
            continue  # a range of percentages is a tier, not a target
        if _HISTORY.search(sent.text):
            continue
        if any(0 <= q.token - c.token <= 3 for c in sent.c("CAP")):
            continue
        if not _COMMIT.search(sent.text) and not strong:
            continue
        billing = [p for p in sent.q("PERIOD") if p.value == "billing_cycle"]
        period = billing[0] if billing else _nearest(sent.q("PERIOD"), q)
        attrs = {"value": clean_number(q.value), "unit": "percent",
                 "period": period.value if period else None}  # fmt: skip
        conf = 0.9 if strong else 0.7
        cue = _nearest(avail, q)
        out.append(sent.found("availability", attrs, conf, q, cue, period))
    return out


_ATTAIN_AFTER = recompile(
    r"^\s*(?:\)\s*)?(?:of\s+(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}(?:tickets|incidents|requests|"
    r"cases|calls|issues|inquiries|queries|emails|chats|contacts|problems)|of\s+the\s+time\s+for|"
    r"of\s+(?:all\s+)?(?:support\s+)?(?:tickets|incidents))",
    re.I,
)


def _is_attainment(sent: Sent, q: Item) -> bool:
    return bool(_ATTAIN_AFTER.match(sent.after(q, 60))) or bool(
        re.search(r"\bin\s*$", sent.before(q, 5))
        and re.match(r"^\s*of\s+(?:cases|instances)", sent.after(q, 20))
    )


def _is_credit(sent: Sent, q: Item) -> bool:
    after = sent.after(q, 40)
    before = sent.before(q, 40)
    return bool(
        re.match(r"^\s*(?:service\s+)?credit|^\s*of\s+(?:the\s+)?(?:monthly|annual|recurring|fee)",
                 after)  # fmt: skip
        or re.search(r"credit\s+(?:of|equal\s+to|amounting\s+to)\s*$", before)
    )


def _nearest(items: list[Item], q: Item) -> Item | None:
    return min(items, key=lambda i: abs(i.start - q.start), default=None)


def _preceding(items: list[Item], q: Item) -> Item | None:
    before = [i for i in items if i.end <= q.start]
    return before[-1] if before else None


def ticket_times(sent: Sent) -> list[Found]:
    """'Severity 1: response within one (1) hour', 'P2 issues resolved in 2 business days'."""
    cues = sorted(sent.c("RESPONSE") + sent.c("RESOLUTION"), key=lambda c: c.start)
    heading_kind = sent.ctx.list_kind or _heading_kind(sent.ctx.heading)
    if not cues and heading_kind is None and sent.q("PRIORITY") and _CONTACT.search(sent.text) \
            and not _CUSTOMER_NOTIFIES.search(sent.text):
        heading_kind = "response_time"  # 'Sev 1 incidents get an engineer on the line in 20 min'
    if not cues and heading_kind is None:
        return []
    if _CUSTOMER_RESPONDS.search(sent.text):
        return []  # 'if you do not respond within 5 business days, we may close the ticket'
    if sent.has("MAINTENANCE", "CREDIT") or _NOT_TICKETS.search(sent.text) or (
        _NOT_TICKETS.search(sent.ctx.heading or "") or "credit" in sent.ctx.heading.lower()
    ):
        return []
    out = []
    attain = [q for q in sent.q("PERCENT") if _is_attainment(sent, q)
              or re.match(r"^\s*of\s+(?:the\s+)?(?:time|cases|instances)\b", sent.after(q, 25))]
    for dur in sent.q("DURATION"):
        d: Duration = dur.value
        if d.unit not in ("minutes", "hours", "days", "business_hours", "business_days"):
            continue
        if _NOT_TARGET_AFTER.match(sent.after(dur, 30)) or _is_span(sent, dur):
            continue
        cue = _preceding(cues, dur) or _nearest(cues, dur)
        kind = _cue_kind(cue) if cue else heading_kind
        if kind is None:
            continue
        found = _ticket_term(sent, dur, kind, attain, cue is not None)
        out.append(found)
        out.extend(_joined_priorities(sent, dur, found))
    return out


def _is_span(sent: Sent, dur: Item) -> bool:
    """'24 hours a day', '365 days a year', 'a period of 5 consecutive minutes'."""
    return bool(
        re.match(r"^\s*(?:a|per|each|every)\s+(?:day|week|month|year)", sent.after(dur, 15))
        or re.match(r"^\s*(?:consecutive|continuous)", sent.after(dur, 15))
        or re.search(r"(?:period\s+of|at\s+least|more\s+than|longer\s+than|exceeding|every|"
                     r"each|after|for)\s*$", sent.before(dur, 20))
    )  # fmt: skip


def heading_kind(heading: str) -> str | None:
    """The ticket target kind a section heading names ('Response Times'), if only one."""
    return _heading_kind(heading)


def _heading_kind(heading: str) -> str | None:
    h = heading.lower()
    resolution = re.search(r"resol|restor|fix|repair", h)
    response = re.search(r"respon|reaction|acknowledg", h)
    if resolution and not response:
        return "resolution_time"
    if response and not resolution:
        return "response_time"
    return None


def _cue_kind(cue: Item) -> str:
    return "response_time" if cue.label == "RESPONSE" else "resolution_time"


def _ticket_term(sent: Sent, dur: Item, kind: str, attain: list[Item], cued: bool) -> Found:
    d: Duration = dur.value
    unit = d.unit
    if unit == "hours" and _BUSINESS_AFTER.match(sent.after(dur, 40)):
        unit = "business_hours"
    d = Duration(d.value, unit)
    prio = _priority_for(sent, dur)
    attrs = {
        "value": d.value, "unit": d.unit, "minutes": d.minutes, "business": d.business,
        "priority": _priority_label(prio) if prio else None,
        "priority_rank": prio.value if prio else None,
    }  # fmt: skip
    if prio is None:
        attrs["priority"], attrs["priority_rank"] = heading_priority(sent.ctx.heading)
    near_attain = _nearest(attain, dur)
    if near_attain is not None:
        attrs["attainment_percent"] = clean_number(near_attain.value)
    conf = 0.85 if cued else 0.65
    if prio is None:
        conf -= 0.1
    return sent.found(kind, attrs, conf, dur, prio)


_JOIN = recompile(r"^\s*(?:,|,?\s*and|&|or|/|\+)\s*$", re.I)


def _joined_priorities(sent: Sent, dur: Item, found: Found) -> list[Found]:
    """'Severity 1 and 2 ...' / 'P1 & P2 incidents: 30 minutes': one term per priority."""
    prio = _priority_for(sent, dur)
    return [] if prio is None else for_joined_priorities(sent, prio, found)


def for_joined_priorities(sent: Sent, prio: Item, found: Found) -> list[Found]:
    """Copies of `found` for the other priorities joined to `prio` ('P1 / P2', 'P1 & P2')."""
    prios = sent.q("PRIORITY")
    i = prios.index(prio)
    chain = [prio]
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(prios):
            a, b = sorted((prios[j], prios[j + step]), key=lambda p: p.start)
            if not _JOIN.match(sent.text[a.end - sent.start : b.start - sent.start]):
                break
            j += step
            chain.append(prios[j])
    seen = {prio.value}
    out = []
    for p in chain[1:]:
        if p.value in seen:
            continue
        seen.add(p.value)
        attrs = {**found.attrs, "priority": _priority_label(p), "priority_rank": p.value}
        out.append(replace(found, attrs=attrs))
    return out


_OF_PRIORITY = recompile(r"^\s*(?:of|for)\s+(?:an?|the|all|any|each|every)?\s*$", re.I)


def _priority_for(sent: Sent, dur: Item) -> Item | None:
    """The priority nearest before the duration; of 'P1 (Critical)' the first label."""
    prios = sent.q("PRIORITY")
    follows = [p for p in prios if p.start >= dur.end
               and _OF_PRIORITY.match(sent.text[dur.end - sent.start : p.start - sent.start])]
    if follows:  # 'within 1 hour of a P2 incident being raised'
        return follows[0]
    prio = _preceding(prios, dur) or _nearest(prios, dur)
    while prio is not None:
        i = prios.index(prio)
        if i == 0 or prio.start - prios[i - 1].end > 3:
            break
        prio = prios[i - 1]
    return prio


_HEADING_PRIO = recompile(
    r"\b(?:P|S|Sev|Severity|Priority|Severity\s+Level|Priority\s+Level)\s*-?\s*[0-5]\b|"
    r"\b(?:Critical|Urgent|Emergency|High|Medium|Normal|Low)\b"
)


def heading_priority(heading: str) -> tuple[str | None, int | None]:
    """'Severity 1 (Critical)' as a section heading gives its priority to the targets in it."""
    m = _HEADING_PRIO.search(heading or "") if len(heading or "") < 60 else None
    if m is None:
        return None, None
    rank = priority_rank(m.group())
    return (m.group(), rank) if rank is not None else (None, None)


def _priority_label(item: Item) -> str:
    return re.sub(r"\s+", " ", item.text.strip(" :()-"))
