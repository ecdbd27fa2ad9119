"""Hours and cadences: service hours, maintenance windows, measurement periods,
review and reporting intervals."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from extractor.normalize import Duration, clean_number, normalize_zone
from extractor.terms.model import Found, Item, Sent

ALWAYS_HOURS = {"days": "Mon-Sun", "start": "00:00", "end": "24:00"}
_NOTICE_AFTER = re.compile(r"^['\u2019s]*\s*(?:\)\s*)?(?:prior\s+|advance\s+|written\s+|"
                           r"advanced\s+)*(?:notice|notification|in\s+advance|before|prior)",
                           re.I)  # fmt: skip
_NOTICE_BEFORE = re.compile(r"(?:notice|notif\w*|inform\w*|announce\w*)\b[^.;]{0,50}"
                            r"(?:at\s+least|no\s+less\s+than|minimum\s+of|within)?\s*$",
                            re.I)  # fmt: skip
_SUPPORT_CONTEXT = re.compile(
    r"support|help\s?desk|service\s+desk|business\s+hours|hours\s+of|coverage|staffed|"
    r"available|operat|contact|phone|telephone|answer|monitor|open|respon|engineer|staff|"
    r"agents?\b|on[- ]hand|on[- ]call|reachable|assistance|\bhelp\b|technician", re.I)  # fmt: skip
_SERVICE_REPORT = re.compile(
    r"servic|perform|\bsla\b|availab|uptime|support|ticket|incident|service\s+levels?|kpi|"
    r"metric|statistic|attainment|target",
    re.I,
)
_REPORT_VERB_USE = re.compile(r"^\s*(?:to|an?|the|any|all|it|them|such|issues?|incidents?)\b", re.I)


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
    if not out and always and context:
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


_DEFINITION = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?[\"\u201c]?(?P<term>[A-Z][\w -]{2,50}?)[\"\u201d]?\s+"
    r"(?:means|shall\s+mean|is\s+defined\s+as|refers\s+to|is\s+calculated|is\s+measured)\b"
)
_MEASURED_TERM = re.compile(r"uptime|availability|measurement\s+period|service\s+level|downtime",
                            re.I)  # fmt: skip


def measurement_period(sent: Sent, definitions: Mapping[str, str]) -> list[Found]:
    """'Availability is measured per calendar month'; '"Measurement Period" means a calendar
    month'; a period named inside a defined term takes that term's definition."""
    defined = _DEFINITION.match(sent.text)
    measured = bool(sent.c("MEASURE")) and (
        sent.has("AVAILABILITY") or "service level" in sent.text.lower()
    )
    if defined and not _MEASURED_TERM.search(defined.group("term")):
        defined = None
    if not (measured or defined) or sent.has("CREDIT", "MAINTENANCE", "EXCL_TRIGGER"):
        return []
    periods = [p for p in sent.q("PERIOD") if p.value]
    if not periods:
        return []
    billing = [p for p in periods if p.value == "billing_cycle"]
    anchor = sent.c("MEASURE")[0] if sent.c("MEASURE") else periods[-1]
    period = billing[0] if billing else min(periods, key=lambda p: abs(p.start - anchor.start))
    value = _through_definition(sent, period, definitions) or period.value
    if defined and len(periods) > 1 and period.start - sent.start < len(defined.group(0)):
        period = periods[-1]
        value = period.value
    return [sent.found("measurement_period", {"value": value}, 0.75, period, anchor)]


def _through_definition(sent: Sent, period: Item, definitions: Mapping[str, str]) -> str | None:
    """'the Monthly Uptime Percentage' when that term is defined over a Billing Cycle."""
    for key, text in definitions.items():
        for m in re.finditer(re.escape(key), sent.text):
            if m.start() <= period.start - sent.start < m.end():
                billing = re.search(r"billing\s+(?:cycle|period)", text, re.I)
                return "billing_cycle" if billing else None
    return None


def review_interval(sent: Sent) -> list[Found]:
    """'The parties will meet quarterly to review service performance', 'QBR'."""
    if not sent.c("REVIEW"):
        return []
    text = sent.text.lower()
    if not re.search(r"review|qbr", text) or not re.search(
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
    if value in ("daily", "billing_cycle"):
        return []
    return [sent.found("review_interval", {"value": value}, 0.75, period, cue)]


def reporting(sent: Sent) -> list[Found]:
    """'Provider will deliver a monthly service level report'."""
    cues = [c for c in sent.c("REPORT") if not _REPORT_VERB_USE.match(sent.after(c, 12))]
    if not cues or sent.has("CLAIM") and sent.has("CREDIT"):
        return []
    periods = [p for p in sent.q("PERIOD") if p.value and p.value != "billing_cycle"]
    if not periods:
        return []
    cue = cues[0]
    period = min(periods, key=lambda p: abs(p.start - cue.start))
    if abs(period.start - cue.start) > 150 or not _SERVICE_REPORT.search(sent.text):
        return []
    return [sent.found("reporting", {"value": period.value}, 0.7, period, cue)]
