"""Pydantic read/write schemas, shared by api/ and review_ui/."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


def describe(kind: str, attrs: dict[str, Any]) -> str:
    """A short human reading of a term's values, e.g. 'P1 ≤ 60 min (business)'."""
    a = attrs
    if kind == "availability":
        return f"{a.get('value')}% {a.get('period') or ''}".strip()
    if kind in ("response_time", "resolution_time"):
        clock = "business" if a.get("business") else "calendar"
        prio = a.get("priority") or f"rank {a.get('priority_rank')}"
        att = f", {a['attainment_percent']}% of tickets" if a.get("attainment_percent") else ""
        return f"{prio}: {a.get('value')} {a.get('unit')} ({clock}{att})"
    if kind == "credit_tier":
        lo = "" if a.get("lower") is None else f"{a['lower']} ≤ "
        hi = "" if a.get("upper") is None else f" < {a['upper']}"
        return f"{lo}{a.get('metric') or 'actual'}{hi} → {a.get('credit_percent')}%"
    if kind in ("service_hours", "maintenance_window"):
        notice = f", {a['notice_hours']}h notice" if a.get("notice_hours") else ""
        return f"{a.get('days')} {a.get('start')}-{a.get('end')} {a.get('time_zone') or ''}{notice}"
    if kind == "exclusion":
        return str(a.get("category"))
    if kind == "precedence":
        return " > ".join(a.get("order") or [])
    unit = f" {a['unit']}" if a.get("unit") else ""
    return f"{a.get('value')}{unit}"


class ORM(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class UserRead(ORM):
    id: int
    name: str
    role: str
    active: bool


class UserCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    role: str


class DocumentRead(ORM):
    id: int
    sha256: str
    file_name: str
    media_type: str
    doc_type: str
    customer_id: int | None
    title: str | None
    effective_date: dt.date | None
    status: str
    amends_id: int | None
    supersedes_id: int | None
    ingested_at: dt.datetime


class EntryRead(ORM):
    id: int
    lineage: str
    version: int
    kind: str
    attrs: dict[str, Any]
    customer_id: int | None
    service_id: int | None
    document_id: int | None
    clause: str | None
    span_page: int | None
    span_start: int | None
    span_end: int | None
    quote: str | None
    confidence: float | None
    status: str
    confirmed_by_id: int | None
    confirmed_at: dt.datetime | None
    effective_from: dt.date | None
    effective_to: dt.date | None
    supersedes_id: int | None
    row_version: int


class EntryConfirm(BaseModel):
    expected_version: int | None = None
    edits: dict[str, Any] | None = None


class EntryReject(BaseModel):
    expected_version: int | None = None
    reason: str | None = None


class FindingRead(ORM):
    id: int
    rule: str
    category: str
    severity: str
    message: str
    suggestion: str | None
    customer_id: int | None
    document_id: int | None
    span: dict[str, Any] | None
    quote: str | None
    status: str
    resolution_note: str | None
    row_version: int


class FindingResolve(BaseModel):
    note: str = Field(min_length=1)
    waive: bool = False
    expected_version: int | None = None
