"""Exclusions from the service levels and the order of precedence between documents."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.caseless import compile_fast as recompile
from extractor.terms.model import Found, Item, Sent

_SLA_WORDS = recompile(
    r"downtime|unavailab|availab|uptime|service level|\bsla\b|credit|outage|targets?\b|"
    r"interruption|service commitment|monthly uptime|response time|resolution time|\bkpis?\b|"
    r"key performance indicator",
    re.I,
)
_DOC_TYPES = (
    ("amendment", r"amendments?|change\s+orders?|addend(?:um|a)"),
    ("order_form", r"order\s+forms?|ordering\s+documents?|orders?|statements?\s+of\s+work|"
                   r"sows?|quotes?|quotations?|service\s+orders?|purchase\s+orders?"),
    ("sla", r"service\s+level\s+(?:agreement|schedule|terms|addendum|exhibit)s?|slas?|"
            r"this\s+schedule|this\s+exhibit"),
    ("support_policy", r"support\s+(?:policy|policies|terms|guide)"),
    ("dpa", r"data\s+processing\s+(?:agreement|addendum)|dpa"),
    ("msa", r"master\s+(?:services?\s+|subscription\s+|software\s+)?agreement|msa|"
            r"general\s+terms(?:\s+and\s+conditions)?|terms\s+and\s+conditions|"
            r"terms\s+of\s+service|(?:the|this)\s+agreement|main\s+agreement|"
            r"(?:these|this)\s+(?!(?:[\w-]+\s+){0,2}(?:support|service\s+level)\b)"
            r"(?:[a-z][\w-]*\s+){0,3}terms|"
            r"body\s+of\s+(?:the|this)\s+agreement"),
)  # fmt: skip
_DOC_RE = recompile("|".join(f"(?P<{name}>\\b(?:{rx})\\b)" for name, rx in _DOC_TYPES), re.I)
_PREVAIL = recompile(
    r"\b(?:shall|will|should|to)?\s*(?:prevail|govern|control|take\s+precedence|supersede|"
    r"have\s+precedence)",
    re.I,
)
_LIST_ITEM = recompile(r"^\s*(?:[-\u2022*\u25aa\u25cf\u2013]|\(?[a-z0-9]{1,3}[.)]|\(?[ivx]+\))\s")
_ORDER = recompile(r"order\s+of\s+(?:precedence|priority)|following\s+order|descending\s+order|"
                    r"in\s+the\s+order\s+(?:listed|set\s+out|shown|below)|"
                    r"(?:rank|apply|prevail|govern)\s+in\s+(?:this|that|the\s+following)\s+order",
                    re.I)  # fmt: skip


_HEADING_CATEGORY = (
    (recompile(r"force\s+majeure", re.I), "force_majeure"),
    (recompile(r"maintenance", re.I), "scheduled_maintenance"),
    (recompile(r"suspen", re.I), "suspension"),
)


_NETWORK_AFTER = recompile(r"^[\s-]*(?:networks?|carriers?|telecom\w*|isps?|internet|connectivity|"
                            r"circuits?|transit)\b", re.I)  # fmt: skip


_OTHERS_BEFORE = recompile(r"(?:carrier|third[- ]part(?:y|ies)|supplier|vendor|isp|telco)"
                            r"(?:'s|s'|\u2019s)?\s+$", re.I)  # fmt: skip


def _category(sent: Sent, cue: Item) -> str:
    """The category of an EXCL: cue ('third-party networks' are networks outside ours)."""
    cat = cue.label.split(":", 1)[1]
    if cat == "third_party" and _NETWORK_AFTER.match(sent.after(cue, 25)):
        return "internet_or_network_outside_provider"
    if cat == "scheduled_maintenance" and _OTHERS_BEFORE.search(sent.before(cue, 30)):
        return ""  # "the carrier's planned works" are not the provider's maintenance
    if cat == "customer_caused" and re.search(r"suspen\w*\s+of\s+$", sent.before(cue, 30)):
        return ""  # 'suspension of your account for breach': the suspension is the category
    return cat


def exclusions(sent: Sent) -> list[Found]:
    """'Downtime does not include ... force majeure ... Customer's equipment ...'."""
    cats = sorted({_category(sent, c) for c in sent.cues if c.label.startswith("EXCL:")} - {""})
    if not cats and sent.has("EXCL_TRIGGER") and _SLA_WORDS.search(sent.text):
        cats = [cat for rx, cat in _HEADING_CATEGORY if rx.search(sent.ctx.heading or "")][:1]
        if not cats and sent.c("MAINTENANCE") and not re.search(r"emergency|unplanned|unscheduled",
                                                                sent.text, re.I):  # fmt: skip
            cats = ["scheduled_maintenance"]  # 'Maintenance on a single feed is not Downtime'
    if not cats:
        return []
    trigger = sent.has("EXCL_TRIGGER") and (
        _SLA_WORDS.search(sent.text) or _SLA_WORDS.search(sent.ctx.heading or "")
    )
    if not trigger and not sent.ctx.in_exclusions:
        return []
    if re.search(r"\blimitation\s+of\s+liability|indemnif|\b(?:is|are|be)\s+not\s+excluded|"
                 r"\bnot\s+(?:be\s+)?(?:treated|regarded)\s+as\s+excluded", sent.text, re.I):
        return []
    conf = 0.8 if trigger else 0.7
    out = []
    for cat in cats:
        cues = [c for c in sent.cues if c.label.startswith("EXCL:") and _category(sent, c) == cat]
        cue = cues[0] if cues else None
        out.append(sent.found("exclusion", {"category": cat}, conf, cue))
    return out


