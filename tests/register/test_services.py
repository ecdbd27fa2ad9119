"""Service functions: roles, versioning, audit, no half-written state."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from register import audit, services
from register.errors import InvalidInput, InvalidState, PermissionDenied, StaleVersion
from register.models import AuditEvent, SlaEntry
from tests.register import factories


def _counts(session: Session) -> tuple[int, int]:
    entries = session.execute(select(func.count()).select_from(SlaEntry)).scalar_one()
    events = session.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
    return entries, events


def test_viewer_cannot_confirm_and_nothing_is_written(session: Session) -> None:
    legal = factories.user(session, "legal")
    viewer = factories.user(session, "viewer")
    entry = factories.proposed_entry(session, legal)
    before_counts = _counts(session)
    before_version = entry.row_version
    with pytest.raises(
        PermissionDenied, match="viewer-user \\(role viewer\\) may not entry.confirm"
    ):
        services.confirm_entry(session, actor=viewer, entry_id=entry.id)
    session.expire_all()
    again = session.get(SlaEntry, entry.id)
    assert again is not None
    assert again.status == "proposed" and again.confirmed_by_id is None
    assert again.row_version == before_version
    assert _counts(session) == before_counts


@pytest.mark.parametrize(
    ("role", "action"),
    [
        ("viewer", "document.ingest"),
        ("service_owner", "entry.confirm"),
        ("legal", "user.add"),
        ("legal", "finding.waive"),
        ("grc", "entry.confirm"),
    ],
)
def test_role_table_refuses(session: Session, role: str, action: str) -> None:
    from register.permissions import require

    actor = factories.user(session, role)
    with pytest.raises(PermissionDenied):
        require(actor, action)


def test_confirm_sets_who_and_when_and_audits(session: Session) -> None:
    legal = factories.user(session, "legal")
    entry = factories.proposed_entry(session, legal)
    confirmed = services.confirm_entry(session, actor=legal, entry_id=entry.id)
    assert confirmed.id == entry.id
    assert confirmed.status == "confirmed" and confirmed.confirmed_by_id == legal.id
    assert confirmed.confirmed_at is not None
    last = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc())).scalars().first()
    assert last is not None and last.action == "entry.confirm" and last.actor == "legal-user"
    assert last.before["status"] == "proposed" and last.after["status"] == "confirmed"


def test_confirm_with_edits_creates_a_new_version(session: Session) -> None:
    legal = factories.user(session, "legal")
    entry = factories.proposed_entry(session, legal)
    new = services.confirm_entry(session, actor=legal, entry_id=entry.id, edits={"value": 99.95})
    assert new.id != entry.id and new.version == 2 and new.lineage == entry.lineage
    assert new.attrs["value"] == 99.95 and new.value_num == 99.95
    assert new.supersedes_id == entry.id and new.status == "confirmed"
    session.refresh(entry)
    assert entry.status == "superseded" and entry.attrs["value"] == 99.9


def test_confirmed_entry_is_never_edited_in_place(session: Session) -> None:
    legal = factories.user(session, "legal")
    entry = services.confirm_entry(
        session, actor=legal, entry_id=factories.proposed_entry(session, legal).id
    )
    v2 = services.edit_entry(session, actor=legal, entry_id=entry.id, edits={"value": 99.5})
    session.refresh(entry)
    assert entry.attrs["value"] == 99.9 and entry.status == "superseded"
    assert v2.version == 2 and v2.attrs["value"] == 99.5
    with pytest.raises(InvalidState, match="superseded"):
        services.edit_entry(session, actor=legal, entry_id=entry.id, edits={"value": 98})


def test_expected_version_mismatch_names_who_changed_it(session: Session) -> None:
    legal = factories.user(session, "legal")
    other = factories.user(session, "legal", name="Dana Reviewer")
    entry = factories.proposed_entry(session, legal)
    stale = entry.row_version
    services.reject_entry(session, actor=other, entry_id=entry.id, reason="wrong clause")
    with pytest.raises(StaleVersion, match="changed by Dana Reviewer at .*reload"):
        services.confirm_entry(session, actor=legal, entry_id=entry.id, expected_version=stale)


def test_same_bytes_are_stored_once(session: Session) -> None:
    legal = factories.user(session, "legal")
    first = services.ingest_document(
        session, actor=legal, data=b"abc", file_name="a.txt", media_type="text/plain"
    )
    again = services.ingest_document(
        session, actor=legal, data=b"abc", file_name="b.txt", media_type="text/plain"
    )
    assert first.created and not again.created
    assert again.document.id == first.document.id and again.document.file_name == "a.txt"


def test_empty_document_is_refused(session: Session) -> None:
    legal = factories.user(session, "legal")
    with pytest.raises(InvalidInput, match="empty"):
        services.ingest_document(
            session, actor=legal, data=b"", file_name="e.txt", media_type="text/plain"
        )


def test_supersede_document_links_both(session: Session) -> None:
    legal = factories.user(session, "legal")
    old = factories.document(session, legal, data=b"v1")
    new = factories.document(session, legal, data=b"v2")
    services.supersede_document(session, actor=legal, document_id=old.id, by_document_id=new.id)
    assert old.status == "superseded" and new.supersedes_id == old.id


def test_findings_resolve_and_waive_need_roles_and_notes(session: Session) -> None:
    grc = factories.user(session, "grc")
    legal = factories.user(session, "legal")
    doc = factories.document(session, legal)
    rows = services.record_findings(
        session,
        actor=grc,
        document=doc,
        findings=[
            {
                "rule": "SLA-U001",
                "category": "unmeasurable",
                "severity": "warning",
                "message": "vague",
            },
            {
                "rule": "SLA-C001",
                "category": "conflict",
                "severity": "error",
                "message": "99.99 vs 99.9",
            },
        ],
    )
    with pytest.raises(InvalidInput, match="note"):
        services.resolve_finding(session, actor=grc, finding_id=rows[0].id, note=" ")
    with pytest.raises(PermissionDenied):
        services.resolve_finding(session, actor=legal, finding_id=rows[1].id, note="ok", waive=True)
    done = services.resolve_finding(
        session, actor=grc, finding_id=rows[1].id, note="marketing page corrected", waive=True
    )
    assert done.status == "waived" and done.resolved_by_id == grc.id


def test_add_user_returns_key_once_and_stores_only_its_hash(session: Session) -> None:
    admin = services.system_actor(session)
    user, key = services.add_user(session, actor=admin, name="Lee", role="grc")
    assert key.startswith("slareg_") and key not in (user.api_key_hash or "")
    assert services.authenticate(session, api_key=key) is user
    assert services.authenticate(session, api_key=key + "x") is None
    with pytest.raises(InvalidInput, match="unknown role"):
        services.add_user(session, actor=admin, name="Kim", role="superuser")


def test_every_write_is_in_a_valid_chain(session: Session) -> None:
    legal = factories.user(session, "legal")
    entry = factories.proposed_entry(session, legal)
    services.confirm_entry(session, actor=legal, entry_id=entry.id)
    result = audit.verify(session)
    assert result.ok and result.events >= 5
