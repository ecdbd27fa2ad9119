"""CLI commands over the register: db, users, register, audit."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from sqlalchemy import select

from api.context import (
    acting_user,
    console,
    engine_for,
    fail,
    handle_errors,
    jsonable,
    session_scope,
)
from measurement.errors import MeasurementError
from measurement.openslo import sla_to_openslo
from measurement.sla import sla_from_dict
from register import audit, services
from register.db import current_revision, upgrade
from register.effective import effective_for, effective_to_dict
from register.export import clause_label, entries_to_sla, sla_yaml
from register.models import Customer, SlaEntry, User
from register.schemas import EntryRead, describe


class Format(StrEnum):
    table = "table"
    json = "json"


AsUser = Annotated[
    str | None,
    typer.Option("--as", help="Act as this register user (default: the local system admin)."),
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="table for people, json for tools")
]

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
users_app = typer.Typer(help="Register users and their API keys.", no_args_is_help=True)
register_app = typer.Typer(
    help="The SLA register: list, show, export, confirm.", no_args_is_help=True
)
audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""
    app.add_typer(db_app, name="db")
    app.add_typer(users_app, name="users")
    app.add_typer(register_app, name="register")
    app.add_typer(audit_app, name="audit")


@db_app.command("upgrade")
@handle_errors
def db_upgrade() -> None:
    """Create or migrate the register's schema to the newest revision."""
    engine = engine_for(migrate=False)
    upgrade(engine)
    console.print(f"database at revision [bold]{current_revision(engine)}[/] ({engine.url!r})")


@users_app.command("add")
@handle_errors
def users_add(
    name: str,
    role: Annotated[str, typer.Option(help="viewer | legal | grc | service_owner | admin")],
    as_user: AsUser = None,
) -> None:
    """Add a user; prints its API key once (only a hash is kept)."""
    with session_scope() as session:
        user, key = services.add_user(
            session, actor=acting_user(session, as_user), name=name, role=role
        )
        console.print(f"added {user.name} ({user.role}). API key, shown only now:")
    typer.echo(key)


@users_app.command("list")
@handle_errors
def users_list(fmt: FormatOpt = Format.table) -> None:
    """List register users and their roles."""
    with session_scope() as session:
        users = session.execute(select(User).order_by(User.id)).scalars().all()
        rows = [{"id": u.id, "name": u.name, "role": u.role, "active": u.active} for u in users]
    _print_rows(rows, fmt, "Users")


