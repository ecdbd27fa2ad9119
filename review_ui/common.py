"""What every page shares: the cached engine, a session per action, the signed-in user."""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from register import services
from register.db import make_engine, upgrade
from register.errors import RegisterError
from register.models import Customer, User


@st.cache_resource
def engine(url: str) -> Engine:
    eng = make_engine(url)
    upgrade(eng)
    return eng


def database_url() -> str:
    from register.settings import get_settings

    return get_settings().database_url


@contextmanager
def session_scope() -> Iterator[Session]:
    maker = sessionmaker(bind=engine(database_url()), expire_on_commit=False)
    with maker() as session, session.begin():
        yield session


def signed_in_user() -> User | None:
    """The user of the API key typed in the sidebar, or the one `slareg ui --as` named."""
    preset = os.environ.get("SLAREG_UI_USER")
    key = st.sidebar.text_input(
        "API key",
        type="password",
        key="api_key",
        help="from `slareg users add`; read-only without one",
    )
    with session_scope() as s:
        user = services.authenticate(s, api_key=key) if key else None
        if user is None and preset:
            user = s.execute(select(User).where(User.name == preset)).scalar_one_or_none()
    if key and user is None:
        st.sidebar.error("That API key is not valid.")
    st.sidebar.caption(f"signed in as **{user.name}** ({user.role})" if user else "read-only")
    return user


def customers() -> dict[str, int]:
    """Customer name -> id, by name."""
    with session_scope() as s:
        rows = s.execute(select(Customer.name, Customer.id).order_by(Customer.name)).all()
    return {name: cid for name, cid in rows}


def pick_customer(key: str) -> int:
    """A customer select box; stops the page with a hint when the register is empty."""
    known = customers()
    if not known:
        st.info("The register is empty. Run `slareg demo` or `slareg ingest FILE --customer NAME`.")
        st.stop()
    return known[st.selectbox("Customer", list(known), key=key)]


def run_action(label: str, fn, /, **kwargs) -> bool:  # type: ignore[no-untyped-def]
    """Run one service call in its own transaction; show the outcome; True on success."""
    try:
        with session_scope() as s:
            fn(s, **kwargs)
    except RegisterError as exc:
        st.error(f"{label}: {exc}")
        return False
    st.success(f"{label}: done")
    return True


def context_of(text: str, start: int, end: int, width: int = 400) -> str:
    """HTML of the source around [start, end), line breaks kept, the quote highlighted."""
    a, b = max(0, start - width), min(len(text), end + width)
    before, quote, after = (html.escape(x) for x in (text[a:start], text[start:end], text[end:b]))
    body = f"…{before}<mark>{quote}</mark>{after}…"
    return f'<div style="white-space: pre-wrap; font-size: 0.9rem">{body}</div>'
