"""`document_facts(doc, clauses, name, sha256) -> DocumentInfo`: type, title, parties, date.

Rules over the title and the opening of the text; no model. The document type is decided
by the title first (an "Amendment No. 2 to the Master Services Agreement" is an
amendment, a Master Services Agreement that mentions order forms is still an MSA), then
by the document naming itself ("This Support Policy …"), then by marketing cues, then by
a weak title word ("support"). Marketing pages have no effective date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from extractor.types import Clause, DocumentInfo, ReadDocument

OPENING = 4000

_I = re.I
_AMENDMENT = re.compile(
    r"\b(amendment|variation agreement|deed of variation|contract variation|change order|"
    r"amending agreement)\b",
    _I,
)
_ADDENDUM = re.compile(r"\b(addendum|rider|supplement)\b", _I)
_AMENDING = re.compile(
    r"\b(hereby amend|amends|(?:is|are) (?:hereby )?amended|deleted and replaced|"
    r"(?:this|the) (?:addendum|rider|supplement)\b[^.]{0,80}?\b(?:prevails?|governs?|controls?)\b|"
    r"adds?\b[^.]{0,60}?\bto (?:the |customer's |your )?(?:agreement|subscription|contract))",
    _I,
)
_ORDER_FORM = re.compile(
    r"\b(order forms?|order schedule|service order|sales order|order confirmation|quotation|"
    r"purchase order)\b",
    _I,
)
_MARKETING_TITLE = re.compile(
    r"\b(pricing|prices|data ?sheet|brochure|FAQs?|frequently asked questions|why choose|"
    r"solution brief|product overview|customer stor(?:y|ies)|case study)\b",
    _I,
)
# the type phrase; the leftmost of these in a title wins ("Support Plans and Service Level
# Targets" is a support policy, "Helpdesk Support Service Level Agreement" an SLA)
_TITLE_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "sla",
        re.compile(
            r"\b((?i:service[ -]levels?|service commitments?|uptime commitments?|"
            r"(?:uptime|availability|service|performance) (?:guarantees?|targets?|objectives?)|"
            r"uptime\b.{0,40}\bcommitments?)|SLAs?|SLOs?|KPIs?)\b"
        ),
    ),
    (
        "support_policy",
        re.compile(
            r"\b(?:support|help ?desk|service desk)(?:\s+[\w-]+){0,2}?\s+(?:polic(?:y|ies)|terms|"
            r"guides?|guidelines|handbook|plans?|description|services? description|offerings?|"
            r"playbook|procedures?|process|commitments?)\b",
            _I,
        ),
    ),
)
_MSA = re.compile(
    r"\b(master (?:services |subscription |service |cloud )?agreement|terms of (?:service|use)|"
    r"customer agreement|subscription agreement|framework agreement|services agreement|"
    r"licen[cs]e agreement|terms and conditions|MSA)\b",
    _I,
)
_MSA_WEAK = re.compile(
    r"\b(cloud|enterprise|general|standard|customer|subscription|services?|business|platform)"
    r"\s+terms\b",
    _I,
)
_SUPPORT_WORD = re.compile(r"\b(support|help ?desk|service desk|tickets?|cases)\b", _I)
# topics of an agreement body, as opposed to a service level document
_AGREEMENT_TOPICS = (
    r"payable|payment|invoic\w*",
    r"liabilit\w*",
    r"indemn\w*",
    r"governing law|jurisdiction",
    r"confidential\w*",
    r"terminat\w*",
    r"intellectual property",
    r"warrant(?:y|ies)",
)
_SERVICE_LEVEL_CONTENT = re.compile(
    r"\b(service levels?|uptime|availability|service credits?|response times?)\b", _I
)
_SELF_REFERENCE = re.compile(r"\b(?:[Tt]his|[Tt]hese)\s+((?:[A-Z][\w-]*\s+){0,5}[A-Z][\w-]*)")
_CONTRACT_CUES = re.compile(r"\b(shall|hereby|hereto|herein|agreement|parties|policy)\b", _I)
_MARKETING_CUES = re.compile(
    r"(talk to sales|free trial|get started|sign up|book a demo|contact (?:sales|us)\b|"
    r"trusted by|customers love|world[- ]class|industry[- ]leading|best[- ]in[- ]class|"
    r"never have to|pricing|why choose|start free|you can count on|builds? for|"
    r"here is what|frequently asked questions|[$\u00a3\u20ac]\s?\d[\d,.]*\s*/\s*mo|!)",
    _I,
)
_SUFFIX = (
    r"(?:Ltd|Limited|Inc|Incorporated|LLC|L\.L\.C\.|LLP|plc|PLC|Corporation|Corp|GmbH|AG|"
    r"S\.A\.|SA|SAS|B\.V\.|BV|N\.V\.|Pty Ltd|Co\.|Company|SE|AB|Oy|KK)"
)
_COMPANY = re.compile(r"\b(?P<name>(?:[A-Z][\w&'\-]*[ \t]+){1,5}(?i:" + _SUFFIX + r"))(?![\w])\.?")
_LABELLED = re.compile(
    r"(?:^|(?<=[\u00b7|;]))[ \t]*"
    r"(?:between|and|customer|provider|supplier|vendor|client|licensor|licensee)"
    r"(?:[ \t]+name)?[ \t]*:[ \t]*(?P<name>[A-Z][^\n(\u00b7|;,]{1,80})",
    re.I | re.M,
)
_PROVIDER_ROLE = r"(?:provider|supplier|vendor|licensor|contractor)"
_CUSTOMER_ROLE = r"(?:customer|client|buyer|purchaser|licensee|subscriber)"
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"]
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:the|this|these|between|and|by|customer|provider|supplier|of|while|whereas|if|"
    r"when|where|with|from|for|under|published|issued|copyright|our|at)\s+)+",
    re.I,
)
_NOT_A_TITLE = re.compile(
    r"^(?:confidential|draft|page \d+.*|version [\d.]+|v[\d.]+|\d+|[\W_]+)$", re.I
)
_NUMBERED_LINE = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|\([a-z0-9]+\))\s+\S")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_D = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_M = r"(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_Y = r"(?P<y>(?:19|20)\d{2})"
_DATE_FORMS = (
    rf"(?P<iso>{_Y}[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}}))(?![\d/.-]\d)",
    rf"{_D}(?:\s+day)?(?:\s+of)?[\s-]+{_M}[\s,-]+{_Y}",
    rf"{_M}\s+{_D},?\s+{_Y}",
    # 01/03/2026: kept only when day and month cannot be confused (see _numeric_date)
    rf"(?P<n1>\d{{1,2}})[/.](?P<n2>\d{{1,2}})[/.]{_Y}",
)
_DATE = re.sub(r"\(\?P<\w+>", "(?:", "|".join(f"(?:{form})" for form in _DATE_FORMS))
# strongest first; "dated" is left out: it usually names the date of another document
_EFFECTIVE_CUES = (
    r"effective\s+date\b[^\n\d]{0,40}?",
    r"(?:effective|takes?\s+effect|with\s+effect|in\s+force|valid)\s+(?:as\s+of|from|on)\s*:?\s+"
    r"(?:the\s+)?",
    r"effective\s*[:\-\u2013]?\s*",
    r"(?:start|commencement)\s+date\b[^\n\d]{0,20}?",
    r"(?:applies|apply|commences?|begins?)\s+(?:from|on|as\s+of)\s+",
    r"(?:made|entered\s+into|issued|published|released)\b(?:[^\n.\d]{0,60}?\b(?:as\s+of|on))?"
    r"\s*:?\s*",
    r"\bdate(?:\s+of\s+this\s+[\w ]{1,30}?)?\s*:\s*",
    r"last\s+(?:updated|revised|modified|reviewed)\s*(?:on\b|:)?\s*",
)
_DEFINED_DATE = r"\s*\(\s*(?:the\s+)?[\"\u201c]?effective\s+date"


def document_facts(
    doc: ReadDocument, clauses: Sequence[Clause], name: str, sha256: str
) -> DocumentInfo:
    title = _title(doc, clauses)
    opening = doc.text[:OPENING]
    doc_type = classify(title, opening, doc.media_type)
    return DocumentInfo(
        name=name,
        sha256=sha256,
        media_type=doc.media_type,
        doc_type=doc_type,
        title=title,
        parties=tuple(find_parties(opening)),
        effective_date=None if doc_type == "marketing" else find_effective_date(opening),
        pages=len(doc.pages) or 1,
    )


def _title(doc: ReadDocument, clauses: Sequence[Clause]) -> str | None:
    title = (doc.title or "").strip()
    if title and title.lower() not in ("untitled", "untitled document", "document"):
        return tidy_title(re.sub(r"^Microsoft Word - ", "", title))
    lines = [line.strip() for line in doc.text.splitlines()[:12] if line.strip()]
    for line in lines:
        if _NUMBERED_LINE.match(line) or len(line) > 150:
            break  # the body has started
        if not _is_letterhead(line) and not _NOT_A_TITLE.match(line):
            return tidy_title(line)
    candidates = [c.heading for c in clauses[:4] if c.heading] + lines
    return tidy_title(candidates[0]) if candidates else None


def tidy_title(title: str) -> str:
    """Drop a company name joined with " - " and give an ALL-CAPS title title case."""
    title = _repair_mojibake(title)
    parts = re.split(r"(\s+[-\u2013\u2014|]\s+)", title)
    names, separators = parts[::2], parts[1::2]
    kept = [i for i, part in enumerate(names) if part.strip() and not _is_letterhead(part)]
    if len(names) > 1 and kept:
        title = names[kept[0]].strip()
        for i in kept[1:]:
            title += separators[i - 1] + names[i].strip()
    title = title.strip()
    if title.isupper():
        title = " ".join(_title_word(w, i) for i, w in enumerate(title.split()))
    return title[:200]


def _repair_mojibake(text: str) -> str:
    """UTF-8 read as Latin-1 ("\u00e2\u0080\u0093" for an en dash) back to what was meant."""
    if not re.search("[\u00c2-\u00f4][\u0080-\u00bf]", text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def _title_word(word: str, index: int) -> str:
    bare = word.strip("()[],.:;").lower()
    if len(bare) == 1:
        return word  # SCHEDULE A
    if index and bare in _SMALL_WORDS:
        return word.lower()
    if len(bare) <= 3 and bare.isalpha() and bare not in ("no", "one", "two", "six", "ten"):
        return word  # an acronym: SLA, API, UK
    return _capitalize(word)


def _capitalize(word: str) -> str:
    out, seen = [], False
    for char in word:
        out.append(char.lower() if seen else char.upper())
        seen = seen or char.isalpha()
    return "".join(out)


def _is_letterhead(line: str) -> bool:
    """A line that is only a company name (a letterhead), not the document's title."""
    line = line.strip().strip("*_").rstrip(".")
    match = _COMPANY.fullmatch(line)
    return match is not None or bool(re.fullmatch(r"[A-Z][\w ]{0,40} " + _SUFFIX, line, re.I))


