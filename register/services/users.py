"""Users and API keys. Keys are shown once and stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from register import audit
from register.errors import InvalidInput, NotFound
from register.models import ROLES, User
from register.permissions import require

SYSTEM = "system"


def hash_key(api_key: str) -> str:
    return hashlib.sha256(api_key.encode()).hexdigest()


def system_actor(session: Session) -> User:
    """The local operator: whoever runs the CLI on the database acts as this admin.

    It has no API key, so it cannot be used over HTTP. Created (and audited) on first use.
    """
    user = session.execute(select(User).where(User.name == SYSTEM)).scalar_one_or_none()
    if user is None:
        user = User(name=SYSTEM, role="admin", api_key_hash=None)
        session.add(user)
        session.flush()
        audit.append(
            session,
            actor=SYSTEM,
            action="user.bootstrap",
            entity_type="user",
            entity_id=user.id,
            after={"name": SYSTEM, "role": "admin"},
        )
    return user


def add_user(session: Session, *, actor: User, name: str, role: str) -> tuple[User, str]:
    """Create a user; returns it and its API key (the only time the key is visible)."""
    require(actor, "user.add")
    name = name.strip()
    if not name:
        raise InvalidInput("a user needs a non-empty name")
    if role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
    if session.execute(select(User.id).where(User.name == name)).first():
        raise InvalidInput(f"a user named {name!r} exists already")
    api_key = "slareg_" + secrets.token_urlsafe(32)
    user = User(name=name, role=role, api_key_hash=hash_key(api_key))
    session.add(user)
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="user.add",
        entity_type="user",
        entity_id=user.id,
        after={"name": name, "role": role},
    )
    return user, api_key


def get_user(session: Session, *, name: str) -> User:
    user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    if user is None:
        raise NotFound("user", name)
    return user


def authenticate(session: Session, *, api_key: str) -> User | None:
    """The active user holding `api_key`, or None."""
    if not api_key:
        return None
    user = session.execute(
        select(User).where(User.api_key_hash == hash_key(api_key))
    ).scalar_one_or_none()
    return user if user is not None and user.active else None
