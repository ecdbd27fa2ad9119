"""`slareg` register commands end to end on a real database file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text
from typer.testing import CliRunner

from api import context
from api.cli import app
from register.db import make_engine
from tests.conftest import BACKENDS, new_database

runner = CliRunner()


@pytest.fixture(params=BACKENDS)
def db(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    with new_database(request.param, tmp_path) as url:
        monkeypatch.setenv("SLAREG_DATABASE_URL", url)
        yield url
        for engine in context._engines.values():
            engine.dispose()
        context._engines.clear()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_users_add_prints_key_once_and_refuses_bad_role(db: str) -> None:
    code, out = run("users", "add", "alice", "--role", "legal")
    assert code == 0 and "slareg_" in out
    code, out = run("users", "add", "bob", "--role", "boss")
    assert code == 1 and "unknown role 'boss'" in out
    code, out = run("users", "list", "--format", "json")
    names = [u["name"] for u in json.loads(out)]
    assert "alice" in names and "bob" not in names


def test_non_admin_cannot_add_users(db: str) -> None:
    run("users", "add", "alice", "--role", "legal")
    code, out = run("users", "add", "eve", "--role", "admin", "--as", "alice")
    assert code == 1 and "may not user.add" in out


def test_audit_verify_names_the_edited_row(db: str) -> None:
    for name in ("a", "b", "c"):
        assert run("users", "add", name, "--role", "viewer")[0] == 0
    assert run("audit", "verify")[0] == 0
    engine = make_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET action = 'user.remove' WHERE seq = 3"))
    engine.dispose()
    code, out = run("audit", "verify")
    assert code == 1 and "event #3" in out and "changed" in out


def test_export_writes_the_sla_definition(db: str, tmp_path: Path) -> None:
    from sqlalchemy.orm import Session

    from register import services
    from tests.register import factories

    engine = make_engine(db)
    with Session(engine) as s, s.begin():
        legal = factories.user(s, "legal")
        entry = factories.proposed_entry(s, legal)
        services.confirm_entry(s, actor=legal, entry_id=entry.id)
        entry_id = entry.id
    engine.dispose()
    code, out = run("register", "export", "--customer", "Acme Corporation", "--out", str(tmp_path))
    assert code == 0, out
    files = list(tmp_path.glob("*.sla.yaml"))
    assert len(files) == 1
    sla = yaml.safe_load(files[0].read_text())
    assert sla["schema"] == "slareg.sla/1" and sla["service"] == "Core API"
    assert sla["targets"] == [
        {
            "kind": "availability",
            "percent": 99.9,
            "period": "monthly",
            "clock": "calendar",
            "granularity_minutes": None,
        }
    ]
    code, out = run(
        "register", "export", "--customer", "Acme Corporation", "--out", str(tmp_path), "--openslo"
    )
    assert code == 0, out
    slos = list(yaml.safe_load_all(next(tmp_path.glob("*.openslo.yaml")).read_text()))
    assert [d["apiVersion"] for d in slos] == ["openslo/v1"]
    assert slos[0]["spec"]["budgetingMethod"] == "Timeslices"
    assert str(entry_id) in yaml.safe_dump(slos[0]["metadata"])  # the register id travels along
    code, out = run("register", "export", "--customer", "Nobody")
    assert code == 1 and "no customer named 'Nobody'" in out
