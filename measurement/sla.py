"""The SLA definition (`*.sla.yaml`, schema slareg.sla/1): parse, validate, dump.

Frozen pydantic models; `sla_from_yaml` / `load_sla` turn any validation failure into one
`SLADefinitionError` listing every bad field as `path.to[field]: what is wrong`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from dateutil.rrule import rrulestr
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from extractor.types import EXCLUSION_CATEGORIES
from measurement.errors import SLADefinitionError

SCHEMA = "slareg.sla/1"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Category = Literal[
    "scheduled_maintenance",
    "force_majeure",
    "customer_caused",
    "third_party",
    "suspension",
    "beta_or_free",
    "internet_or_network_outside_provider",
    "other",
]
assert set(get_args(Category)) == set(EXCLUSION_CATEGORIES)  # one list of categories
Period = Literal["monthly", "quarterly", "yearly"]
Clock = Literal["calendar", "business"]
Num = int | float  # ints stay ints (60, not 60.0) when dumped
_RANGE = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def parse_range(text: str) -> tuple[int, int]:
    """'09:00-17:30' -> (540, 1050) minutes after local midnight; end may be 24:00."""
    m = _RANGE.match(text.strip())
    if not m:
        raise ValueError(f"'{text}' is not a time range HH:MM-HH:MM (e.g. 09:00-17:00)")
    start = int(m[1]) * 60 + int(m[2])
    end = int(m[3]) * 60 + int(m[4])
    if start >= 24 * 60 or end > 24 * 60:
        raise ValueError(f"'{text}': times run from 00:00 to 24:00")
    if end <= start:
        raise ValueError(
            f"'{text}': end must be after start; split an overnight shift into "
            "'22:00-24:00' on one day and '00:00-06:00' on the next"
        )
    return start, end


class Holidays(_Frozen):
    country: str | None = None
    subdivision: str | None = None
    dates: tuple[date, ...] = ()

    @model_validator(mode="after")
    def _known_country(self) -> Holidays:
        if self.subdivision and not self.country:
            raise ValueError("subdivision given without country")
        if self.country:
            import holidays as hol

            try:
                hol.country_holidays(self.country, subdiv=self.subdivision, years=2026)
            except NotImplementedError as exc:
                raise ValueError(f"the holidays package says: {exc}") from exc
        return self


class CalendarSpec(_Frozen):
    time_zone: str = "UTC"
    hours: Literal["24x7"] | dict[str, tuple[str, ...]] = "24x7"
    holidays: Holidays | None = None

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, v: str) -> str:
        return check_zone(v)

    @field_validator("hours", mode="before")
    @classmethod
    def _single_range(cls, v: Any) -> Any:
        """Accept `mon: 09:00-17:00` as well as `mon: [09:00-17:00]`."""
        if isinstance(v, dict):
            return {k: [r] if isinstance(r, str) else r for k, r in v.items()}
        return v

    @field_validator("hours")
    @classmethod
    def _hours(cls, v: Any) -> Any:
        if isinstance(v, str):
            return v
        for day, ranges in v.items():
            if day not in WEEKDAYS:
                raise ValueError(f"'{day}' is not a weekday; use {', '.join(WEEKDAYS)}")
            spans = sorted(parse_range(r) for r in ranges)
            for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
                if s2 < e1:
                    raise ValueError(f"{day}: ranges {list(ranges)} overlap; merge them")
        return v

    def day_ranges(self) -> dict[int, list[tuple[int, int]]]:
        """weekday number (Mon=0) -> [(start_minute, end_minute)] in local wall time."""
        if self.hours == "24x7":
            return {d: [(0, 1440)] for d in range(7)}
        assert isinstance(self.hours, dict)
        return {WEEKDAYS.index(k): sorted(parse_range(r) for r in v) for k, v in self.hours.items()}


def check_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"'{name}' is not an IANA time zone (e.g. America/New_York)") from exc
    return name


class Maintenance(_Frozen):
    rrule: str
    duration_minutes: Annotated[int, Field(gt=0)]
    time_zone: str = "UTC"
    excluded: bool = False
    notice_hours: Num | None = None
    dtstart: datetime | None = None  # local wall clock; default 2000-01-01T00:00

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, v: str) -> str:
        return check_zone(v)

    @field_validator("rrule")
    @classmethod
    def _rrule(cls, v: str) -> str:
        if "DTSTART" in v.upper():
            raise ValueError(
                "put the first occurrence in the `dtstart` field (local wall time "
                "in time_zone), not in the rrule text"
            )
        try:
            rrulestr(v, dtstart=datetime(2000, 1, 1), forceset=True)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"'{v}' is not an RFC 5545 RRULE: {exc}") from exc
        return v


class AvailabilityTarget(_Frozen):
    kind: Literal["availability"]
    percent: Annotated[Num, Field(gt=0, le=100)]
    period: Period = "monthly"
    clock: Clock = "calendar"
    granularity_minutes: Annotated[int, Field(gt=0)] | None = None


class TicketTarget(_Frozen):
    kind: Literal["response_time", "resolution_time"]
    priority_rank: Annotated[int, Field(ge=1)]
    minutes: Annotated[Num, Field(gt=0)]
    clock: Clock = "calendar"
    attainment_percent: Annotated[Num, Field(gt=0, le=100)] = 100.0
    period: Period = "monthly"


Target = Annotated[AvailabilityTarget | TicketTarget, Field(discriminator="kind")]


class CreditTier(_Frozen):
    metric: Literal["availability", "response_time", "resolution_time"]
    lower: Num | None = None
    upper: Num | None = None
    credit_percent: Annotated[Num, Field(ge=0)]
    priority_rank: int | None = None  # ticket metrics: only this rank (null: every rank)

    @model_validator(mode="after")
    def _bounds(self) -> CreditTier:
        if self.lower is not None and self.upper is not None and self.lower >= self.upper:
            raise ValueError(f"lower {self.lower} must be below upper {self.upper}")
        return self


class Source(_Frozen):
    document: str
    clause: str | None = None
    quote: str | None = None


class SLA(_Frozen):
    schema_: Literal["slareg.sla/1"] = Field(alias="schema")
    customer: str
    service: str
    effective_from: date | None = None
    effective_to: date | None = None
    sources: tuple[Source, ...] = ()
    calendar: CalendarSpec = CalendarSpec()
    maintenance: tuple[Maintenance, ...] = ()
    exclusions: tuple[Category, ...] = ()
    priorities: dict[str, int] = {}
    targets: tuple[Target, ...] = ()
    credits: tuple[CreditTier, ...] = ()
    credit_cap_percent: Annotated[Num, Field(ge=0)] | None = None
    claim_window_days: Annotated[int, Field(ge=0)] | None = None
    claim_window_billing_cycles: Annotated[int, Field(ge=1)] | None = None
    monthly_fee: Annotated[Num, Field(ge=0)] | None = None
    review_interval: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _consistent(self) -> SLA:
        if self.claim_window_days is not None and self.claim_window_billing_cycles is not None:
            raise ValueError("give claim_window_days or claim_window_billing_cycles, not both")
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self


_TAGS = ("availability", "response_time", "resolution_time")


def _loc(loc: tuple[int | str, ...]) -> str:
    """('targets', 0, 'availability', 'percent') -> 'targets[0].percent'."""
    out = ""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _TAGS and i > 0 and isinstance(loc[i - 1], int):
            continue  # the discriminator's branch name
        elif part.startswith(("literal[", "function", "dict[")):
            continue
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def sla_from_dict(data: Any, source: str = "<sla>") -> SLA:
    if not isinstance(data, dict):
        raise SLADefinitionError(source, ["the file must be a YAML mapping (key: value)"])
    try:
        return SLA.model_validate(data)
    except ValidationError as exc:
        problems = [f"{_loc(e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise SLADefinitionError(source, problems) from None


def sla_from_yaml(text: str, source: str = "<sla>") -> SLA:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SLADefinitionError(source, [f"not valid YAML: {exc}"]) from None
    return sla_from_dict(data, source)


def load_sla(path: str | Path) -> SLA:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise SLADefinitionError(str(p), [f"cannot read the file: {exc.strerror}"]) from None
    return sla_from_yaml(text, str(p))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None or k in _KEEP_NULL}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


_KEEP_NULL = {"effective_to", "lower", "upper", "granularity_minutes"}


def sla_to_dict(sla: SLA) -> dict[str, Any]:
    data = sla.model_dump(mode="python", by_alias=True)
    return _plain(data)  # type: ignore[no-any-return]


def sla_to_yaml(sla: SLA) -> str:
    """YAML text that `sla_from_yaml` reads back to an equal SLA."""
    return yaml.safe_dump(sla_to_dict(sla), sort_keys=False, allow_unicode=True, width=100)


def sla_canonical_json(sla: SLA) -> str:
    import json

    return json.dumps(
        sla.model_dump(mode="json", by_alias=True), sort_keys=True, separators=(",", ":")
    )