def classify(title: str | None, opening: str, media_type: str = "") -> str:
    """One of DOC_TYPES: the title decides, then the document naming itself, then cues."""
    decided = type_from_name(title or "", opening)
    if decided:
        return decided
    # the document naming itself: "This Order Form …", "These Enterprise Support Terms …"
    for match in _SELF_REFERENCE.finditer(opening[:1500]):
        decided = type_from_name(match.group(1), opening, marketing=False)
        if decided:
            return decided
    if _looks_like_marketing(opening, media_type):
        return "marketing"
    if _SUPPORT_WORD.search(title or ""):
        return "support_policy"  # "How Acme Support Prioritises Your Tickets"
    return "other"


def type_from_name(name: str, opening: str = "", *, marketing: bool = True) -> str | None:
    """The doc type a title (or a self-reference) names, strongest evidence first."""
    if _AMENDMENT.search(name) or (_ADDENDUM.search(name) and _changes_service_levels(opening)):
        return "amendment"
    if _ORDER_FORM.search(name):
        return "order_form"
    if marketing and _MARKETING_TITLE.search(name):
        return "marketing"
    found = [(m.start(), doc_type) for doc_type, p in _TITLE_PHRASES for m in [p.search(name)] if m]
    if found:
        return min(found)[1]
    if _MSA.search(name):
        return "msa"
    if _MSA_WEAK.search(name):
        # "Cloud Backup Service Terms" with only service levels and credits is an SLA
        if not _agreement_topics(opening) and _SERVICE_LEVEL_CONTENT.search(opening):
            return "sla"
        return "msa"
    return None


