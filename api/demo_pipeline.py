"""The demo's steps: sample corpus -> extraction -> register -> review -> measurement.

Idempotent: run it twice and the second run finds every document in the register already.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from extractor.errors import ExtractionError
from measurement.store import import_file, month_labels, run_periods
from register import services
from register.errors import RegisterError
from register.ingest import ingest_file
from register.models import Customer, Document, SlaEntry, User
from register.services.performance import list_results

SAMPLE_MONTHS = ("2025-11", "2026-10")  # the year corpus/performance/generate.py writes
CONFIRM_AT = 0.8  # the demo reviewer confirms proposals at or above this confidence
Progress = Callable[[str], Any]


@dataclass
class CustomerRow:
    customer: str
    documents: int = 0
    proposed: int = 0
    confirmed: int = 0
    findings: int = 0
    periods: int = 0
    met: int = 0


@dataclass
class DemoReport:
    rows: list[CustomerRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load_manifest(folder: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load((folder / "manifest.yaml").read_text())
    docs = data.get("documents", data) if isinstance(data, dict) else data
    return sorted(docs, key=lambda d: str(d.get("effective_date") or ""))


def _demo_users(session: Session) -> dict[str, User]:
    admin = services.system_actor(session)
    users = {}
    for name, role in (("demo-legal", "legal"), ("demo-grc", "grc"), ("demo-sre", "service_owner")):
        found = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        users[role] = found or services.add_user(session, actor=admin, name=name, role=role)[0]
    return users


def _by_file(session: Session, name: Any) -> Document | None:
    """The stored document of that file name (None for no name or not stored)."""
    if not name:
        return None
    query = select(Document).where(Document.file_name == str(name))
    return session.execute(query).scalars().first()


def ingest_corpus(
    session: Session, folder: Path, legal: User, report: DemoReport, progress: Progress
) -> None:
    items = [item for item in load_manifest(folder) if item.get("customer")]
    for item in items:
        path = folder / "documents" / item["file"]
        services_listed = item.get("services") or []
        amends = _by_file(session, item.get("amends"))
        try:
            with session.begin_nested():
                outcome = ingest_file(
                    session,
                    actor=legal,
                    data=path.read_bytes(),
                    name=path.name,
                    customer=item["customer"],
                    service=services_listed[0] if len(services_listed) == 1 else None,
                    doc_type=item.get("doc_type"),
                    status="agreed",
                    amends=amends,
                    effective_date=_as_date(item.get("effective_date")),
                )
        except (ExtractionError, RegisterError) as exc:
            report.notes.append(f"{path.name} skipped: {exc}")
            continue
        verb = "stored" if outcome.created else "already there"
        progress(
            f"  {path.name}: {verb}, {len(outcome.entries)} proposed entries, "
            f"{len(outcome.findings)} findings"
        )
    _link_supersessions(session, items, legal)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)) if value else None


def _link_supersessions(session: Session, items: list[dict[str, Any]], legal: User) -> None:
    for item in items:
        old = _by_file(session, item.get("supersedes"))
        new = _by_file(session, item["file"])
        if old is not None and new is not None and old.status != "superseded":
            services.supersede_document(
                session, actor=legal, document_id=old.id, by_document_id=new.id
            )


def confirm_confident(session: Session, legal: User) -> int:
    """The demo reviewer confirms confident proposals of documents still in force."""
    rows = (
        session.execute(
            select(SlaEntry)
            .join(Document, Document.id == SlaEntry.document_id)
            .where(
                SlaEntry.status == "proposed",
                Document.status != "superseded",
                SlaEntry.confidence >= CONFIRM_AT,
            )
        )
        .scalars()
        .all()
    )
    for entry in rows:
        services.confirm_entry(session, actor=legal, entry_id=entry.id)
    return len(rows)


def measure_sample(session: Session, folder: Path, sre: User, report: DemoReport) -> None:
    for kind, name in (
        ("outages", "outages.csv"),
        ("tickets", "tickets.csv"),
        ("pauses", "ticket_pauses.csv"),
    ):
        import_file(session, actor=sre, kind=kind, path=folder / name)
    outcomes = run_periods(session, actor=sre, periods=month_labels(*SAMPLE_MONTHS))
    problems = {f"{o.customer} / {o.service}: {o.problem}" for o in outcomes if o.problem}
    report.notes.extend(sorted(problems))


def summarize(session: Session, report: DemoReport) -> None:
    for customer in session.execute(select(Customer).order_by(Customer.name)).scalars():
        row = CustomerRow(customer.name)
        row.documents = len(services.list_documents(session, customer_id=customer.id))
        entries = services.list_entries(session, customer_id=customer.id)
        row.proposed = sum(e.status == "proposed" for e in entries)
        row.confirmed = sum(e.status == "confirmed" for e in entries)
        row.findings = len(services.list_findings(session, customer_id=customer.id, status="open"))
        results = list_results(session, customer_id=customer.id)
        row.periods, row.met = len(results), sum(r.met for r in results)
        report.rows.append(row)


def run_demo(session: Session, folder: Path, *, progress: Progress = print) -> DemoReport:
    report = DemoReport()
    users = _demo_users(session)
    progress("1/3 extracting and ingesting the sample corpus")
    ingest_corpus(session, folder, users["legal"], report, progress)
    progress("2/3 demo-legal confirms confident proposals (the rest wait for review)")
    confirmed = confirm_confident(session, users["legal"])
    progress(f"  confirmed {confirmed} entries")
    progress("3/3 importing a year of sample performance data and measuring every month")
    measure_sample(session, folder / "performance", users["service_owner"], report)
    summarize(session, report)
    return report
