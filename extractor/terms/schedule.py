"""Hours and cadences: service hours, maintenance windows, measurement periods,
review and reporting intervals."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extractor.caseless import compile_fast as recompile
from extractor.normalize import Duration, clean_number, normalize_zone
from extractor.terms.model import Found, Item, Sent

ALWAYS_HOURS = {"days": "Mon-Sun", "start": "00:00", "end": "24:00"}
_NOTICE_AFTER = recompile(r"^['\u2019s]*\s*(?:\)\s*)?(?:prior\s+|advance\s+|written\s+|"
                           r"advanced\s+)*(?:notice|notification|in\s+advance|before|prior)",
                           re.I)  # fmt: skip
_NOTICE_BEFORE = recompile(r"(?:notice|notif\w*|inform\w*|announce\w*)\b[^.;]{0,50}"
                            r"(?:at\s+least|no\s+less\s+than|minimum\s+of|within)?\s*$",
                            re.I)  # fmt: skip
_SUPPORT_CONTEXT = recompile(
    r"support|help\s?desk|service\s+desk|business\s+hours|hours\s+of|coverage|staffed|"
    r"available|operat|contact|phone|telephone|answer|monitor|open|respon|engineer|staff|"
    r"agents?\b|on[- ]hand|on[- ]call|reachable|assistance|\bhelp\b|technician|handled|worked|"
    r"manned|attended", re.I)  # fmt: skip
_SERVICE_REPORT = recompile(
    r"servic|perform|\bsla\b|availab|uptime|support|ticket|incident|service\s+levels?|kpi|"
    r"metric|statistic|attainment|target",
    re.I,
)
_NOT_SERVICE_REPORT = recompile(r"security|audit|penetration|vulnerab|incident\s+reports?|"
                                 r"access\s+review", re.I)  # fmt: skip
_REPORT_SUBJECT = recompile(r"\b(?:will|shall|must|may|should|to|promptly|immediately|customer|"
                             r"you|we|provider|supplier|and|or)\s+$", re.I)  # fmt: skip


def _report_period(sent: Sent, cue: Item, periods: list[Item]) -> Item:
    """'a monthly network performance report and a quarterly review': the period that
    qualifies the report word in its own phrase, else the nearest."""
    own = _own_period(sent, cue, periods)
    return own or min(periods, key=lambda p: abs(p.start - cue.start))


def _own_period(sent: Sent, cue: Item, periods: list[Item]) -> Item | None:
    """'a monthly service report': a period in the report's own phrase, just before it."""

    def between(p: Item) -> str:
        return sent.text[p.end - sent.start : cue.start - sent.start]

    own = [p for p in periods if p.end <= cue.start and cue.start - p.end <= 40
           and not re.search(r",|;|\band\b", between(p))]  # fmt: skip
    return own[-1] if own else None


def _report_verb(sent: Sent, cue: Item) -> bool:
    """'report an incident', 'Customer reports to ...' use the verb; 'SLA performance reports
    to Customer' is the noun."""
    if re.search(r"\bas\s+$", sent.before(cue, 5)):
        return True  # 'as reported on the status page' refers to reports, it promises none
    if not _REPORT_VERB_USE.match(sent.after(cue, 12)):
        return False
    return cue.text.lower() == "report" or bool(_REPORT_SUBJECT.search(sent.before(cue, 25)))


def _customer_reporting(sent: Sent, cue: Item) -> bool:
    """'for fault reporting', 'incident reporting': the customer reports problems."""
    before = sent.before(cue, 20)
    return cue.text.lower() in ("reporting", "reported") and bool(_PROBLEM_BEFORE.search(before))


_PROBLEM_BEFORE = recompile(r"(?:fault|incident|problem|issue|outage|bug|error)s?\s+(?:\w+\s+)?$")