def _print_rows(rows: list[dict[str, Any]], fmt: Format, title: str) -> None:
    if fmt is Format.json:
        typer.echo(json.dumps(jsonable(rows), indent=2))
        return
    table = Table(title=title)
    for key in rows[0] if rows else ["(none)"]:
        table.add_column(str(key), overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    console.print(table)


def _customer(session: Any, name: str) -> Customer:
    customer = session.execute(select(Customer).where(Customer.name == name)).scalar_one_or_none()
    if customer is None:
        known = ", ".join(session.execute(select(Customer.name)).scalars()) or "none yet"
        raise fail(f"no customer named {name!r} in the register (known: {known})")
    return customer


def _entry_row(entry: SlaEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "v": entry.version,
        "status": entry.status,
        "customer": entry.customer.name if entry.customer else None,
        "service": entry.service.name if entry.service else None,
        "kind": entry.kind,
        "value": describe(entry.kind, dict(entry.attrs)),
        "document": entry.document.file_name if entry.document else None,
        "clause": clause_label(entry),
    }


@register_app.command("list")
@handle_errors
def register_list(
    customer: Annotated[str | None, typer.Option(help="Only this customer.")] = None,
    status: Annotated[
        str | None, typer.Option(help="proposed | confirmed | rejected | superseded")
    ] = None,
    kind: Annotated[str | None, typer.Option(help="Only this term kind.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List SLA entries."""
    with session_scope() as session:
        cid = _customer(session, customer).id if customer else None
        entries = services.list_entries(session, customer_id=cid, status=status, kind=kind)
        if fmt is Format.json:
            rows = [EntryRead.model_validate(e).model_dump(mode="json") for e in entries]
            typer.echo(json.dumps(rows, indent=2))
            return
        _print_rows([_entry_row(e) for e in entries], fmt, f"SLA entries ({len(entries)})")


@register_app.command("show")
@handle_errors
def register_show(entry_id: int, fmt: FormatOpt = Format.table) -> None:
    """Show one entry with its source quote and every version of it."""
    with session_scope() as session:
        entry = services.get_entry(session, entry_id=entry_id)
        history = (
            session.execute(
                select(SlaEntry).where(SlaEntry.lineage == entry.lineage).order_by(SlaEntry.version)
            )
            .scalars()
            .all()
        )
        data = EntryRead.model_validate(entry).model_dump(mode="json")
        data["versions"] = [_entry_row(e) for e in history]
        if fmt is Format.json:
            typer.echo(json.dumps(jsonable(data), indent=2))
            return
        console.print(f"[bold]entry {entry.id}[/] v{entry.version} {entry.kind} — {entry.status}")
        console.print(f"value: {describe(entry.kind, dict(entry.attrs))}")
        src = entry.document.file_name if entry.document else "?"
        console.print(f"source: {src}, clause {clause_label(entry)}, page {entry.span_page}")
        console.print(f"quote: “{entry.quote}”", highlight=False)
        _print_rows(data["versions"], Format.table, "Versions")


def _export_groups(session: Any, customer: Customer, service: str | None) -> dict[str | None, list]:
    entries = services.list_entries(session, customer_id=customer.id, status="confirmed")
    groups: dict[str | None, list[SlaEntry]] = {}
    for e in entries:
        groups.setdefault(e.service.name if e.service else None, []).append(e)
    shared = groups.pop(None, [])
    if service:
        return {service: groups.get(service, []) + shared}
    return {name: group + shared for name, group in groups.items()} or (
        {None: shared} if shared else {}
    )


def _slug(text: str) -> str:
    return "".join(c.lower() if c.isalnum() else "-" for c in text).strip("-")


@register_app.command("export")
@handle_errors
def register_export(
    customer: Annotated[str, typer.Option(help="The customer whose confirmed terms to export.")],
    service: Annotated[str | None, typer.Option(help="Only this service.")] = None,
    out: Annotated[Path, typer.Option(help="Folder to write the files to.")] = Path("."),
    openslo: Annotated[bool, typer.Option("--openslo", help="Also write OpenSLO v1 SLOs.")] = False,
) -> None:
    """Write the confirmed terms as *.sla.yaml (one per service), the format of DESIGN.md."""
    with session_scope() as session:
        cust = _customer(session, customer)
        groups = _export_groups(session, cust, service)
        if not groups:
            raise fail(f"{customer} has no confirmed entries to export; confirm some first")
        out.mkdir(parents=True, exist_ok=True)
        for svc, entries in groups.items():
            sla = entries_to_sla(customer=cust.name, service=svc, entries=entries)
            path = out / f"{_slug(cust.name)}--{_slug(svc or 'all-services')}.sla.yaml"
            path.write_text(sla_yaml(sla))
            console.print(f"wrote {path} ({len(entries)} confirmed entries)")
            if openslo:
                _write_openslo(sla, entries, path)


def _write_openslo(sla: dict[str, Any], entries: list[SlaEntry], path: Path) -> None:
    """OpenSLO v1 SLOs of the exported targets, each annotated with its register entry id."""
    try:
        model = sla_from_dict(sla, str(path))
    except MeasurementError as exc:
        raise fail(f"cannot write OpenSLO for {path.name}: {exc}") from None
    ids = {
        "availability"
        if e.kind == "availability"
        else f"{e.kind}:p{e.attrs.get('priority_rank')}": str(e.id)
        for e in entries
        if e.kind in ("availability", "response_time", "resolution_time")
    }
    target = path.with_name(path.name.replace(".sla.yaml", ".openslo.yaml"))
    target.write_text(sla_to_openslo(model, ids))
    console.print(f"wrote {target}")


@register_app.command("confirm")
@handle_errors
def register_confirm(
    entry_id: int,
    edit: Annotated[
        list[str] | None, typer.Option(help="key=value (JSON value) to change while confirming")
    ] = None,
    expected_version: Annotated[int | None, typer.Option(help="Fail if changed since.")] = None,
    as_user: AsUser = None,
) -> None:
    """Confirm a proposed entry, optionally with edits (which create a new version)."""
    edits = dict(_parse_edit(e) for e in edit or [])
    with session_scope() as session:
        entry = services.confirm_entry(
            session,
            actor=acting_user(session, as_user),
            entry_id=entry_id,
            edits=edits or None,
            expected_version=expected_version,
        )
        console.print(
            f"confirmed entry {entry.id} (v{entry.version}): "
            f"{describe(entry.kind, dict(entry.attrs))}"
        )


@register_app.command("reject")
@handle_errors
def register_reject(
    entry_id: int,
    reason: Annotated[str | None, typer.Option(help="Why.")] = None,
    as_user: AsUser = None,
) -> None:
    """Reject a proposed entry."""
    with session_scope() as session:
        services.reject_entry(
            session, actor=acting_user(session, as_user), entry_id=entry_id, reason=reason
        )
        console.print(f"rejected entry {entry_id}")


def _parse_edit(text: str) -> tuple[str, Any]:
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise fail(f"--edit needs key=value, got {text!r}")
    try:
        return key.strip(), json.loads(raw)
    except json.JSONDecodeError:
        return key.strip(), raw


@register_app.command("effective")
@handle_errors
def register_effective(
    customer: Annotated[str, typer.Option(help="The customer.")],
    on: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """The effective SLA of a customer on a date: each term, its source, what it overrode."""
    try:
        as_of = dt.date.fromisoformat(on) if on else dt.date.today()
    except ValueError:
        raise fail(f"--date {on!r} is not YYYY-MM-DD") from None
    with session_scope() as session:
        data = effective_to_dict(effective_for(session, customer=customer, as_of=as_of))
    if fmt is Format.json:
        typer.echo(json.dumps(data, indent=2))
        return
    console.print(
        f"[bold]{customer}[/] on {data['as_of']}: precedence "
        f"{' > '.join(data['precedence'])} ({data['precedence_source']})"
    )
    for name, why in data["dropped"].items():
        console.print(f"  [dim]not in force: {name}: {why}[/]")
    table = Table(title="Effective terms")
    for col in ("kind", "service", "value", "from", "overrides"):
        table.add_column(col, overflow="fold")
    for t in data["terms"]:
        first = t["terms"][0]
        value = "; ".join(describe(x["kind"], x) for x in t["terms"])
        where = f"{t['document']} {t['clause'] or ''}".strip()
        over = ", ".join(
            f"{o['document']} ({o['value']})" for o in t["overrode"] if not o["same_value"]
        )
        table.add_row(first["kind"], t["service"] or "", value, where, over)
    console.print(table)


@audit_app.command("verify")
@handle_errors
def audit_verify() -> None:
    """Recompute the hash chain; exit 1 naming the first broken event."""
    with session_scope() as session:
        result = audit.verify(session)
    if not result.ok:
        raise fail(
            f"audit chain broken at event #{result.broken_seq} (id {result.broken_id}): "
            f"{result.reason}"
        )
    console.print(f"audit chain intact: {result.events} events")


@audit_app.command("log")
@handle_errors
def audit_log(
    limit: Annotated[int, typer.Option(help="Newest N events.")] = 20,
    fmt: FormatOpt = Format.table,
) -> None:
    """Show the newest audit events."""
    with session_scope() as session:
        rows = audit.recent(session, limit=limit)
    _print_rows(rows, fmt, "Audit log (newest first)")
