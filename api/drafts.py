"""Backtest drafts in DOCX/PDF/TXT/MD/HTML: extract the terms, build the SLA definition."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.pipeline import extract_path
from measurement.errors import DraftFormatError
from measurement.sla import SLA, sla_from_dict
from register.export import entries_to_sla

SUFFIXES = (".docx", ".pdf", ".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class DraftEntry:
    """A proposed term of a draft, shaped like a register entry for the SLA export."""

    kind: str
    attrs: dict[str, Any] = field(default_factory=dict)
    clause: str | None = None
    quote: str | None = None
    effective_from: dt.date | None = None
    document: Any = None


def draft_to_sla(path: Path, service: str | None = None) -> SLA:
    """The SLA a draft would agree: its terms for one service (the most named one)."""
    extraction = extract_path(path)
    terms = [t.to_dict() for t in extraction.terms]
    named = Counter(t.get("service") for t in terms if t.get("service"))
    if not (service or named):
        raise DraftFormatError(
            f"{path.name}: the draft names no service for its terms, so there is no data to "
            "backtest against; name the service in a heading or the scope clause"
        )
    chosen = service or named.most_common(1)[0][0]
    entries = [
        DraftEntry(
            t["kind"],
            {k: v for k, v in t.items() if k not in ("kind", "span")},
            t.get("clause"),
            t.get("quote"),
        )
        for t in terms
        if not t.get("service") or t.get("service") == chosen
    ]
    parties = extraction.document.parties
    customer = parties[-1] if parties else "Draft customer"
    data = entries_to_sla(customer=customer, service=chosen, entries=entries)  # type: ignore[arg-type]
    return sla_from_dict(data, f"{path.name} (extracted draft)")


def load_any_draft(path: Path) -> SLA:
    """Loader for `measurement.backtest.load_draft`: documents go through the extractor."""
    if path.suffix.lower() not in SUFFIXES:
        raise DraftFormatError(f"{path}: a draft must be .sla.yaml or one of {', '.join(SUFFIXES)}")
    return draft_to_sla(path)