_PRODUCT_NAME_END = recompile(r"\b(?!(?:Service|SLA|Performance|Status|Customer|Reporting|Online|"
                               r"Support|Uptime|Monthly|Weekly|Quarterly)\b)(?-i:[A-Z][a-z]+)\s+"
                               r"(?-i:Dashboard|Scorecard)s?$")  # fmt: skip
_REPORT_VERB_USE = recompile(r"^\s*(?:to|an?|the|any|all|it|them|such|issues?|incidents?)\b", re.I)


def _zone(sent: Sent, near: Item, definitions: Mapping[str, str]) -> str | None:
    zones = sent.q("ZONE")
    after = [z for z in zones if z.start >= near.end]
    if after:
        return after[0].value
    if zones:
        return zones[-1].value
    for key, text in definitions.items():
        if "hour" in key.lower() and (m := re.search(r"\b[A-Z][A-Za-z/ ]{1,30}(?:Time)\b|"
                                                     r"\b[A-Z]{2,4}\b", text)):  # fmt: skip
            zone = normalize_zone(m.group())
            if zone:
                return zone
    return None


def _windows(sent: Sent, definitions: Mapping[str, str]) -> list[dict[str, Any]]:
    out = []
    days = sent.q("DAY_RANGE")
    for tr in sent.q("TIME_RANGE"):
        day = _nearest_before(days, tr) or (days[0] if days else None)
        start, end = tr.value
        out.append({"days": day.value if day else None, "start": start, "end": end,
                    "time_zone": _zone(sent, tr, definitions), "_items": (tr, day)})  # fmt: skip
    return out


def _nearest_before(items: list[Item], q: Item) -> Item | None:
    before = [i for i in items if i.end <= q.start and q.start - i.end < 60]
    if before:
        return before[-1]
    after = [i for i in items if i.start >= q.end and i.start - q.end < 40]
    return after[0] if after else None


# 'All targets ... apply 24x7': the clock of the targets, not hours of cover
_TARGET_CLOCK = recompile(r"\b(?:targets?|times|slas?|service\s+levels|objectives)\b[^.;]{0,60}"
                           r"\b(?:apply|applies|run|runs)\s+(?:on\s+a\s+)?(?:24|around|round)",
                           re.I)  # fmt: skip


def service_hours(sent: Sent, definitions: Mapping[str, str]) -> list[Found]:
    """'Monday through Friday, 8:00 a.m. to 6:00 p.m. Eastern Time', '24x7x365'."""
    if sent.has("MAINTENANCE"):
        return []
    out = []
    for attrs in _windows(sent, definitions):
        if attrs["days"] is None and not re.search(r"business\s+day|working\s+day", sent.text,
                                                   re.I):  # fmt: skip
            continue
        attrs["days"] = attrs["days"] or "Mon-Fri"
        items = attrs.pop("_items")
        out.append(sent.found("service_hours", attrs, 0.85, *items))
    context = _SUPPORT_CONTEXT.search(sent.text) or _SUPPORT_CONTEXT.search(sent.ctx.heading)
    timed = any(d.value.unit in ("minutes", "hours") for d in sent.q("DURATION"))
    always = sent.q("ALWAYS")
    if timed:  # '15 minutes, 24 hours a day' is the clock of a target, not service hours
        always = [a for a in always if any(-4 <= c.token - a.token <= 4
                                           for c in sent.c("SUPPORT_HOURS"))]  # fmt: skip
    if out:  # '24x7x365 for S1 cases, and 08:00 to 20:00 CET for S3 cases': both
        ranges = sent.q("TIME_RANGE")
        always = [a for a in always if all(abs(a.start - r.start) > 25 for r in ranges)]
    if always and context and not _TARGET_CLOCK.search(sent.text):
        attrs = {**ALWAYS_HOURS, "time_zone": None}
        out.append(sent.found("service_hours", attrs, 0.75, always[0]))
    return out


