"""CLI commands under `slareg measure` that use the register: import, run, report."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy import select

from api.commands.measure import measure_app
from api.context import acting_user, console, fail, handle_errors, session_scope
from measurement.errors import MeasurementError
from measurement.store import PeriodOutcome, import_file, month_labels, run_periods
from register.models import Customer, Service
from register.services.performance import list_results


class Kind(StrEnum):
    outages = "outages"
    tickets = "tickets"
    pauses = "pauses"


def install(app: typer.Typer) -> None:
    """The commands attach to the `measure` group, which measure.install adds."""


@measure_app.command("import")
@handle_errors
def import_cmd(
    kind: Annotated[Kind, typer.Argument(help="outages | tickets | pauses")],
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The CSV file.")],
    as_user: Annotated[str | None, typer.Option("--as", help="Act as this user.")] = None,
) -> None:
    """Import a performance-data CSV into the register. The whole file is checked first:
    a bad row is named by line and column and nothing of the file is imported."""
    try:
        with session_scope() as session:
            out = import_file(
                session, actor=acting_user(session, as_user), kind=kind.value, path=file
            )
    except MeasurementError as exc:
        raise fail(str(exc)) from None
    if out.created:
        console.print(f"imported {out.rows} new {kind.value} rows from {file.name}")
    else:
        console.print(f"{file.name} was imported before (same content); nothing changed")


def _periods(period: str | None, first: str | None, last: str | None) -> list[str]:
    if period:
        return [period]
    if first and last:
        return month_labels(first, last)
    raise fail("give --period 2026-10, or --from 2025-11 --to 2026-10")


@measure_app.command("run")
@handle_errors
def run_cmd(
    period: Annotated[str | None, typer.Option(help="2026-10, 2026-Q4 or 2026.")] = None,
    first: Annotated[str | None, typer.Option("--from", help="First month (with --to).")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Last month (with --from).")] = None,
    customer: Annotated[str | None, typer.Option(help="Only this customer.")] = None,
    as_user: Annotated[str | None, typer.Option("--as", help="Act as this user.")] = None,
) -> None:
    """Measure every customer's services with confirmed targets, store the results."""
    labels = _periods(period, first, last)
    with session_scope() as session:
        outcomes = run_periods(
            session, actor=acting_user(session, as_user), periods=labels, customer=customer
        )
    _print_outcomes(outcomes)


def _print_outcomes(outcomes: list[PeriodOutcome]) -> None:
    table = Table(title="Measurement")
    for col in ("customer", "service", "period", "result", "credit %", "stored"):
        table.add_column(col)
    for o in outcomes:
        credit = (o.record or {}).get("credit") or {}
        result = o.problem or ("met" if o.met else "[red]breached[/]")
        table.add_row(
            o.customer,
            o.service,
            o.period,
            result,
            str(credit.get("percent", "")),
            "new" if o.stored else ("" if o.problem else "same as before"),
        )
    console.print(table)


@measure_app.command("report")
@handle_errors
def report_cmd(
    customer: Annotated[str | None, typer.Option(help="Only this customer.")] = None,
    period: Annotated[str | None, typer.Option(help="Only this period.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """Stored results: met or breached per period, credits and claim deadlines."""
    with session_scope() as session:
        cid = None
        if customer:
            cid = session.execute(select(Customer.id).where(Customer.name == customer)).scalar()
            if cid is None:
                raise fail(f"no customer named {customer!r} in the register")
        rows = list_results(session, customer_id=cid, period=period)
        names = {s.id: s.name for s in session.execute(select(Service)).scalars()}
        custs = {c.id: c.name for c in session.execute(select(Customer)).scalars()}
        data = [
            {
                "customer": custs.get(r.customer_id),
                "service": names.get(r.service_id),
                "period": r.period,
                "met": r.met,
                "computed_at": r.computed_at.isoformat(),
                "record": r.record,
            }
            for r in rows
        ]
    if fmt == "json":
        typer.echo(json.dumps(data, indent=2))
        return
    table = Table(title=f"Measurement results ({len(data)})")
    for col in ("customer", "service", "period", "met", "missed targets", "credit", "claim by"):
        table.add_column(col)
    for d in data:
        rec = d["record"]
        missed = [
            r["kind"] + (f" P{r['priority_rank']}" if r.get("priority_rank") else "")
            for r in rec.get("results", [])
            if r.get("met") is False
        ]
        credit = rec.get("credit") or {}
        amount = f"{credit.get('percent')}%" + (
            f" = {credit['amount']:.2f}" if credit.get("amount") is not None else ""
        )
        table.add_row(
            d["customer"],
            d["service"],
            d["period"],
            "yes" if d["met"] else "[red]no[/]",
            ", ".join(missed),
            amount,
            str(credit.get("claim_deadline") or ""),
        )
    console.print(table)