_ALIAS = recompile(r"\((?:the\s+|this\s+)?[\"\u201c](?P<alias>[A-Z][\w ]{1,30})[\"\u201d]\)")


def doc_aliases(text: str) -> dict[str, str]:
    """Short names a document gives other documents: 'the Northwind Helpdesk Support Policy
    (version 3.1) (the "Policy")' -> {'Policy': 'support_policy'}."""
    out = {}
    for m in _ALIAS.finditer(text):
        alias = m.group("alias").strip()
        if _DOC_RE.fullmatch(alias):
            continue
        before = text[max(0, m.start() - 120) : m.start()]
        kinds = [k.lastgroup for k in _DOC_RE.finditer(before) if k.lastgroup != "dpa"]
        if kinds and kinds[-1]:
            out[alias] = kinds[-1]
    return out


def doc_types_in(text: str, aliases: dict[str, str] | None = None) -> list[tuple[int, str]]:
    """(offset, doc type) of each document named in `text`, in order."""
    out = []
    spans = []
    for m in _DOC_RE.finditer(text):
        name = m.lastgroup
        spans.append((m.start(), m.end()))
        if name and name != "dpa":
            out.append((m.start(), name))
    for alias, kind in (aliases or {}).items():
        for m in re.finditer(rf"\b{re.escape(alias)}\b", text):
            if not any(s <= m.start() < e for s, e in spans):
                out.append((m.start(), kind))
    return sorted(out)


def precedence(sents: Sequence[Sent], i: int, aliases: dict[str, str] | None = None) -> list[Found]:
    """'In the event of a conflict ... the following order of precedence: (a) the Amendment,
    (b) the Order Form, (c) this SLA, (d) the MSA' and 'the Order Form shall prevail'."""
    sent = sents[i]
    if not sent.has("PRECEDENCE"):
        return []
    text, end = sent.text, sent.end
    orders = list(_ORDER.finditer(text))
    ordered = orders[-1] if orders else None
    if ordered and len(doc_types_in(text[ordered.end() :], aliases)) < 2:
        text, end = _with_list(sents, i)
        ordered = list(_ORDER.finditer(text))[-1]
    if ordered:
        found = [name for _, name in doc_types_in(text[ordered.end() :], aliases)]
    else:
        found = _prevail_order(text, aliases)
    order = list(dict.fromkeys(found))
    if len(order) < 2:
        return []
    conf = 0.85 if ordered else 0.7
    start = sent.start + (ordered.start() if ordered else 0)
    return [Found("precedence", {"order": order}, start, end, conf, sent.ctx, start, sent.start)]


def _with_list(sents: Sequence[Sent], i: int) -> tuple[str, int]:
    """The sentence plus the list items that follow it (same clause, up to 6 items)."""
    parts, end = [sents[i].text], sents[i].end
    for nxt in sents[i + 1 : i + 7]:
        if nxt.ctx.clause is not sents[i].ctx.clause or nxt.start - end > 400:
            break
        if not doc_types_in(nxt.text) and not _LIST_ITEM.match(nxt.text):
            break
        parts.append(" " * (nxt.start - end) + nxt.text)
        end = nxt.end
    return "".join(parts), end


def _prevail_order(text: str, aliases: dict[str, str] | None = None) -> list[str]:
    """'A shall prevail over B' -> [A, B]; 'between A and B, B shall prevail' -> [B, A]."""
    verb = _PREVAIL.search(text)
    if not verb or not re.search(r"conflict|inconsisten|discrepan|preceden", text, re.I):
        return []
    mentions = doc_types_in(text, aliases)
    before = [(pos, name) for pos, name in mentions if pos < verb.start()]
    winner = before[-1][1] if before and verb.start() - before[-1][0] < 60 else None
    names = [name for _, name in mentions]
    if winner is None:
        return names
    return [winner] + [n for n in names if n != winner]