def maintenance_window(sent: Sent, definitions: Mapping[str, str]) -> list[Found]:
    """'Scheduled maintenance: Sundays 02:00-06:00 UTC, with at least 48 hours' notice'."""
    notice = _notice_hours(sent)
    if not sent.c("MAINTENANCE") and not (notice and "maintenance" in sent.ctx.heading.lower()):
        return []
    windows = _windows(sent, definitions)
    if not windows and sent.q("DAY_RANGE") and sent.q("ZONE"):
        windows = []
    out = []
    for attrs in windows:
        attrs["notice_hours"] = notice[0] if notice else None
        items = attrs.pop("_items")
        out.append(sent.found("maintenance_window", attrs, 0.8, *items))
    if not out and notice is not None:
        attrs = {"days": None, "start": None, "end": None, "time_zone": None,
                 "notice_hours": notice[0]}  # fmt: skip
        out.append(sent.found("maintenance_window", attrs, 0.65, notice[1]))
    return out


def _notice_hours(sent: Sent) -> tuple[int | float, Item] | None:
    for q in sent.q("DURATION"):
        d: Duration = q.value
        if d.minutes is None:
            continue
        if _NOTICE_AFTER.match(sent.after(q, 40)) or _NOTICE_BEFORE.search(sent.before(q, 80)):
            return clean_number(d.minutes / 60), q
    return None


_DEFINITION = recompile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?[\"\u201c]?(?P<term>[A-Z][\w -]{2,50}?)[\"\u201d]?\s+"
    r"(?:means|shall\s+mean|is\s+defined\s+as|refers\s+to|is\s+calculated|is\s+measured|"
    r"is\s+worked\s+out|is\s+determined|is\s+computed)\b",
    re.M,
)
_MEASURED_TERM = recompile(r"uptime|availability|measurement\s+period|service\s+level|downtime|"
                            r"service\s+period|monitoring\s+period|measurement\s+interval",
                            re.I)  # fmt: skip


_LEVELS = recompile(r"service\s+levels?|\b(?:all|the|these|such)\s+(?:service\s+)?targets\b|"
                     r"\bslas?\b|\bkpis?\b", re.I)  # fmt: skip


def measurement_period(sent: Sent, definitions: Mapping[str, str]) -> list[Found]:
    """'Availability is measured per calendar month'; '"Measurement Period" means a calendar
    month'; a period named inside a defined term takes that term's definition."""
    defined = _DEFINITION.search(sent.text)  # at the start of the sentence or of one of its lines
    measured = bool(sent.c("MEASURE")) and (
        sent.has("AVAILABILITY") or bool(_LEVELS.search(sent.text))
    )
    if defined and not _MEASURED_TERM.search(defined.group("term")):
        defined = None
    if not (measured or defined) or sent.has("CREDIT", "MAINTENANCE", "EXCL_TRIGGER"):
        return []
    periods = [p for p in sent.q("PERIOD") if p.value]
    if not periods:
        return []
    if not defined and all(_qualifies_target(sent, p) for p in periods):
        return []  # '99.95% per calendar month, measured by ...': the target's qualifier
    billing = [p for p in periods if p.value == "billing_cycle"]
    anchor = sent.c("MEASURE")[0] if sent.c("MEASURE") else periods[-1]
    period = billing[0] if billing else min(periods, key=lambda p: abs(p.start - anchor.start))
    value = _through_definition(sent, period, definitions) or period.value
    if defined and len(periods) > 1 and period.start - sent.start < defined.end():
        period = periods[-1]
        value = period.value
    return [sent.found("measurement_period", {"value": value}, 0.75, period, anchor)]


def _qualifies_target(sent: Sent, period: Item) -> bool:
    """'of 99.95% per calendar month': the period follows a target percent directly."""
    before = [q for q in sent.q("PERCENT") if q.end <= period.start and q.value >= 80]
    return bool(before) and period.start - before[-1].end <= 25 and not any(
        before[-1].end <= c.start <= period.start for c in sent.c("MEASURE")
    )


