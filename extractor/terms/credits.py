"""Service credits in prose: tiers, the cap, and the window for claiming them."""

from __future__ import annotations

import re

from extractor.caseless import compile_fast as recompile
from extractor.normalize import Duration, clean_number
from extractor.terms.model import Found, Item, Sent

_CREDIT_HEADING = recompile(r"credit|remed|compensation|rebate|refund", re.I)
_LOWER_BEFORE = recompile(
    r"(?:at\s+least|greater\s+than(?:\s+or\s+equal\s+to)?|more\s+than|higher\s+than|"
    r"equal\s+to\s+or\s+(?:greater|more|higher)\s+than|no\s+less\s+than|above|from|"
    r"exceeds?|[\u2265>]=?|=>|between)\s*$"
)
_UPPER_BEFORE = recompile(
    r"(?:less\s+than(?:\s+or\s+equal\s+to)?|lower\s+than|below|under|fewer\s+than|"
    r"falls?\s+(?:below|short\s+of)|[<\u2264]=?|but\s+not\s+including|up\s+to|to|and|"
    r"[-\u2013\u2014])\s*$"
)
_LOWER_AFTER = recompile(r"^\s*(?:or\s+(?:more|higher|above|greater)|and\s+(?:above|over))")
_CAP_NEAR = recompile(
    r"(?:exceed|maximum|max\.?|cap(?:ped)?|ceiling|limited\s+to|up\s+to|not\s+more\s+than|"
    r"no\s+more\s+than)\b[^.;]{0,60}$"
)
_CLAIM_VERB = recompile(
    r"\b(?:request|claim|submit|notify|notice|report|apply\s+for|must\s+(?:contact|open|file))",
    re.I,
)
_OBLIGATION = recompile(
    r"\b(?:must|shall|should|needs?\s+to|required\s+to|has\s+to|have\s+to|no\s+later\s+than|"
    r"(?:is|are|be)\s+(?:received|submitted|made|filed|raised)|will\s+not\s+be\s+(?:accepted|"
    r"eligible)|waive|forfeit|otherwise)|\bto\s+(?:receive|obtain|claim|request)\b[^,;]{0,40},\s*"
    r"(?:submit|send|open|file|make|contact|e-?mail|notify|request|raise|log)\b|"
    r"^\W*(?:[\d.]+\s+)?(?:make|submit|send|request|notify|"
    r"file|contact|open|e-?mail|write\s+to|call|raise|log)\b",
    re.I,
)


_CREDIT_AFTER = recompile(
    r"^\s*(?:\)\s*)?(?:service\s+|sla\s+)?(?:credit|refund|discount|of\s+(?:the\s+)?"
    r"(?:customer's\s+|your\s+)?(?:monthly|annual|recurring|fees?|charges?|"
    r"applicable|affected|subscription|service\s+fees?|mrc|invoice))"
)
_CREDIT_BEFORE = recompile(r"(?:credit|refund|discount|reduc\w*|rebate)\b[^%\d]{0,25}$")


def _credit_percents(sent: Sent) -> list[Item]:
    out = []
    for q in sent.q("PERCENT"):
        after, before = sent.after(q, 45), sent.before(q, 45)
        if _CREDIT_AFTER.match(after) or _CREDIT_BEFORE.search(before):
            out.append(q)
    return out


def credit_tiers(sent: Sent) -> list[Found]:
    """'If Monthly Uptime is less than 99.9% but at least 99.0%, 10% credit'."""
    in_credit = sent.has("CREDIT") or _CREDIT_HEADING.search(sent.ctx.heading or "")
    pcts = sent.q("PERCENT")
    if not in_credit or len(pcts) < 2:
        return []
    credits = [q for q in _credit_percents(sent) if not _is_cap(sent, q)]
    if credits or in_credit:  # '...; 25% if below 99.0%': small percents are credits
        credits = [q for q in pcts if q in credits or (q.value < 50 and not _is_cap(sent, q))]
    thresholds = [q for q in pcts if q not in credits and not _is_cap(sent, q) and q.value >= 50]
    if not credits or not thresholds:
        return []
    metric = _metric(sent)
    out = []
    for group_credit, group_thresholds in _pair(credits, thresholds):
        lower, upper = _bounds(sent, group_thresholds)
        if lower is None and upper is None:
            continue
        if upper is None and _RELATIVE_AFTER.match(sent.after(group_thresholds[-1], 40)):
            continue  # 'at least 99.0% but below the target': the upper end is not a number
        attrs = {"metric": metric, "lower": lower, "upper": upper,
                 "credit_percent": clean_number(group_credit.value)}  # fmt: skip
        out.append(sent.found("credit_tier", attrs, 0.8, *group_thresholds, group_credit))
    return out


_RELATIVE_AFTER = recompile(r"^\W*(?:but|and)?\s*(?:below|less\s+than|under|lower\s+than)\s+"
                             r"(?:the|its|our|your|that|this|their)\b")  # fmt: skip


def _pair(credits: list[Item], thresholds: list[Item]) -> list[tuple[Item, list[Item]]]:
    """Give each credit the thresholds on its side: credit-last or credit-first phrasing."""
    # credit-first also when a threshold ends the sentence ('credit if uptime drops below
    # 99.9%: 10% for uptime below 99.9%, and 25% for uptime below 99.0%')
    credit_first = (
        credits[0].start < thresholds[0].start or thresholds[-1].start > credits[-1].start
    )
    out = []
    for i, cr in enumerate(credits):
        if credit_first:
            nxt = credits[i + 1].start if i + 1 < len(credits) else 1 << 60
            group = [t for t in thresholds if cr.start < t.start < nxt]
        else:
            prev = credits[i - 1].start if i else -1
            group = [t for t in thresholds if prev < t.start < cr.start]
        if group:
            out.append((cr, group[:2]))
    return out


