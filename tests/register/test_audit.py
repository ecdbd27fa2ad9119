"""Tampering with the audit log behind the tool's back is detected and named."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from register import audit, services
from register.models import AuditEvent
from tests.register import factories


def _chain(session: Session) -> list[AuditEvent]:
    legal = factories.user(session, "legal")
    entry = factories.proposed_entry(session, legal)
    services.confirm_entry(session, actor=legal, entry_id=entry.id)
    return list(session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())


def test_untouched_chain_verifies(session: Session) -> None:
    events = _chain(session)
    result = audit.verify(session)
    assert result.ok and result.events == len(events)


def test_edited_payload_is_named(session: Session) -> None:
    events = _chain(session)
    target = events[3]
    session.execute(update(AuditEvent).where(AuditEvent.id == target.id).values(actor="mallory"))
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and result.broken_seq == target.seq and result.broken_id == target.id
    assert "changed" in (result.reason or "")


def test_edited_json_after_is_named(session: Session) -> None:
    events = _chain(session)
    target = events[-1]
    after = dict(target.after or {})
    after["status"] = "rejected"
    session.execute(update(AuditEvent).where(AuditEvent.id == target.id).values(after=after))
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and result.broken_seq == target.seq


def test_deleted_event_is_named(session: Session) -> None:
    events = _chain(session)
    session.execute(delete(AuditEvent).where(AuditEvent.id == events[2].id))
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and result.broken_seq == events[3].seq


def test_deleted_newest_event_is_detected(session: Session) -> None:
    events = _chain(session)
    session.execute(delete(AuditEvent).where(AuditEvent.id == events[-1].id))
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and "newest" in (result.reason or "")


def test_rehashed_event_still_breaks_the_next_link(session: Session) -> None:
    events = _chain(session)
    target = events[1]
    forged = audit.event_hash(
        prev_hash=target.prev_hash,
        seq=target.seq,
        at=target.at,
        actor="mallory",
        action=target.action,
        entity_type=target.entity_type,
        entity_id=target.entity_id,
        before=target.before,
        after=target.after,
    )
    session.execute(
        update(AuditEvent).where(AuditEvent.id == target.id).values(actor="mallory", hash=forged)
    )
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and result.broken_seq == events[2].seq
