"""`slareg demo` on a fresh SQLite register: the whole pipeline, twice (idempotent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from api import context
from api.cli import app
from register import audit
from register.db import make_engine
from register.models import Document, Finding, MeasurementResult, SlaEntry


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with Session(engine) as s:
        out = {
            m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (Document, SlaEntry, Finding, MeasurementResult)
        }
        out["audit_ok"] = int(audit.verify(s).ok)
    engine.dispose()
    return out


def test_demo_runs_the_pipeline_and_is_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("SLAREG_DATABASE_URL", url)
    monkeypatch.setattr(context, "_engines", {})
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "Globex Ltd" in result.output and "slareg ui" in result.output
    first = _counts(url)
    assert first["documents"] >= 12 and first["sla_entries"] > 50
    assert first["findings"] > 0 and first["measurement_results"] >= 36
    assert first["audit_ok"] == 1
    again = CliRunner().invoke(app, ["demo"])
    assert again.exit_code == 0, again.output
    assert _counts(url) == first