def _bounds(sent: Sent, thresholds: list[Item]) -> tuple[float | None, float | None]:
    lower = upper = None
    for q in thresholds:
        before = sent.before(q, 45)
        if _LOWER_BEFORE.search(before) or _LOWER_AFTER.match(sent.after(q, 20)):
            lower = clean_number(q.value)
        elif _UPPER_BEFORE.search(before):
            upper = clean_number(q.value)
    if len(thresholds) == 2 and (lower is None or upper is None):
        a, b = sorted(clean_number(q.value) for q in thresholds)
        lower, upper = a, b
    if lower is not None and upper is not None and lower >= upper:
        return None, None
    return lower, upper


def _metric(sent: Sent) -> str:
    if sent.has("AVAILABILITY"):
        return "availability"
    if sent.has("RESOLUTION"):
        return "resolution_time"
    if sent.has("RESPONSE"):
        return "response_time"
    return "availability"


def _is_cap(sent: Sent, q: Item) -> bool:
    return bool(_CAP_NEAR.search(sent.before(q, 70))) and sent.has("CAP")


_WHOLE_FEE_CAP = recompile(
    r"(?:exceed|more\s+than|capped\s+at|limited\s+to|maximum\s+of)\s+(?:the\s+|one\s+month's\s+|"
    r"a\s+month's\s+)?(?:total\s+)?(?:amount\s+of\s+(?:the\s+)?)?(?:monthly\s+)?(?:recurring\s+)?"
    r"(?:subscription\s+|service\s+)?(?:fees?|charges?)\b",
    re.I,
)


def credit_cap(sent: Sent) -> list[Found]:
    """'Service credits shall not exceed 50% of the monthly fees'."""
    if not sent.has("CREDIT") or not sent.has("CAP"):
        return []
    for q in sent.q("PERCENT"):
        if _is_cap(sent, q) and q.value <= 100:
            attrs = {"value": clean_number(q.value), "unit": "percent"}
            cap = next(iter(sent.c("CAP")), None)
            return [sent.found("credit_cap", attrs, 0.85, q, cap)]
    m = _WHOLE_FEE_CAP.search(sent.text)
    if m and not sent.q("PERCENT"):
        cap = Item("CAP", sent.start + m.start(), sent.start + m.end(), m.group())
        return [sent.found("credit_cap", {"value": 100, "unit": "percent"}, 0.6, cap)]
    return []


_CLAIM_WORD = recompile(r"\bclaims?\b", re.I)
_NOT_CREDIT_CLAIM = recompile(r"action|proceeding|legal|lawsuit|court|indemn|liabil|dispute|"
                               r"invoice|warranty|arbitrat|damage|breach|defect|deliver",
                               re.I)  # fmt: skip


def claim_window(sent: Sent) -> list[Found]:
    """'must request a credit within thirty (30) days', 'by the end of the second billing cycle',
    'submit your claim within two billing cycles' (a claim in an SLA is a credit claim)."""
    heading = sent.ctx.heading or ""
    in_credit = sent.has("CREDIT") or _CREDIT_HEADING.search(heading)
    claim_only = not in_credit and bool(
        (_CLAIM_WORD.search(sent.text) or _CLAIM_WORD.search(heading))
        and not _NOT_CREDIT_CLAIM.search(sent.text)
    )
    if not in_credit and not claim_only:
        return []
    verb = _CLAIM_VERB.search(sent.text) or (claim_only and _CLAIM_WORD.search(heading))
    if not verb or not _OBLIGATION.search(sent.text):
        return []
    for q in sent.q("DURATION"):
        d: Duration = q.value
        allowed = ("days", "business_days", "billing_cycles") if claim_only else (
            "days", "business_days", "weeks", "months", "billing_cycles")  # fmt: skip
        if d.unit not in allowed:
            continue
        attrs = {"value": d.value, "unit": d.unit}
        conf = 0.85 if sent.has("CLAIM") else 0.65
        return [sent.found("claim_window", attrs, conf, q)]
    return []


_REPLACED_WITH = recompile(
    r"replac\w*\b.*?\b(?:by|with)\s+[\"\u201c]|(?:amended|changed)\s+to\s+[\"\u201c]", re.I | re.S
)
_OTHER_PERIODS = recompile(r"notice|terminat|payment|invoice|maintenance|renew|term\b", re.I)


def replaced_claim_window(sent: Sent) -> list[Found]:
    """An amendment that swaps a number of days ('the words "thirty (30) days" are replaced
    with "sixty (60) days"'): in an SLA that is, most often, the credit claim window."""
    m = _REPLACED_WITH.search(sent.text)
    if sent.ctx.amends is None or m is None or _OTHER_PERIODS.search(sent.text):
        return []
    after = [q for q in sent.q("DURATION") if q.start - sent.start >= m.end() - 1]
    if not after or after[0].value.unit not in ("days", "business_days"):
        return []
    if after[0].value.value < 5:
        return []
    d: Duration = after[0].value
    return [sent.found("claim_window", {"value": d.value, "unit": d.unit}, 0.5, after[0])]