def _changes_service_levels(opening: str) -> bool:
    """An addendum that changes the agreement's service levels (not a data protection one)."""
    return bool(_AMENDING.search(opening) and _SERVICE_LEVEL_CONTENT.search(opening))


def _agreement_topics(text: str) -> int:
    return sum(1 for topic in _AGREEMENT_TOPICS if re.search(rf"\b(?:{topic})\b", text, _I))


def _looks_like_marketing(opening: str, media_type: str) -> bool:
    contract = len(_CONTRACT_CUES.findall(opening))
    marketing = len(_MARKETING_CUES.findall(opening))
    if marketing >= 2 and marketing > contract:
        return True
    # a web page with neither contract language nor a date of effect or issue
    web_page = media_type in ("text/html", "text/markdown") or marketing > 0
    return web_page and not contract and find_effective_date(opening) is None


def _clean_party(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" .,:;\"'\u201c\u201d")
    name = _LEADING_NOISE.sub("", name).strip()
    if len(name) < 2 or len(name) > 80 or not name[0].isupper():
        return None
    if name.isupper() and len(name.split()) > 1:  # NORTHWIND CLOUD LTD
        name = " ".join(w if len(w) <= 2 else _capitalize(w) for w in name.split())
    return name


def find_parties(opening: str) -> list[str]:
    """Party names, the provider first: labelled lines ("Customer: Acme Inc"), then names
    with a legal suffix; a role given in brackets (X ("Supplier")) or "placed by X" decides
    who is the provider, otherwise the first party named that is not the customer."""
    opening = re.sub(r"[*_`]+", " ", opening)  # Markdown emphasis: _Northwind Cloud Ltd_
    candidates = [(m.group("name"), _label_role(m.group())) for m in _LABELLED.finditer(opening)]
    candidates += [
        (m.group("name"), _role_near(opening, m.start(), m.end()))
        for m in _COMPANY.finditer(opening)
        if m.group("name").split()[-1][0].isupper()
    ]  # "Acme Corporation", not "a Delaware corporation"
    found: list[tuple[str, str | None]] = []
    for candidate, role in candidates:
        party = _clean_party(candidate)
        if party is None:
            continue
        low = party.lower()
        if any(low in f.lower() or f.lower() in low for f, _ in found):
            continue
        found.append((party, role))
    provider = next((i for i, (_, role) in enumerate(found) if role == "provider"), None)
    if provider is None:
        provider = next((i for i, (_, role) in enumerate(found) if role != "customer"), 0)
    names = [party for party, _ in found]
    if names:
        names.insert(0, names.pop(provider))
    return names[:4]


