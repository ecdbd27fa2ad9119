"""The Extraction record and the values the pipeline passes between its stages.

Everything here is immutable. The JSON shape is fixed by shared/DESIGN.md
("slareg.extraction/1"); `Extraction.to_dict()` is the only place it is produced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

SCHEMA = "slareg.extraction/1"

DOC_TYPES = ("msa", "order_form", "amendment", "sla", "support_policy", "marketing", "other")

TERM_KINDS = (
    "availability",
    "response_time",
    "resolution_time",
    "credit_tier",
    "credit_cap",
    "claim_window",
    "measurement_period",
    "service_hours",
    "maintenance_window",
    "exclusion",
    "review_interval",
    "reporting",
    "precedence",
)

EXCLUSION_CATEGORIES = (
    "scheduled_maintenance",
    "force_majeure",
    "customer_caused",
    "third_party",
    "suspension",
    "beta_or_free",
    "internet_or_network_outside_provider",
    "other",
)

# minutes per unit, as DESIGN.md fixes them
UNIT_MINUTES = {
    "minutes": 1,
    "hours": 60,
    "days": 1440,
    "business_hours": 60,
    "business_days": 1440,
}


@dataclass(frozen=True, slots=True)
class Span:
    """A character range [start, end) of the document's plain text, on `page` (1-based)."""

    page: int
    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"page": self.page, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Table:
    """A table as the reader found it: rows of cell strings, and where its text sits."""

    rows: tuple[tuple[str, ...], ...]
    span: Span


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """What a reader yields: one plain text, page boundaries, tables, and notes.

    `pages[i]` is the (start, end) range of page i+1 in `text`. Table rows appear in
    `text` as lines with cells joined by " | ".
    """

    text: str
    pages: tuple[tuple[int, int], ...]
    media_type: str
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()
    title: str | None = None
    # heading hints from formats that carry structure (DOCX styles, HTML <h1..h6>):
    # (start, end, level) ranges of `text` that are headings
    headings: tuple[tuple[int, int, int], ...] = ()

    def page_of(self, offset: int) -> int:
        """The 1-based page that holds character `offset`."""
        for i, (start, end) in enumerate(self.pages):
            if start <= offset < end:
                return i + 1
        return len(self.pages) if self.pages else 1


@dataclass(frozen=True, slots=True)
class Clause:
    id: str
    number: str | None
    heading: str | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "heading": self.heading,
            "span": self.span.to_dict(),
        }


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class Term:
    """One typed SLA term.

    `attrs` holds the kind-specific fields of DESIGN.md (value, unit, minutes, priority,
    priority_rank, lower, upper, credit_percent, days, start, end, time_zone, category,
    order, service, amends …) exactly as they appear in JSON.
    """

    kind: str
    attrs: Mapping[str, Any]
    span: Span
    quote: str
    clause: str | None = None
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if self.kind not in TERM_KINDS:
            raise ValueError(f"unknown term kind {self.kind!r}")
        object.__setattr__(self, "attrs", _frozen(self.attrs))

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        out.update(self.attrs)
        out["clause"] = self.clause
        out["span"] = self.span.to_dict()
        out["quote"] = self.quote
        out["confidence"] = round(self.confidence, 3)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Term:
        reserved = {"kind", "clause", "span", "quote", "confidence"}
        span = data.get("span") or {"page": 1, "start": 0, "end": 0}
        return cls(
            kind=data["kind"],
            attrs={k: v for k, v in data.items() if k not in reserved},
            span=Span(int(span["page"]), int(span["start"]), int(span["end"])),
            quote=data.get("quote", ""),
            clause=data.get("clause"),
            confidence=float(data.get("confidence", 1.0)),
        )


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    name: str
    sha256: str
    media_type: str
    doc_type: str = "other"
    title: str | None = None
    parties: tuple[str, ...] = ()
    effective_date: str | None = None  # ISO date
    pages: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "media_type": self.media_type,
            "doc_type": self.doc_type,
            "title": self.title,
            "parties": list(self.parties),
            "effective_date": self.effective_date,
            "pages": self.pages,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    document: DocumentInfo
    text: str
    clauses: tuple[Clause, ...] = ()
    terms: tuple[Term, ...] = ()
    definitions: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "definitions", _frozen(self.definitions))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: str | None = None) -> Extraction:
        """Rebuild a record from its JSON (`text` when the JSON was made without it)."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} record (schema {data.get('schema')!r})")
        d = data["document"]
        info = DocumentInfo(
            name=d["name"], sha256=d["sha256"], media_type=d["media_type"],
            doc_type=d.get("doc_type") or "other", title=d.get("title"),
            parties=tuple(d.get("parties") or ()), effective_date=d.get("effective_date"),
            pages=int(d.get("pages") or 1),
        )
        clauses = tuple(
            Clause(c["id"], c.get("number"), c.get("heading"), Span(**c["span"]))
            for c in data.get("clauses", ())
        )
        return cls(
            document=info, text=text if text is not None else data.get("text", ""),
            clauses=clauses, terms=tuple(Term.from_dict(t) for t in data.get("terms", ())),
            definitions=dict(data.get("definitions") or {}), notes=tuple(data.get("notes") or ()),
        )

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "document": self.document.to_dict(),
            "clauses": [c.to_dict() for c in self.clauses],
            "terms": [t.to_dict() for t in self.terms],
        }
        if self.definitions:
            out["definitions"] = dict(self.definitions)
        if self.notes:
            out["notes"] = list(self.notes)
        if with_text:
            out["text"] = self.text
        return out
