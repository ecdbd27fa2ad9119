"""Which service a term belongs to, when a document names several.

The document's service names are gathered first (a "Service" table column, a
"Covered Services: A, B" line, "make the X available", "uptime on the X", a heading
that names a product); a term then takes the name its sentence mentions nearest to
the term's own words, else the one its section heading names, else none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from extractor.caseless import compile_fast as recompile
from extractor.terms.model import Found, Sent

_PRODUCT_WORD = (r"(?:API|APIs|Platform|Cloud|Hosting|Database|Storage|Email|"
                 r"Suite|Gateway|Backup|DNS|CDN|Compute|Analytics|Warehouse|"
                 r"Dashboard|Messaging|Payments|CRM|ERP|VPN|Connectivity|Colocation|"
                 r"Helpdesk|Engine|Functions|Kubernetes|Registry|Queue|Cache|Firewall|Balancer)")
_NAME = r"(?:[A-Z][A-Za-z0-9&+\-]*|[A-Z]{2,})(?:\s+(?:[A-Z][A-Za-z0-9&+\-]*|[A-Z]{2,})){0,3}"
_NAME_SLOTS = (
    rf"\bmak(?:e|es|ing)\s+(?:the\s+|each\s+(?:individual\s+)?)?(?P<n>{_NAME})\s+"
    rf"(?:service\s+|instance\s+)?available",
    rf"\bthe\s+(?P<n>{_NAME})\s+(?:service\s+)?(?:will|shall|must)\s+(?:be\s+)?(?:available|"
    rf"achieve|have|maintain)",
    rf"\b(?:uptime|availability|available)\s+(?:on|for|of)\s+(?:the\s+)?(?P<n>{_NAME})",
    rf"(?:^|[.;]\s+)(?P<n>{_NAME})\s+(?:delivers|offers|provides|guarantees|targets)\s+\d",
    rf"\b(?:affecting|for|of)\s+the\s+(?P<n>{_NAME})\s+(?:service|tier)\b",
    rf"\bapplies\s+to\s+the\s+(?P<n>{_NAME})\s+service\b",
    rf"(?P<n>{_NAME})\s+(?:availability|uptime)\s+(?:target|commitment|guarantee|sla|of)\b",
    rf"\b[Tt]he\s+(?P<n>(?:[A-Z][A-Za-z0-9&+\-]*\s+){{1,3}}{_PRODUCT_WORD})\b",
)
_NAME_SLOT_RE = [recompile(p) for p in _NAME_SLOTS]
_GENERIC_WORDS = recompile(
    r"\b(?:Agreement|Customer|Provider|Service|Services|Schedule|Order|Form|Terms|Policy|"
    r"Support|Level|Credit|Credits|Percentage|Uptime|Availability|Hours|Days|Fees)\b"
)
_LIST_LINE = recompile(
    r"(?:covered|included|in-scope|eligible)\s+services?\**\s*(?:are|include)?\s*:?\**\s*"
    r"(?P<list>[^\n.]{2,200})",
    re.I,
)
_GENERIC = recompile(
    r"^(?:the\s+)?(?:service|services|covered\s+services?|agreement|customer|provider|sla|"
    r"schedule|order\s+form|platform|this|our|we|you|northwind|availability|uptime|"
    r"monthly\s+uptime\s+percentage|service\s+commitment|service\s+credits?|"
    r"[A-Z][a-z]+\s+Uptime\s+Percentage|business\s+hours|support\s+hours|internet)$",
    re.I,
)
_COMPANY = recompile(r"\b(?:Ltd|Limited|Inc|LLC|plc|PLC|GmbH|Corp|Corporation|LLP|AG|S\.A)\b\.?$")
_PRODUCT = recompile(
    r"\b(?:api|platform|cloud|hosting|database|storage|network|email|e-mail|portal|"
    r"application|app|suite|gateway|backup|dns|cdn|compute|analytics|warehouse|dashboard|"
    r"messaging|payments?|console|crm|erp|vpn|wan|voice|connectivity|colocation|helpdesk|"
    r"service\s+desk|desktop|server|servers|monitoring|search|identity|mail)\b",
    re.I,
)
_NUMBERING = recompile(
    r"^\s*(?:(?i:section|schedule|exhibit|annex|appendix|part|article)\s+)?"
    r"(?:(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.):]\s+|\d+(?:\.\d+)*\s+|[A-Z]\.\d+(?:\.\d+)*\s+)?"
)


def _clean(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" .,:;*\"'()")
    name = re.sub(r"\s+(?:services?|sla|availability|uptime|tier)$", "", name, flags=re.I)
    if not name or _GENERIC.match(name) or len(name) > 40 or not name[:1].isupper():
        return None
    if " " not in name and _PRODUCT.fullmatch(name):
        return None  # 'Network', 'Platform' alone name no particular service
    if _COMPANY.search(name):
        return None  # 'Northwind Cloud Ltd' is the provider, not a service
    return name


def heading_service(heading: str, known: Iterable[str] = ()) -> str | None:
    """'3. Core API' -> 'Core API' when it names a product; 'Service Credits' -> None."""
    name = _NUMBERING.sub("", heading or "").strip(" .:-\u2013")
    for k in known:
        if name.lower().startswith(k.lower()):
            return k
    if not name or len(name.split()) > 4 or not _PRODUCT.search(name):
        return None
    return _clean(name)


def _too_generic(name: str) -> bool:
    words = name.split()
    return sum(bool(_GENERIC_WORDS.fullmatch(w)) for w in words) >= max(1, len(words) - 0) or (
        words[0] in ("This", "These", "Each", "Any", "All", "Our", "Your", "Such", "Customer",
                     "Provider", "Supplier", "Vendor", "Company", "Client", "Licensee", "Licensor")
    )


def harvest_names(sents: Sequence[Sent], table_names: Iterable[str]) -> list[str]:
    """Service names the document uses, longest first."""
    names = {n for n in (_clean(t) for t in table_names) if n}
    for sent in sents:
        for rx in _NAME_SLOT_RE:
            for m in rx.finditer(sent.text):
                n = _clean(m.group("n"))
                if n and (_PRODUCT.search(n) or n in names) and not _too_generic(n):
                    names.add(n)
        for m in _LIST_LINE.finditer(sent.text):
            for part in re.split(r",|\band\b|;", m.group("list")):
                n = _clean(part)
                if n and len(n.split()) <= 4:
                    names.add(n)
    return sorted(names, key=len, reverse=True)


def mark_services(sents: Sequence[Sent], names: Sequence[str]) -> None:
    """`ctx.service` from a heading that names a service."""
    for sent in sents:
        sent.ctx.service = heading_service(sent.ctx.heading, names)


def service_in(text: str, names: Sequence[str], pos: int) -> str | None:
    """The service name in `text` nearest before `pos` (else nearest after)."""
    hits = []
    for n in names:
        for m in re.finditer(rf"\b{re.escape(n)}\b", text):
            if not any(s <= m.start() < e for s, e, _ in hits):
                hits.append((m.start(), m.end(), n))
    if not hits:
        return None
    before = [h for h in hits if h[1] <= pos]
    if before:
        return max(before)[2]
    return min(hits)[2]


_FOR_BEFORE = recompile(r"\b(?:for|on|of|across)\s+(?:the\s+|both\s+the\s+|each\s+of\s+the\s+)?$")
_AND_BETWEEN = recompile(r"^\s*(?:,|,?\s*and|&|,?\s*as\s+well\s+as)\s+(?:the\s+)?$")


def services_after(text: str, names: Sequence[str], pos: int, stop: int) -> list[str]:
    """'99.9% uptime for the Core API and the Analytics Dashboard': the services a target
    is stated for, named right after it (before `stop`, the next target)."""
    hits: list[tuple[int, int, str]] = []
    for n in names:
        for m in re.finditer(rf"\b{re.escape(n)}\b", text[:stop]):
            if m.start() >= pos and not any(s <= m.start() < e for s, e, _ in hits):
                hits.append((m.start(), m.end(), n))
    hits.sort()
    if not hits or hits[0][0] - pos > 50 or not _FOR_BEFORE.search(text[pos : hits[0][0]]):
        return []
    out = [hits[0][2]]
    for (_s, end, _n), (start, _e, name) in zip(hits, hits[1:], strict=False):
        if not _AND_BETWEEN.match(text[end:start]):
            break
        out.append(name)
    return out


def assign_services(found: list[Found], sents: Sequence[Sent], names: Sequence[str]) -> None:
    """Give each sentence-level term the service its sentence names near the term; an
    availability target stated for several services becomes one term per service."""
    if not names:
        return
    by_start = {s.start: s for s in sents}
    extra: list[Found] = []
    for f in found:
        if "service" in f.attrs:
            continue
        sent = by_start.get(f.sent_start)
        if sent is None:
            continue
        listed = _listed_services(f, sent, names)
        if listed:
            f.attrs["service"] = listed[0]
            extra.extend(replace(f, attrs={**f.attrs, "service": n}) for n in listed[1:])
            continue
        name = service_in(sent.text, names, f.key - sent.start)
        if name:
            f.attrs["service"] = name
    found.extend(extra)


def _listed_services(f: Found, sent: Sent, names: Sequence[str]) -> list[str]:
    if f.kind != "availability":
        return []
    pcts = [q for q in sent.q("PERCENT")]
    key = next((q for q in pcts if q.start == f.key), None)
    if key is None:
        return []
    later = [q.start for q in pcts if q.start > key.start]
    stop = (later[0] if later else sent.end) - sent.start
    return services_after(sent.text, names, key.end - sent.start, stop)


_SECTION_WORDS = recompile(
    r"\b(?:availability|uptime|credits?|support|response|resolution|definitions?|exclusions?|"
    r"maintenance|levels?|terms?|general|hours|priorit\w*|severity|reporting|reports?|"
    r"reviews?|claims?|scope|overview|introduction|purpose|precedence|miscellaneous|"
    r"commitments?|agreement|schedule|exhibit|appendix|annex|targets?|metrics?|measurement|"
    r"remed\w*|obligations?|responsibilit\w*|fees|payment|termination|escalation|contacts?|"
    r"incidents?|procedures?|governance|sla|description|amendment|order|form|exceptions?|"
    r"calculation|chronic|failure|notices?|objectives?|standard|policy|times?|windows?|"
    r"customer|provider|parties|effective|date|limitations?|changes?|requests?|process|"
    r"service\s+credits?|how|what|when|why|our|your|the|and|of|for|to|in)\b",
    re.I,
)
_SLA_FOR = recompile(r"^(?:sla|service\s+level\s+agreement|service\s+levels?)\s+for\s+(?:the\s+)?",
                      re.I)  # fmt: skip


def _heading_name(heading: str) -> str | None:
    """'SLA for Azure Cosmos DB' -> 'Azure Cosmos DB'; 'Exchange Online' -> itself;
    'Service Credits' -> None."""
    name = _SLA_FOR.sub("", _NUMBERING.sub("", heading or "").strip(" .:-\u2013"))
    name = re.sub(r"\s+(?:SLA|Service\s+Level\s+Agreement|Service\s+Levels?)$", "", name)
    words = name.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    if _SECTION_WORDS.search(name):
        return None
    return name


def assign_heading_services(found: list[Found]) -> None:
    """In a document whose sections each name a service ('Exchange Online', 'SLA for
    Azure Cosmos DB') and hold their own targets, the terms take their section's service."""
    by_name: dict[str, list[Found]] = {}
    for f in found:
        if f.kind in ("availability", "credit_tier", "response_time", "resolution_time",
                      "maintenance_window") and f.attrs.get("service") is None:  # fmt: skip
            name = _heading_name(f.ctx.heading)
            if name:
                by_name.setdefault(name, []).append(f)
    targets = [n for n, fs in by_name.items() if any(f.kind == "availability" for f in fs)]
    if len(targets) < 2:
        return
    for name in targets:
        for f in by_name[name]:
            f.attrs["service"] = name