def _through_definition(sent: Sent, period: Item, definitions: Mapping[str, str]) -> str | None:
    """'the Monthly Uptime Percentage' when that term is defined over a Billing Cycle."""
    for key, text in definitions.items():
        for m in re.finditer(re.escape(key), sent.text):
            if m.start() <= period.start - sent.start < m.end():
                billing = re.search(r"billing\s+(?:cycle|period)", text, re.I)
                return "billing_cycle" if billing else None
    return None


_NOT_INTERVALS = ("daily", "billing_cycle", "semiannual")
# a review, a briefing, or a meeting of the parties ('meet monthly to discuss'), not the verb
# 'meet' of a target ('meet the availability target each month')
_REVIEW_WORD = recompile(
    r"review|qbr|briefing|check-in|\bmeetings?\b(?!\s+(?:the|its|each|all|any|their|our|these|"
    r"those|targets?|slas?|service|response|resolution)\b)|\bmeet\s+(?:monthly|quarterly|weekly|annually|"
    r"yearly|each|every|at\s+least|once|twice|to\s+(?:review|discuss))"
)


def review_interval(sent: Sent) -> list[Found]:
    """'The parties will meet quarterly to review service performance', 'QBR'."""
    if not sent.c("REVIEW"):
        return []
    text = sent.text.lower()
    if not _REVIEW_WORD.search(text) or not re.search(
        r"review|performance|service level|sla\b|qbr", text
    ):
        return []
    periods = [p for p in sent.q("PERIOD") if p.value]
    cue = sent.c("REVIEW")[0]
    if re.search(r"\bqbrs?\b", text):
        value, period = "quarterly", None
    elif periods:
        period = min(periods, key=lambda p: abs(p.start - cue.start))
        value = period.value
    else:
        return []
    out = []
    if value not in _NOT_INTERVALS:
        out.append(sent.found("review_interval", {"value": value}, 0.75, period, cue))
    # '... a monthly review meeting, and this SLA will be reviewed annually': a second review
    for other in sent.c("REVIEW")[1:]:
        near = min(periods, key=lambda p: abs(p.start - other.start), default=None)
        if near is None or near is period or abs(near.start - other.start) >= 40:
            continue
        if near.value not in (*_NOT_INTERVALS, value):
            out.append(sent.found("review_interval", {"value": near.value}, 0.7, near, other))
            break
    return out


def reporting(sent: Sent) -> list[Found]:
    """'Provider will deliver a monthly service level report'."""
    cues = [c for c in sent.c("REPORT") if not _report_verb(sent, c)
            and not _customer_reporting(sent, c)
            and not _PRODUCT_NAME_END.search(sent.text[: c.end - sent.start])]
    claims = [c for c in sent.c("CLAIM") if all(c.start != r.start for r in sent.c("REPORT"))]
    if not cues or claims and sent.has("CREDIT"):
        return []  # 'submit a credit claim ... report', not a report of service performance
    periods = [p for p in sent.q("PERIOD") if p.value and p.value != "billing_cycle"]
    if not periods:
        return []
    cue = cues[0]
    period = _report_period(sent, cue, periods)
    if any(abs(r.start - period.start) < abs(cue.start - period.start) for r in sent.c("REVIEW")):
        return []  # 'meetings on a quarterly basis to discuss the reports': a review
    # under a 'Reporting' heading a periodic report is a service report unless it says otherwise
    heading_says = bool(re.search(r"\breport", sent.ctx.heading or "", re.I)) and not (
        _NOT_SERVICE_REPORT.search(sent.text))  # fmt: skip
    if abs(period.start - cue.start) > 150 or not (
        _SERVICE_REPORT.search(sent.text) or heading_says
    ):
        return []
    out = [sent.found("reporting", {"value": period.value}, 0.7, period, cue)]
    for other in cues[1:]:  # 'a weekly threat summary and a monthly service report'
        own = _own_period(sent, other, periods)
        if own is not None and own.value not in {f.attrs["value"] for f in out}:
            out.append(sent.found("reporting", {"value": own.value}, 0.65, own, other))
    return out