def _label_role(label: str) -> str | None:
    return _role_of(label.strip().split()[0].rstrip(":"))


def _role_of(word: str) -> str | None:
    word = re.sub(r"^service ", "", word.strip().lower())
    if re.fullmatch(_PROVIDER_ROLE, word):
        return "provider"
    return "customer" if re.fullmatch(_CUSTOMER_ROLE, word) else None


def _role_near(text: str, start: int, end: int) -> str | None:
    """ "X ("Supplier")", "X, the Customer" after the name; "placed by X" before it."""
    after = re.match(r"\s*,?\s*\(?\s*(?:the |as )?[\"\u201c]?([A-Za-z ]{2,20})", text[end:])
    if after and _role_of(after.group(1)):
        return _role_of(after.group(1))
    placed = re.search(r"\b(?:placed|ordered|purchased|procured|signed) by\s*$", text[:start], _I)
    return "customer" if placed else None


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    try:
        if groups.get("iso"):
            day = date(int(match.group("y")), int(match.group("im")), int(match.group("id")))
        elif groups.get("n1"):
            return _numeric_date(int(groups["n1"]), int(groups["n2"]), int(groups["y"]))
        else:
            month = _MONTHS[match.group("m")[:3].lower()]
            day = date(int(match.group("y")), month, int(match.group("d")))
    except (ValueError, KeyError, TypeError):
        return None
    return day.isoformat()


def _numeric_date(first: int, second: int, year: int) -> str | None:
    """01/03/2026 is ambiguous (1 March or 3 January); 25/03/2026 and 03/25/2026 are not."""
    if first == second or (first > 12 >= second):
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None
    return date(year, month, day).isoformat()


def find_effective_date(opening: str) -> str | None:
    """The effective date (ISO) named near an "effective"/"issued"/"last updated" cue, if any.

    Cues are tried strongest first, so an effective date wins over an issue or
    "last updated" date wherever they stand; a date of another document ("the Agreement
    dated …") is not a cue.
    """
    patterns = [f"(?P<date>{_DATE}){_DEFINED_DATE}"]
    patterns += [f"{cue}(?P<date>{_DATE})" for cue in _EFFECTIVE_CUES]
    for pattern in patterns:
        for match in re.finditer(pattern, opening, re.I):
            iso = _date_from(match.group("date"))
            if iso:
                return iso
    return None


def _date_from(text: str) -> str | None:
    for form in _DATE_FORMS:
        match = re.fullmatch(form, text.strip(), re.I)
        if match:
            return _to_iso(match)
    return None
