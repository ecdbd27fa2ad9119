"""FastAPI dependencies: settings, a transactional session, the current user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from api.errors import Unauthorized
from register import services
from register.db import make_sessionmaker
from register.models import User


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed on success, rolled back on any error."""
    maker = make_sessionmaker(request.app.state.engine)
    with maker() as session, session.begin():
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def current_user(
    session: SessionDep,
    x_api_key: Annotated[str | None, Header()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> User:
    key = x_api_key
    if not key and authorization and authorization.lower().startswith("bearer "):
        key = authorization[7:].strip()
    if not key:
        raise Unauthorized("send your API key in the X-API-Key header (slareg users add)")
    user = services.authenticate(session, api_key=key)
    if user is None:
        raise Unauthorized("the API key is not valid or its user is deactivated")
    return user


UserDep = Annotated[User, Depends(current_user)]
