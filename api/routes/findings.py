"""/findings: list and resolve/waive."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import SessionDep, UserDep
from register import services
from register.permissions import require
from register.schemas import FindingRead, FindingResolve

router = APIRouter(prefix="/findings", tags=["findings"])


@router.get("", response_model=list[FindingRead])
def list_findings(
    session: SessionDep, user: UserDep, customer_id: int | None = None, status: str | None = None
) -> list[Any]:
    require(user, "read")
    return services.list_findings(session, customer_id=customer_id, status=status)


@router.post("/{finding_id}/resolve", response_model=FindingRead)
def resolve(finding_id: int, body: FindingResolve, session: SessionDep, user: UserDep) -> Any:
    return services.resolve_finding(
        session,
        actor=user,
        finding_id=finding_id,
        note=body.note,
        waive=body.waive,
        expected_version=body.expected_version,
    )
