"""/entries: list, read, confirm, edit, reject SLA entries."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import SessionDep, UserDep
from register import services
from register.permissions import require
from register.schemas import EntryConfirm, EntryRead, EntryReject

router = APIRouter(prefix="/entries", tags=["entries"])


class EntryEdit(BaseModel):
    edits: dict[str, Any]
    expected_version: int | None = None


@router.get("", response_model=list[EntryRead])
def list_entries(
    session: SessionDep,
    user: UserDep,
    customer_id: int | None = None,
    status: str | None = None,
    kind: str | None = None,
) -> list[Any]:
    require(user, "read")
    return services.list_entries(session, customer_id=customer_id, status=status, kind=kind)


@router.get("/{entry_id}", response_model=EntryRead)
def get_entry(entry_id: int, session: SessionDep, user: UserDep) -> Any:
    require(user, "read")
    return services.get_entry(session, entry_id=entry_id)


@router.post("/{entry_id}/confirm", response_model=EntryRead)
def confirm(entry_id: int, body: EntryConfirm, session: SessionDep, user: UserDep) -> Any:
    return services.confirm_entry(
        session,
        actor=user,
        entry_id=entry_id,
        edits=body.edits,
        expected_version=body.expected_version,
    )


@router.post("/{entry_id}/edit", response_model=EntryRead)
def edit(entry_id: int, body: EntryEdit, session: SessionDep, user: UserDep) -> Any:
    return services.edit_entry(
        session,
        actor=user,
        entry_id=entry_id,
        edits=body.edits,
        expected_version=body.expected_version,
    )


@router.post("/{entry_id}/reject", response_model=EntryRead)
def reject(entry_id: int, body: EntryReject, session: SessionDep, user: UserDep) -> Any:
    return services.reject_entry(
        session,
        actor=user,
        entry_id=entry_id,
        reason=body.reason,
        expected_version=body.expected_version,
    )
