"""Two reviewers confirm the same entry at the same time: exactly one wins.

Runs on every backend (PostgreSQL when SLAREG_TEST_POSTGRES_URL is set) with two real
connections, each in its own thread and transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from register import services
from register.db import make_engine
from register.errors import InvalidState, StaleVersion
from register.models import AuditEvent, SlaEntry
from tests.conftest import BACKENDS, new_database
from tests.register import factories


@pytest.fixture(params=BACKENDS)
def fresh_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with new_database(request.param, tmp_path) as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


def _setup(maker: sessionmaker[Session]) -> tuple[int, int]:
    with maker() as s, s.begin():
        legal = factories.user(s, "legal", name="Ana Legal")
        factories.user(s, "legal", name="Ben Legal")
        entry = factories.proposed_entry(s, legal)
        return entry.id, entry.row_version


def test_concurrent_confirmation_exactly_one_wins(fresh_engine: Engine) -> None:
    maker = sessionmaker(bind=fresh_engine, expire_on_commit=False)
    entry_id, version = _setup(maker)
    first_flushed, first_may_commit = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def reviewer(name: str, hold: bool) -> None:
        try:
            with maker() as s, s.begin():
                actor = services.get_user(s, name=name)
                services.confirm_entry(s, actor=actor, entry_id=entry_id, expected_version=version)
                if hold:  # keep the transaction open while the other one tries
                    first_flushed.set()
                    first_may_commit.wait(10)
            outcome[name] = "won"
        except (StaleVersion, InvalidState) as exc:
            outcome[name] = exc
        finally:
            first_flushed.set()

    ana = threading.Thread(target=reviewer, args=("Ana Legal", True))
    ana.start()
    assert first_flushed.wait(10)
    ben = threading.Thread(target=reviewer, args=("Ben Legal", False))
    ben.start()
    ben.join(0.5)  # Ben is now blocked on Ana's row (or lock); let Ana commit
    first_may_commit.set()
    ana.join(15)
    ben.join(15)

    assert outcome["Ana Legal"] == "won"
    loser = outcome["Ben Legal"]
    assert isinstance(loser, StaleVersion | InvalidState)
    assert "Ana Legal" in str(loser) and "reload" in str(loser).lower()
    with maker() as s:
        entry = s.get(SlaEntry, entry_id)
        assert entry is not None and entry.status == "confirmed"
        confirms = s.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "entry.confirm")
        ).scalar_one()
        assert confirms == 1


def test_racing_confirmations_one_winner(fresh_engine: Engine) -> None:
    """A free race (barrier, no ordering): still exactly one confirmation lands."""
    maker = sessionmaker(bind=fresh_engine, expire_on_commit=False)
    entry_id, version = _setup(maker)
    barrier = threading.Barrier(2)
    results: list[object] = []

    def reviewer(name: str) -> None:
        barrier.wait(10)
        try:
            with maker() as s, s.begin():
                actor = services.get_user(s, name=name)
                services.confirm_entry(s, actor=actor, entry_id=entry_id, expected_version=version)
            results.append("won")
        except (StaleVersion, InvalidState) as exc:
            results.append(exc)

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in ("Ana Legal", "Ben Legal")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert results.count("won") == 1 and len(results) == 2
