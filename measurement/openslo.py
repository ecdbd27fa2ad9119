"""Export an SLA's targets as OpenSLO v1 `SLO` documents (multi-document YAML).

- availability -> Timeslices budgeting: a slice (granularity, default 1 minute) is good
  only when fully up (timeSliceTarget 1), objective target = percent / 100;
- response/resolution time -> Occurrences budgeting: good = tickets of the rank within the
  minutes, total = tickets of the rank, target = attainment / 100;
- time window: calendar-aligned (1M / 1Q / 1Y) starting at effective_from (or 2000-01-01)
  in the calendar's zone. What OpenSLO cannot say (business clock, holidays, maintenance,
  exclusions) goes into annotations, with the register id when a mapping is given.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from measurement.sla import SLA, AvailabilityTarget, TicketTarget

API_VERSION = "openslo/v1"
_DURATION = {"monthly": "1M", "quarterly": "1Q", "yearly": "1Y"}


def slug(*parts: str) -> str:
    text = "-".join(parts).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:63].rstrip("-") or "slo"


def target_key(target: AvailabilityTarget | TicketTarget) -> str:
    """Stable key of a target inside its SLA: 'availability', 'response_time:p1' …"""
    if isinstance(target, AvailabilityTarget):
        return "availability"
    return f"{target.kind}:p{target.priority_rank}"


def _metric(query: str) -> dict[str, Any]:
    return {"metricSource": {"type": "slareg", "spec": {"query": query}}}


def _annotations(
    sla: SLA, target: AvailabilityTarget | TicketTarget, register_ids: dict[str, str]
) -> dict[str, str]:
    cal = sla.calendar
    notes = {
        "slareg.io/customer": sla.customer,
        "slareg.io/service": sla.service,
        "slareg.io/target": target_key(target),
        "slareg.io/clock": target.clock,
        "slareg.io/time-zone": cal.time_zone,
        "slareg.io/exclusions": ",".join(sla.exclusions),
    }
    if target.clock == "business":
        notes["slareg.io/service-hours"] = yaml.safe_dump(
            cal.hours, default_flow_style=True, width=1000
        ).strip()
    if sla.maintenance:
        notes["slareg.io/maintenance"] = "; ".join(
            f"{m.rrule} {m.duration_minutes}m {m.time_zone}{' excluded' if m.excluded else ''}"
            for m in sla.maintenance
        )
    key = target_key(target)
    if key in register_ids:
        notes["slareg.io/register-id"] = str(register_ids[key])
    return notes


def _indicator(name: str, target: AvailabilityTarget | TicketTarget) -> dict[str, Any]:
    if isinstance(target, AvailabilityTarget):
        good, total = "uptime_seconds", "eligible_seconds"
    else:
        good = f"tickets_p{target.priority_rank}_{target.kind}_within_{target.minutes}m"
        total = f"tickets_p{target.priority_rank}_{target.kind}_measured"
    return {
        "metadata": {"name": f"{name}-sli"},
        "spec": {"ratioMetric": {"counter": True, "good": _metric(good), "total": _metric(total)}},
    }


def _objective(target: AvailabilityTarget | TicketTarget) -> dict[str, Any]:
    if isinstance(target, AvailabilityTarget):
        return {
            "displayName": f"availability {target.percent}%",
            "target": round(target.percent / 100, 8),
            "timeSliceTarget": 1,
            "timeSliceWindow": f"{target.granularity_minutes or 1}m",
        }
    return {
        "displayName": f"P{target.priority_rank} {target.kind} within {target.minutes} min",
        "target": round(target.attainment_percent / 100, 8),
    }


def target_to_slo(
    sla: SLA, target: AvailabilityTarget | TicketTarget, register_ids: dict[str, str] | None = None
) -> dict[str, Any]:
    name = slug(sla.customer, sla.service, target_key(target).replace(":", "-"))
    start = sla.effective_from.isoformat() if sla.effective_from else "2000-01-01"
    budgeting = "Timeslices" if isinstance(target, AvailabilityTarget) else "Occurrences"
    return {
        "apiVersion": API_VERSION,
        "kind": "SLO",
        "metadata": {
            "name": name,
            "displayName": f"{sla.customer} {sla.service} {target_key(target)}",
            "annotations": _annotations(sla, target, register_ids or {}),
        },
        "spec": {
            "description": f"Contractual {target.kind} target of {sla.customer} for {sla.service}",
            "service": slug(sla.service),
            "indicator": _indicator(name, target),
            "timeWindow": [
                {
                    "duration": _DURATION[target.period],
                    "isRolling": False,
                    "calendar": {
                        "startTime": f"{start} 00:00:00",
                        "timeZone": sla.calendar.time_zone,
                    },
                }
            ],
            "budgetingMethod": budgeting,
            "objectives": [_objective(target)],
        },
    }


def sla_to_openslo(sla: SLA, register_ids: dict[str, str] | None = None) -> str:
    """Multi-document YAML, one SLO per target; `register_ids` maps target_key -> id."""
    docs = [target_to_slo(sla, t, register_ids) for t in sla.targets]
    return yaml.safe_dump_all(docs, sort_keys=False, allow_unicode=True, width=100)
