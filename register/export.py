"""Confirmed entries of one customer and service -> the SLA definition (slareg.sla/1)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from register.models import SlaEntry

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def parse_days(days: str | None) -> list[int]:
    """'Mon-Fri' / 'Mon,Wed' / 'Sun' / 'daily' / '24x7' -> weekday indexes (Mon=0)."""
    if not days:
        return list(range(7))
    text = days.strip().lower()
    if text in ("daily", "every day", "all", "24x7", "mon-sun"):
        return list(range(7))
    out: list[int] = []
    for part in text.replace(" ", "").split(","):
        if "-" in part:
            a, b = (DAY_KEYS.index(p[:3]) for p in part.split("-", 1))
            out.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        elif part[:3] in DAY_KEYS:
            out.append(DAY_KEYS.index(part[:3]))
    return sorted(set(out)) or list(range(7))


def _calendar(entries: Sequence[SlaEntry]) -> dict[str, Any]:
    hours = [e for e in entries if e.kind == "service_hours"]
    if not hours:
        return {"time_zone": "UTC", "hours": "24x7", "holidays": None}
    a = hours[0].attrs
    tz = a.get("time_zone") or "UTC"
    start, end = a.get("start"), a.get("end")
    days = parse_days(a.get("days"))
    if not start or not end or (start == "00:00" and end in ("24:00", "23:59") and len(days) == 7):
        return {"time_zone": tz, "hours": "24x7", "holidays": None}
    return {
        "time_zone": tz,
        "hours": {DAY_KEYS[d]: [f"{start}-{end}"] for d in days},
        "holidays": None,
    }


def _maintenance(entry: SlaEntry, excluded: bool) -> dict[str, Any] | None:
    a = entry.attrs
    start, end = a.get("start"), a.get("end")
    if not start or not end:
        return None
    h1, m1 = (int(x) for x in start.split(":"))
    h2, m2 = (int(x) for x in end.split(":"))
    duration = (h2 * 60 + m2 - h1 * 60 - m1) % 1440 or 1440
    days = ",".join(RRULE_DAYS[d] for d in parse_days(a.get("days")))
    return {
        "rrule": f"FREQ=WEEKLY;BYDAY={days};BYHOUR={h1};BYMINUTE={m1}",
        "duration_minutes": duration,
        "time_zone": a.get("time_zone") or "UTC",
        "excluded": excluded,
        "notice_hours": a.get("notice_hours"),
    }


def _target(entry: SlaEntry) -> dict[str, Any] | None:
    a = entry.attrs
    if entry.kind == "availability":
        return {
            "kind": "availability",
            "percent": a.get("value"),
            "period": a.get("period") or "monthly",
            "clock": "calendar",
            "granularity_minutes": a.get("granularity_minutes"),
        }
    if entry.kind in ("response_time", "resolution_time") and a.get("minutes") is not None:
        return {
            "kind": entry.kind,
            "priority_rank": a.get("priority_rank"),
            "minutes": a.get("minutes"),
            "clock": "business" if a.get("business") else "calendar",
            # a contract that states no attainment share means every ticket must meet it
            "attainment_percent": a.get("attainment_percent") or 100,
        }
    return None


def _credit(entry: SlaEntry) -> dict[str, Any]:
    a = entry.attrs
    tier = {
        "metric": a.get("metric") or "availability",
        "lower": a.get("lower"),
        "upper": a.get("upper"),
        "credit_percent": a.get("credit_percent"),
    }
    if a.get("priority_rank") is not None:
        tier["priority_rank"] = a["priority_rank"]
    return tier


def clause_label(entry: SlaEntry) -> str | None:
    extraction = entry.document.extraction if entry.document else None
    for clause in (extraction or {}).get("clauses", []):
        if clause.get("id") == entry.clause:
            return clause.get("number") or clause.get("heading") or entry.clause
    return entry.clause


def sources_of(entries: Sequence[SlaEntry]) -> list[dict[str, Any]]:
    """Where each exported term was agreed: document hash, clause number, exact quote."""
    return [
        {"document": e.document.sha256, "clause": clause_label(e), "quote": e.quote}
        for e in entries
        if e.document is not None
    ]


def _first(entries: Sequence[SlaEntry], kind: str, key: str = "value") -> Any:
    return next((e.attrs.get(key) for e in entries if e.kind == kind), None)


def entries_to_sla(
    *,
    customer: str,
    service: str | None,
    entries: Sequence[SlaEntry],
    monthly_fee: float | None = None,
) -> dict[str, Any]:
    """The SLA definition of DESIGN.md from confirmed entries (missing parts are null)."""
    categories = {e.attrs.get("category") for e in entries if e.kind == "exclusion"}
    exclusions = sorted(c for c in categories if c)
    priorities = {
        str(e.attrs["priority"]): e.attrs["priority_rank"]
        for e in entries
        if e.kind in ("response_time", "resolution_time")
        and e.attrs.get("priority")
        and e.attrs.get("priority_rank")
    }
    maintenance = [
        m
        for e in entries
        if e.kind == "maintenance_window"
        if (m := _maintenance(e, "scheduled_maintenance" in exclusions))
    ]
    claim_unit = str(_first(entries, "claim_window", "unit") or "")
    froms = [e.effective_from for e in entries if e.effective_from]
    return {
        "schema": "slareg.sla/1",
        "customer": customer,
        "service": service,
        "effective_from": min(froms).isoformat() if froms else None,
        "effective_to": None,
        "sources": sources_of(entries),
        "calendar": _calendar(entries),
        "maintenance": maintenance,
        "exclusions": exclusions,
        "priorities": priorities,
        "targets": [t for e in entries if (t := _target(e))],
        "credits": [
            {
                "metric": e.attrs.get("metric") or "availability",
                "lower": e.attrs.get("lower"),
                "upper": e.attrs.get("upper"),
                "credit_percent": e.attrs.get("credit_percent"),
            }
            for e in entries
            if e.kind == "credit_tier"
        ],
        "credit_cap_percent": _first(entries, "credit_cap"),
        "claim_window_days": _first(entries, "claim_window") if claim_unit == "days" else None,
        "claim_window_billing_cycles": (
            _first(entries, "claim_window") if claim_unit.startswith("billing_cycle") else None
        ),
        "monthly_fee": monthly_fee,
        "review_interval": _first(entries, "review_interval"),
    }


def sla_yaml(sla: dict[str, Any]) -> str:
    return yaml.safe_dump(sla, sort_keys=False, allow_unicode=True)
