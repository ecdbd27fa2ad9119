"""The standard SLA template: required elements and the organisation's standard values.

`load_template()` reads mapper/templates/standard.yaml (or a file given with
`--template`) into frozen dataclasses; nothing else reads the YAML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mapper.errors import TemplateError

TEMPLATE_SCHEMA = "slareg.template/1"


@dataclass(frozen=True, slots=True)
class Element:
    """A required SLA element and how it is recognised."""

    id: str
    rule: str
    title: str
    severity: str = "warning"
    term_kinds: tuple[str, ...] = ()
    term_attrs: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    regex: tuple[re.Pattern[str], ...] = ()
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Bound:
    """A standard numeric value with the range accepted without approval."""

    value: float
    low: float | None = None
    high: float | None = None
    stricter: str = "higher"  # which direction is the heavier commitment for the provider
    required: bool = False


@dataclass(frozen=True, slots=True)
class TimeStandard:
    priority_rank: int
    minutes: float
    business: bool
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    elements: tuple[Element, ...]
    heading_score: float = 86.0
    availability: Bound | None = None
    availability_period: str | None = None
    response_time: tuple[TimeStandard, ...] = ()
    resolution_time: tuple[TimeStandard, ...] = ()
    credit_metric: str = "availability"
    credit_tiers: tuple[tuple[float | None, float | None, float], ...] = ()
    credit_cap: Bound | None = None
    claim_window_days: Bound | None = None
    choices: Mapping[str, tuple[str, tuple[str, ...]]] | None = None  # kind -> (value, allowed)


def load_template(path: str | Path | None = None) -> Template:
    """Read a template file; None reads the packaged standard template."""
    try:
        if path is None:
            text = resources.files("mapper").joinpath("templates/standard.yaml").read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateError(
            f"cannot read SLA template {path}: {exc}; give a readable YAML file"
        ) from exc
    if not isinstance(data, dict) or data.get("schema") != TEMPLATE_SCHEMA:
        raise TemplateError(
            f"SLA template {path or 'standard.yaml'} is not '{TEMPLATE_SCHEMA}'; "
            "start from mapper/templates/standard.yaml"
        )
    try:
        return _template_from_dict(data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise TemplateError(f"SLA template {path or 'standard.yaml'} is malformed: {exc}") from exc


def _template_from_dict(data: Mapping[str, Any]) -> Template:
    std = data.get("standards") or {}
    credit = std.get("credit_tiers") or {}
    avail = std.get("availability")
    return Template(
        name=str(data.get("name", "template")),
        elements=tuple(_element(e) for e in data.get("elements") or ()),
        heading_score=float(data.get("heading_score", 86)),
        availability=_bound(avail) if avail else None,
        availability_period=(avail or {}).get("period"),
        response_time=tuple(_time_standard(t) for t in std.get("response_time") or ()),
        resolution_time=tuple(_time_standard(t) for t in std.get("resolution_time") or ()),
        credit_metric=str(credit.get("metric", "availability")),
        credit_tiers=tuple(
            (_opt_float(t.get("lower")), _opt_float(t.get("upper")), float(t["credit_percent"]))
            for t in credit.get("tiers") or ()
        ),
        credit_cap=_bound(std["credit_cap"]) if std.get("credit_cap") else None,
        claim_window_days=_bound(std["claim_window"]) if std.get("claim_window") else None,
        choices={
            kind: (str(std[kind]["value"]), tuple(str(v) for v in std[kind].get("allowed") or ()))
            for kind in ("measurement_period", "review_interval", "reporting")
            if std.get(kind)
        },
    )


def _element(e: Mapping[str, Any]) -> Element:
    return Element(
        id=str(e["id"]),
        rule=str(e["rule"]),
        title=str(e["title"]),
        severity=str(e.get("severity", "warning")),
        term_kinds=tuple(e.get("term_kinds") or ()),
        term_attrs=tuple(e.get("term_attrs") or ()),
        headings=tuple(e.get("headings") or ()),
        phrases=tuple(p.lower() for p in e.get("phrases") or ()),
        regex=tuple(re.compile(r) for r in e.get("regex") or ()),
        suggestion=e.get("suggestion"),
    )


def _bound(b: Mapping[str, Any]) -> Bound:
    allowed = b.get("allowed") or {}
    return Bound(
        value=float(b["value"]),
        low=_opt_float(allowed.get("min")),
        high=_opt_float(allowed.get("max")),
        stricter=str(b.get("stricter", "higher")),
        required=bool(b.get("required", False)),
    )


def _time_standard(t: Mapping[str, Any]) -> TimeStandard:
    allowed = t.get("allowed") or {}
    return TimeStandard(
        priority_rank=int(t["priority_rank"]),
        minutes=float(t["minutes"]),
        business=bool(t.get("business", False)),
        low=_opt_float(allowed.get("min")),
        high=_opt_float(allowed.get("max")),
    )


def _opt_float(v: Any) -> float | None:
    return None if v is None else float(v)
