"""`document_facts(doc, clauses, name, sha256) -> DocumentInfo`: type, title, parties, date.

Rules over the title and the opening of the text; no model. The document type is decided
by the title first (an "Amendment No. 2 to the Master Services Agreement" is an
amendment), then by the opening text, then marketing cues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from extractor.types import Clause, DocumentInfo, ReadDocument

OPENING = 4000

# (doc_type, pattern) in priority order; the first that matches the title wins
_TYPE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amendment", re.compile(r"\b(amendment|variation agreement|change order)\b", re.I)),
    ("order_form", re.compile(r"\b(order form|order schedule|service order|quotation)\b", re.I)),
    ("sla", re.compile(r"\b((?i:service level|service commitment|uptime commitment)|SLA)\b")),
    ("support_policy", re.compile(r"\bsupport\b.*\b(policy|terms|guide|handbook|plan)\b", re.I)),
    (
        "msa",
        re.compile(
            r"\b(master (services |subscription |service )?agreement|terms of service|"
            r"customer agreement|subscription agreement|framework agreement|MSA)\b",
            re.I,
        ),
    ),
    (
        "msa",
        re.compile(
            r"\b(cloud|enterprise|general|standard|customer|subscription|services?|business)"
            r"\s+terms\b",
            re.I,
        ),
    ),
)
_SELF_REFERENCE = re.compile(r"\b[Tt]his\s+((?:[A-Z][\w-]*\s+){0,5}[A-Z][\w-]*)")
_CONTRACT_CUES = re.compile(r"\b(shall|hereby|hereto|herein|agreement|parties|policy)\b", re.I)
_MARKETING_CUES = re.compile(
    r"(talk to sales|free trial|get started|sign up|book a demo|contact sales|trusted by|"
    r"customers love|world[- ]class|industry[- ]leading|best[- ]in[- ]class|never have to|"
    r"pricing|why choose|!)",
    re.I,
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
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"]
)
_LEADING_NOISE = re.compile(r"^(?:(?:the|this|between|and|by|customer|provider|of)\s+)+", re.I)
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
    rf"(?P<iso>{_Y}-(?P<im>\d{{2}})-(?P<id>\d{{2}}))",
    rf"{_D}(?:\s+day\s+of)?\s+{_M},?\s+{_Y}",
    rf"{_M}\s+{_D},?\s+{_Y}",
)
_DATE = re.sub(r"\(\?P<\w+>", "(?:", "|".join(f"(?:{form})" for form in _DATE_FORMS))
# strongest first; "dated" is left out: it usually names the date of another document
_EFFECTIVE_CUES = (
    r"effective\s+date\b[^\n\d]{0,40}?",
    r"(?:effective|takes\s+effect|take\s+effect|with\s+effect)\s+(?:as\s+of|from|on)\s+(?:the\s+)?",
    r"effective\s+",
    r"(?:start|commencement)\s+date\b[^\n\d]{0,20}?",
    r"(?:applies|apply|commences?|begins?)\s+(?:from|on)\s+",
    r"(?:made|entered\s+into|issued|published)\s*(?:as\s+of|on|:)?\s+",
    r"(?:date|last\s+updated)\s*:\s*",
)
_DEFINED_DATE = r"\s*\(\s*(?:the\s+)?[\"\u201c]?effective\s+date"


def document_facts(
    doc: ReadDocument, clauses: Sequence[Clause], name: str, sha256: str
) -> DocumentInfo:
    title = _title(doc, clauses)
    opening = doc.text[:OPENING]
    return DocumentInfo(
        name=name,
        sha256=sha256,
        media_type=doc.media_type,
        doc_type=classify(title, opening, doc.media_type),
        title=title,
        parties=tuple(find_parties(opening)),
        effective_date=find_effective_date(opening),
        pages=len(doc.pages) or 1,
    )


def _title(doc: ReadDocument, clauses: Sequence[Clause]) -> str | None:
    title = (doc.title or "").strip()
    if title and title.lower() not in ("untitled", "untitled document", "document"):
        return tidy_title(re.sub(r"^Microsoft Word - ", "", title))
    candidates = [c.heading for c in clauses[:4] if c.heading]
    candidates += [line.strip() for line in doc.text.splitlines()[:10] if line.strip()]
    for candidate in candidates:
        if not _is_letterhead(candidate):
            return tidy_title(candidate)
    return tidy_title(candidates[0]) if candidates else None


def tidy_title(title: str) -> str:
    """Drop a company name joined with " - " and give an ALL-CAPS title title case."""
    parts = [p.strip() for p in re.split(r"\s+[-\u2013\u2014|]\s+", title) if p.strip()]
    if len(parts) > 1:
        kept = [p for p in parts if not _is_letterhead(p)]
        title = " - ".join(kept or parts)
    if title.isupper():
        title = " ".join(_title_word(w, i) for i, w in enumerate(title.split()))
    return title[:200]


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
    match = _COMPANY.fullmatch(line.strip().rstrip("."))
    return match is not None or bool(re.fullmatch(r"[A-Z][\w ]{0,40} " + _SUFFIX, line, re.I))


def classify(title: str | None, opening: str, media_type: str = "") -> str:
    """One of DOC_TYPES: the title decides, then the opening text, then marketing cues."""
    for doc_type, pattern in _TYPE_RULES:
        if pattern.search(title or ""):
            return doc_type
    contract = len(_CONTRACT_CUES.findall(opening))
    marketing = len(_MARKETING_CUES.findall(opening))
    if (marketing >= 2 and marketing > contract) or (media_type == "text/html" and not contract):
        return "marketing"
    # the document naming itself: "This Order Form …", "This Master Services Agreement …"
    for match in _SELF_REFERENCE.finditer(opening[:1500]):
        for doc_type, pattern in _TYPE_RULES:
            if pattern.search(match.group(1)):
                return doc_type
    return "other"


def _clean_party(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" .,:;\"'\u201c\u201d")
    name = _LEADING_NOISE.sub("", name).strip()
    if len(name) < 2 or len(name) > 80 or not name[0].isupper():
        return None
    if name.isupper() and len(name.split()) > 1:  # NORTHWIND CLOUD LTD
        name = " ".join(w if len(w) <= 2 else _capitalize(w) for w in name.split())
    return name


def find_parties(opening: str) -> list[str]:
    """Party names: labelled lines first ("Customer: Acme Inc"), then names with a legal suffix."""
    found: list[str] = []
    labelled = list(_LABELLED.finditer(opening))
    providers = ("provider", "supplier", "vendor", "licensor")
    labelled.sort(key=lambda m: not m.group().strip().lower().startswith(providers))
    candidates = [m.group("name") for m in labelled]
    candidates += [
        m.group("name")
        for m in _COMPANY.finditer(opening)
        if m.group("name").split()[-1][0].isupper()
    ]  # "Acme Corporation", not "a Delaware corporation"
    for candidate in candidates:
        party = _clean_party(candidate)
        if party is None:
            continue
        low = party.lower()
        if any(low in f.lower() or f.lower() in low for f in found):
            continue
        found.append(party)
    return found[:4]


def _to_iso(match: re.Match[str]) -> str | None:
    try:
        if match.groupdict().get("iso"):
            day = date(int(match.group("y")), int(match.group("im")), int(match.group("id")))
        else:
            month = _MONTHS[match.group("m")[:3].lower()]
            day = date(int(match.group("y")), month, int(match.group("d")))
    except (ValueError, KeyError, TypeError):
        return None
    return day.isoformat()


def find_effective_date(opening: str) -> str | None:
    """The effective date (ISO) named near an "effective"/"dated" cue, if any."""
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
