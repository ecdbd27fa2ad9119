"""The Finding record and the findings report ("slareg.findings/1", shared/DESIGN.md).

Everything here is immutable; `FindingsReport.to_dict()` is the only place the JSON
shape is produced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from extractor.types import DocumentInfo, Span

SCHEMA = "slareg.findings/1"

CATEGORIES = ("missing", "unmeasurable", "inconsistent", "deviation", "conflict")
SEVERITIES = ("error", "warning", "info")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding points at: (document, span, quote)."""

    document: str
    span: Span | None
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "span": self.span.to_dict() if self.span else None,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a document. `span` is None for document-level findings
    (an element that is absent has no text to point at); then `quote` is ""."""

    rule: str
    category: str
    severity: str
    message: str
    document: str
    span: Span | None = None
    quote: str = ""
    related: tuple[Related, ...] = ()
    suggestion: str | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown finding severity {self.severity!r}")
        object.__setattr__(self, "related", tuple(self.related))

    def sort_key(self) -> tuple[str, int, int, str]:
        start = self.span.start if self.span else -1
        return (self.document, start, SEVERITY_ORDER[self.severity], self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "document": self.document,
            "span": self.span.to_dict() if self.span else None,
            "quote": self.quote,
            "related": [r.to_dict() for r in self.related],
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class FindingsReport:
    documents: tuple[DocumentInfo, ...]
    findings: tuple[Finding, ...] = field(default=())

    @classmethod
    def build(
        cls, documents: Sequence[DocumentInfo], findings: Sequence[Finding]
    ) -> FindingsReport:
        unique = list(dict.fromkeys(findings))
        return cls(tuple(documents), tuple(sorted(unique, key=Finding.sort_key)))

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "documents": [d.to_dict() for d in self.documents],
            "findings": [f.to_dict() for f in self.findings],
        }
