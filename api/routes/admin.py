"""/users, /audit, /health."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import SessionDep, UserDep
from register import audit, services
from register.permissions import require
from register.schemas import UserCreate, UserRead

router = APIRouter(tags=["admin"])


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/users/me", response_model=UserRead)
def me(user: UserDep) -> Any:
    return user


@router.post("/users", status_code=201)
def add_user(body: UserCreate, session: SessionDep, user: UserDep) -> dict[str, Any]:
    created, key = services.add_user(session, actor=user, name=body.name, role=body.role)
    return {"user": UserRead.model_validate(created).model_dump(), "api_key": key}


@router.get("/audit/verify")
def verify(session: SessionDep, user: UserDep) -> dict[str, Any]:
    require(user, "read")
    result = audit.verify(session)
    return {
        "ok": result.ok,
        "events": result.events,
        "broken_seq": result.broken_seq,
        "broken_id": result.broken_id,
        "reason": result.reason,
    }
