"""The HTTP API over a real register: keys, roles, problems, optimistic versions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from api.app import create_app
from register import services
from register.models import AuditEvent
from register.settings import Settings
from tests.conftest import BACKENDS, new_database
from tests.register import factories


@pytest.fixture(params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict]:
    with new_database(request.param, tmp_path) as url:
        app = create_app(Settings(database_url=url))
        maker = sessionmaker(bind=app.state.engine, expire_on_commit=False)
        keys = {}
        with maker() as s, s.begin():
            admin = services.system_actor(s)
            for role in ("viewer", "legal", "grc"):
                _user, keys[role] = services.add_user(s, actor=admin, name=role, role=role)
            entry = factories.proposed_entry(s, services.get_user(s, name="legal"))
            entry_id = entry.id
        with TestClient(app) as client:
            yield {"client": client, "keys": keys, "entry": entry_id, "maker": maker}
        app.state.engine.dispose()


def _h(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def test_no_key_is_401_problem(world: dict) -> None:
    r = world["client"].get("/entries")
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "X-API-Key" in r.json()["detail"]


def test_viewer_reads_but_cannot_confirm(world: dict) -> None:
    c, keys, entry = world["client"], world["keys"], world["entry"]
    assert c.get("/entries", headers=_h(keys["viewer"])).status_code == 200
    with world["maker"]() as s:
        events = s.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
    r = c.post(f"/entries/{entry}/confirm", json={}, headers=_h(keys["viewer"]))
    assert r.status_code == 403 and "entry.confirm" in r.json()["detail"]
    with world["maker"]() as s:
        assert s.execute(select(func.count()).select_from(AuditEvent)).scalar_one() == events
        assert services.get_entry(s, entry_id=entry).status == "proposed"


def test_confirm_with_stale_version_is_409(world: dict) -> None:
    c, keys, entry = world["client"], world["keys"], world["entry"]
    current = c.get(f"/entries/{entry}", headers=_h(keys["legal"])).json()["row_version"]
    ok = c.post(
        f"/entries/{entry}/confirm", json={"expected_version": current}, headers=_h(keys["legal"])
    )
    assert ok.status_code == 200 and ok.json()["status"] == "confirmed"
    again = c.post(
        f"/entries/{entry}/confirm", json={"expected_version": current}, headers=_h(keys["legal"])
    )
    assert again.status_code == 409 and "changed by legal" in again.json()["detail"]


def test_bad_payload_is_422_and_names_the_field(world: dict) -> None:
    c, keys, entry = world["client"], world["keys"], world["entry"]
    r = c.post(
        f"/entries/{entry}/confirm", json={"expected_version": "soon"}, headers=_h(keys["legal"])
    )
    assert r.status_code == 422 and "expected_version" in r.json()["detail"]


def test_unknown_entry_is_404(world: dict) -> None:
    r = world["client"].get("/entries/999999", headers=_h(world["keys"]["viewer"]))
    assert r.status_code == 404


def test_audit_verify_over_http(world: dict) -> None:
    r = world["client"].get("/audit/verify", headers=_h(world["keys"]["grc"]))
    assert r.status_code == 200 and r.json()["ok"] is True


SLA_TEXT = b"""SERVICE LEVEL AGREEMENT
1. Availability
1.1 The Core API will be available 99.9% of the time in each calendar month.
2. Support
2.1 Severity 1 incidents receive a response within one (1) hour.
"""


def test_extract_returns_the_record_and_bad_files_are_422(world: dict) -> None:
    c, key = world["client"], world["keys"]["viewer"]
    r = c.post("/extract", files={"file": ("sla.txt", SLA_TEXT, "text/plain")}, headers=_h(key))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["schema"] == "slareg.extraction/1"
    kinds = {t["kind"] for t in body["terms"]}
    assert {"availability", "response_time"} <= kinds
    empty = c.post("/extract", files={"file": ("e.txt", b"", "text/plain")}, headers=_h(key))
    assert empty.status_code == 422 and "e.txt" in empty.json()["detail"]


def test_upload_stores_once_and_effective_sla_names_its_source(world: dict) -> None:
    c, keys = world["client"], world["keys"]
    files = {"file": ("sla.txt", SLA_TEXT, "text/plain")}
    form = {"customer": "Initech Inc"}
    refused = c.post("/documents", files=files, data=form, headers=_h(keys["viewer"]))
    assert refused.status_code == 403
    first = c.post("/documents", files=files, data=form, headers=_h(keys["legal"]))
    assert first.status_code == 201 and first.json()["created"] is True
    assert first.json()["entries"]
    again = c.post("/documents", files=files, data=form, headers=_h(keys["legal"]))
    assert again.json()["created"] is False
    eff = c.get(
        "/customers/Initech Inc/effective",
        params={"date": "2030-01-01"},
        headers=_h(keys["viewer"]),
    )
    assert eff.status_code == 200, eff.text
    avail = [t for t in eff.json()["terms"] if t["terms"][0]["kind"] == "availability"]
    assert avail and avail[0]["document"] == "sla.txt" and "99.9" in avail[0]["quote"]
    missing = c.get("/customers/Nobody/effective", headers=_h(keys["viewer"]))
    assert missing.status_code == 404
