"""The append-only, hash-chained audit log."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from register.models import AuditEvent, AuditHead, User, utcnow

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def event_hash(
    *,
    prev_hash: str,
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str | None,
    before: Any,
    after: Any,
) -> str:
    body = canonical(
        {
            "seq": seq,
            "at": at.astimezone(dt.UTC).isoformat(),
            "actor": actor,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "before": before,
            "after": after,
        }
    )
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


def event_digest(event: AuditEvent) -> str:
    """The hash an event must carry, from its own fields and its link."""
    return event_hash(
        prev_hash=event.prev_hash,
        seq=event.seq,
        at=event.at,
        actor=event.actor,
        action=event.action,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        before=event.before,
        after=event.after,
    )


def _jsonable(value: Any) -> Any:
    return None if value is None else json.loads(canonical(value))


def append(
    session: Session,
    *,
    actor: User | str,
    action: str,
    entity_type: str,
    entity_id: object = None,
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    """Append one event; locks the chain head so concurrent writers never fork the chain."""
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one()
    at = utcnow()
    name = actor if isinstance(actor, str) else actor.name
    eid = None if entity_id is None else str(entity_id)
    before, after = _jsonable(before), _jsonable(after)
    event = AuditEvent(
        seq=head.seq + 1,
        at=at,
        actor=name,
        action=action,
        entity_type=entity_type,
        entity_id=eid,
        before=before,
        after=after,
        prev_hash=head.hash,
    )
    event.hash = event_digest(event)
    session.add(event)
    head.seq, head.hash = event.seq, event.hash
    session.flush()
    return event


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    broken_seq: int | None = None
    broken_id: int | None = None
    reason: str | None = None


def _events(session: Session) -> Iterator[AuditEvent]:
    yield from session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()


def verify(session: Session) -> VerifyResult:
    """Recompute the chain; report the first event whose content, link or order is wrong."""
    prev, expected_seq, count = GENESIS, 1, 0
    for ev in _events(session):
        count += 1
        problem = None
        if ev.seq != expected_seq:
            problem = f"sequence gap: expected #{expected_seq}, found #{ev.seq} (removed event)"
        elif ev.prev_hash != prev:
            problem = "its link to the previous event does not match (events removed or reordered)"
        else:
            digest = event_digest(ev)
            if digest != ev.hash:
                problem = "its content was changed after it was written (hash mismatch)"
        if problem:
            return VerifyResult(False, count, ev.seq, ev.id, problem)
        prev, expected_seq = ev.hash, expected_seq + 1
    head = session.get(AuditHead, 1)
    if head is not None and (head.seq != expected_seq - 1 or head.hash != prev):
        return VerifyResult(
            False,
            count,
            head.seq,
            None,
            f"the chain ends at #{expected_seq - 1} but the head records #{head.seq} "
            "(the newest events were removed)",
        )
    return VerifyResult(True, count)


def recent(session: Session, *, limit: int = 20) -> list[dict[str, Any]]:
    """The newest events, newest first, as rows for people."""
    events = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit))
    return [
        {
            "seq": e.seq,
            "at": e.at.isoformat(timespec="seconds"),
            "actor": e.actor,
            "action": e.action,
            "entity": f"{e.entity_type} {e.entity_id}",
        }
        for e in events.scalars()
    ]
