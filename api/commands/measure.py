"""CLI commands: `slareg measure compute | backtest | openslo` (pure: files in, figures out)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from api.drafts import load_any_draft
from measurement.backtest import Backtest, backtest, load_draft
from measurement.compute import Figures, compute_figures
from measurement.data import MISSING, empty_outages, empty_pauses, empty_tickets
from measurement.errors import MeasurementError
from measurement.io import read_outages, read_pauses, read_tickets
from measurement.openslo import sla_to_openslo
from measurement.periods import month_of, months_between
from measurement.sla import SLA, AvailabilityTarget, TicketTarget, load_sla

measure_app = typer.Typer(
    name="measure",
    no_args_is_help=True,
    help="Measure service performance against SLA definitions.",
)


class Format(StrEnum):
    table = "table"
    json = "json"


def _fail(exc: Exception) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(code=2)


def _load_data(
    sla: SLA, outages: Path | None, tickets: Path | None, pauses: Path | None
) -> tuple[Any, Any, Any]:
    kinds = {type(t) for t in sla.targets}
    if AvailabilityTarget in kinds and outages is None:
        raise MeasurementError("the SLA has an availability target: give --outages FILE")
    if TicketTarget in kinds and tickets is None:
        raise MeasurementError("the SLA has ticket targets: give --tickets FILE")
    o = read_outages(outages) if outages else empty_outages()
    t = read_tickets(tickets) if tickets else empty_tickets()
    p = read_pauses(pauses, set(t.id)) if pauses else empty_pauses()
    return o, t, p


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x}%"


def _figures_table(f: Figures) -> Table:
    r = f.record
    table = Table(title=f"{r.customer} — {r.service} — {r.period.label}")
    for col in ("target", "goal", "actual", "detail", "met"):
        table.add_column(col)
    tickets = iter(f.tickets)
    for a in r.results:
        met = "yes" if a.met else "NO"
        if a.kind == "availability":
            table.add_row(
                "availability",
                _pct(a.target_percent),
                _pct(a.actual_percent),
                f"eligible {a.eligible_minutes} min, down {a.downtime_minutes} min",
                met,
            )
            continue
        table.add_row(
            f"{a.kind} P{a.priority_rank}",
            f"{a.attainment_target_percent}% ≤ {a.target_minutes} min",
            _pct(a.attainment_percent),
            f"{a.measured} measured",
            met,
        )
        for o in next(tickets).missed:
            table.add_row(
                f"  missed {o.ticket_id}",
                "",
                f"{o.elapsed_seconds / 60:.1f} min",
                f"paused {o.paused_seconds / 60:.1f} min",
                "",
            )
    c = r.credit
    table.add_row(
        "credit",
        "",
        f"{c.percent}%{' (capped)' if c.capped else ''}",
        f"amount {c.amount}, claim by {c.claim_deadline}",
        "",
    )
    return table


@measure_app.command("compute")
def compute_cmd(
    sla: Path = typer.Option(..., "--sla", help="the *.sla.yaml definition"),
    period: str = typer.Option(..., "--period", help="2026-10, 2026-Q4 or 2026"),
    outages: Path | None = typer.Option(None, "--outages", help="outages.csv"),
    tickets: Path | None = typer.Option(None, "--tickets", help="tickets.csv"),
    pauses: Path | None = typer.Option(None, "--pauses", help="ticket_pauses.csv"),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json"),
) -> None:
    """Measure one SLA over one period and print the Measurement record."""
    try:
        definition = load_sla(sla)
        data = _load_data(definition, outages, tickets, pauses)
        figs = compute_figures(definition, *data, period)
    except MeasurementError as exc:
        raise _fail(exc) from None
    if fmt is Format.json:
        typer.echo(json.dumps(figs.record.to_json_dict(), indent=2))
    else:
        Console().print(_figures_table(figs))


def _data_months(sla: SLA, data: tuple[Any, Any, Any]) -> tuple[str, str]:
    o = data[0].for_service(sla.service)
    t = data[1].for_service(sla.customer, sla.service)
    times = [int(x) for x in o.start.tolist() + t.created.tolist() if x != MISSING]
    if not times:
        raise MeasurementError(f"no outage or ticket of {sla.service!r}: give --from and --to")
    tz = sla.calendar.time_zone
    return month_of(min(times), tz), month_of(max(times), tz)


def _backtest_table(bt: Backtest) -> list[Table]:
    months = Table(title=f"Backtest {bt.sla.customer} — {bt.sla.service} (draft as written)")
    for col in ("month", "targets met", "breached", "credit %", "amount"):
        months.add_column(col)
    for r in bt.base.records:
        bad = [
            x.kind if x.kind == "availability" else f"{x.kind} P{x.priority_rank}"
            for x in r.results
            if not x.met
        ]
        months.add_row(
            r.period.label,
            f"{len(r.results) - len(bad)}/{len(r.results)}",
            ", ".join(bad),
            str(r.credit.percent),
            str(r.credit.amount),
        )
    sens = Table(title="Sensitivity to what the draft leaves open")
    for col in ("variant", "months breached", "credit total", "months differing"):
        sens.add_column(col)
    base = bt.to_json_dict()["sensitivity"]
    for v in base:
        sens.add_row(
            v["variant"],
            str(v["months_breached"]),
            str(v["credit_amount_total"]),
            ", ".join(v["months_differing_from_draft"]) or "-",
        )
    return [months, sens]


@measure_app.command("backtest")
def backtest_cmd(
    draft: Path = typer.Argument(..., help="draft SLA (*.sla.yaml; DOCX/PDF via extractor)"),
    outages: Path | None = typer.Option(None, "--outages", help="outages.csv"),
    tickets: Path | None = typer.Option(None, "--tickets", help="tickets.csv"),
    pauses: Path | None = typer.Option(None, "--pauses", help="ticket_pauses.csv"),
    first: str | None = typer.Option(None, "--from", help="first month, e.g. 2025-11"),
    last: str | None = typer.Option(None, "--to", help="last month, e.g. 2026-10"),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json"),
) -> None:
    """Would we have met this draft? Month by month, with credits and sensitivity."""
    try:
        sla = load_draft(draft, loader=load_any_draft)
        data = _load_data(sla, outages, tickets, pauses)
        a, b = _data_months(sla, data) if first is None or last is None else (first, last)
        months = months_between(first or a, last or b, sla.calendar.time_zone)
        result = backtest(sla, *data, months)
    except MeasurementError as exc:
        raise _fail(exc) from None
    if fmt is Format.json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2))
    else:
        console = Console()
        for table in _backtest_table(result):
            console.print(table)


@measure_app.command("openslo")
def openslo_cmd(
    sla: Path = typer.Argument(..., help="the *.sla.yaml definition"),
    register_id: list[str] = typer.Option([], "--id", help="TARGET=ID, e.g. availability=42"),
) -> None:
    """Print the SLA's targets as OpenSLO v1 SLO documents (multi-document YAML)."""
    try:
        ids = dict(item.split("=", 1) for item in register_id)
        sys.stdout.write(sla_to_openslo(load_sla(sla), ids))
    except ValueError:
        raise _fail(ValueError("--id takes TARGET=ID, e.g. response_time:p1=17")) from None
    except MeasurementError as exc:
        raise _fail(exc) from None


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""
    app.add_typer(measure_app, name="measure")
