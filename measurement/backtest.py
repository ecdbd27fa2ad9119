"""Backtest a draft SLA on past data: met/breached per month, credits that would have been
owed, and how sensitive that is to what a draft often leaves open (granularity 1 vs 5
minutes, calendar month vs rolling 30 days, pauses on vs off).

Drafts in DOCX/PDF go through the extractor: the interface layer passes a `loader`
(Path -> SLA) to `load_draft`; this module stays free of the extractor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from measurement.compute import Measurement, compute_figures
from measurement.data import Outages, Pauses, Tickets
from measurement.errors import DraftFormatError
from measurement.periods import Period, rolling_window
from measurement.sla import SLA, load_sla

BACKTEST_SCHEMA = "slareg.backtest/1"
DraftLoader = Callable[[Path], SLA]


def load_draft(path: str | Path, loader: DraftLoader | None = None) -> SLA:
    """A `.sla.yaml` draft, or any other file through `loader` (e.g. the extractor)."""
    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml"):
        return load_sla(p)
    if loader is not None:
        return loader(p)
    raise DraftFormatError(
        f"{p}: cannot backtest a '{p.suffix.lower()}' draft here; give a .sla.yaml (e.g. from "
        "`slareg register export`) or a contract document through the slareg command line"
    )


@dataclass(frozen=True)
class Variant:
    name: str
    description: str
    granularity: int | None | Literal["as_defined"] = "as_defined"
    rolling_days: int | None = None
    use_pauses: bool = True


VARIANTS = (
    Variant("as_defined", "the draft as written"),
    Variant("granularity_1", "availability counted in whole 1-minute slots", granularity=1),
    Variant("granularity_5", "availability counted in whole 5-minute slots", granularity=5),
    Variant(
        "rolling_30_days", "each month replaced by the 30 days ending with it", rolling_days=30
    ),
    Variant("pauses_off", "ticket clocks never stop (pauses ignored)", use_pauses=False),
)


@dataclass
class VariantResult:
    variant: Variant
    records: list[Measurement] = field(default_factory=list)

    @property
    def breached(self) -> list[str]:
        return [r.period.label for r in self.records if any(not x.met for x in r.results)]

    @property
    def credit_amount(self) -> float:
        return round(sum(r.credit.amount or 0.0 for r in self.records), 2)

    @property
    def credit_percent_months(self) -> float:
        return round(sum(r.credit.percent for r in self.records), 4)


@dataclass
class Backtest:
    sla: SLA
    months: list[Period]
    variants: list[VariantResult]

    @property
    def base(self) -> VariantResult:
        return self.variants[0]

    def to_json_dict(self) -> dict[str, Any]:
        base = self.base
        return {
            "schema": BACKTEST_SCHEMA,
            "customer": self.sla.customer,
            "service": self.sla.service,
            "from": self.months[0].label,
            "to": self.months[-1].label,
            "months": [r.to_json_dict() for r in base.records],
            "sensitivity": [_variant_json(v, base) for v in self.variants],
        }


def _verdicts(r: Measurement) -> list[bool]:
    return [x.met for x in r.results]


def _variant_json(v: VariantResult, base: VariantResult) -> dict[str, Any]:
    differs = [
        b.period.label
        for b, r in zip(base.records, v.records, strict=True)
        if _verdicts(b) != _verdicts(r) or b.credit.percent != r.credit.percent
    ]
    return {
        "variant": v.variant.name,
        "description": v.variant.description,
        "months_breached": len(v.breached),
        "breached": v.breached,
        "credit_percent_months": v.credit_percent_months,
        "credit_amount_total": v.credit_amount,
        "months_differing_from_draft": differs,
        "per_month": [_month_summary(r) for r in v.records],
    }


def _month_summary(r: Measurement) -> dict[str, Any]:
    """The figures a reader compares across variants: actual percents and the credit."""
    actual: dict[str, Any] = {}
    for x in r.results:
        if x.kind == "availability":
            actual["availability"] = x.actual_percent
        else:
            actual[f"{x.kind}:p{x.priority_rank}"] = x.attainment_percent
    met = all(x.met for x in r.results)
    return {"period": r.period.label, "met": met, "actual": actual, "credit": r.credit.percent}


def _run(
    sla: SLA, data: tuple[Outages, Tickets, Pauses], months: list[Period], v: Variant
) -> VariantResult:
    out = VariantResult(v)
    for m in months:
        period = rolling_window(m, v.rolling_days) if v.rolling_days else m
        figs = compute_figures(
            sla, *data, period, use_pauses=v.use_pauses, granularity_minutes=v.granularity
        )
        out.records.append(figs.record)
    return out


def backtest(
    sla: SLA, outages: Outages, tickets: Tickets, pauses: Pauses, months: list[Period]
) -> Backtest:
    """Run the draft and each variant over `months` (calendar months of the SLA's zone)."""
    data = (
        outages.for_service(sla.service),
        tickets.for_service(sla.customer, sla.service),
        pauses,
    )
    return Backtest(sla, months, [_run(sla, data, months, v) for v in VARIANTS])
