"""What the interfaces share: settings -> engine -> session, the acting user, error output."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from extractor.config import Limits
from register import services
from register.db import make_engine, make_sessionmaker, upgrade
from register.errors import RegisterError
from register.models import User
from register.settings import Settings, get_settings

console = Console()
err_console = Console(stderr=True)

P = ParamSpec("P")
R = TypeVar("R")

_engines: dict[str, Engine] = {}


def limits_for(settings: Settings | None = None) -> Limits:
    """The extractor's limits from the configured settings."""
    s = settings or get_settings()
    return Limits(
        max_bytes=s.max_bytes,
        max_pages=s.max_pages,
        max_docx_uncompressed_bytes=s.max_docx_uncompressed_bytes,
    )


def engine_for(settings: Settings | None = None, *, migrate: bool = True) -> Engine:
    """One engine per database URL; brought to the newest schema on first use."""
    url = (settings or get_settings()).database_url
    if url not in _engines:
        engine = make_engine(url)
        if migrate:
            upgrade(engine)
        _engines[url] = engine
    return _engines[url]


@contextmanager
def session_scope(settings: Settings | None = None) -> Iterator[Session]:
    """A session whose transaction commits when the block ends without error."""
    maker = make_sessionmaker(engine_for(settings))
    with maker() as session, session.begin():
        yield session


def acting_user(session: Session, name: str | None) -> User:
    """`--as NAME` picks a register user; without it the local operator (system admin)."""
    return services.get_user(session, name=name) if name else services.system_actor(session)


def fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Known errors become one clear line on stderr and exit code 1 (no traceback)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except RegisterError as exc:
            raise fail(str(exc)) from None
        except (ValueError, OSError) as exc:
            if isinstance(exc, BrokenPipeError):
                sys.exit(1)
            raise fail(str(exc)) from None

    return wrapper


def jsonable(value: Any) -> Any:
    import json

    return json.loads(json.dumps(value, default=str))
