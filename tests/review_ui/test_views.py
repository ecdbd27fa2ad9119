"""AppTest smoke test over every Streamlit view, plus a confirm and a resolve click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from register import services
from register.db import make_engine
from tests.conftest import new_database
from tests.register import factories

VIEWS = Path(__file__).resolve().parents[2] / "review_ui" / "views"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    with new_database("sqlite", tmp_path) as url:
        engine = make_engine(url)
        with Session(engine) as s, s.begin():
            legal = factories.user(s, "legal", name="lee")
            grc = factories.user(s, "grc", name="gus")
            entry = factories.proposed_entry(s, legal)
            doc = entry.document
            finding = services.record_findings(
                s,
                actor=grc,
                document=doc,
                customer=doc.customer,
                findings=[
                    {
                        "rule": "SLA-U001",
                        "category": "unmeasurable",
                        "severity": "warning",
                        "message": "vague",
                    }
                ],
            )[0]
            ids = {"entry": entry.id, "finding": finding.id}
        monkeypatch.setenv("SLAREG_DATABASE_URL", url)
        yield {"engine": engine, **ids}
        engine.dispose()


@pytest.mark.parametrize(
    "view", sorted(p.name for p in VIEWS.glob("*.py") if p.name != "__init__.py")
)
def test_every_view_renders(db: dict, view: str) -> None:
    at = AppTest.from_file(str(VIEWS / view), default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title


def test_confirm_click_confirms_the_entry(db: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLAREG_UI_USER", "lee")
    at = AppTest.from_file(str(VIEWS / "proposals.py"), default_timeout=30).run()
    at.button(key=f"confirm{db['entry']}").click().run()
    assert not at.exception
    with Session(db["engine"]) as s:
        assert services.get_entry(s, entry_id=db["entry"]).status == "confirmed"


def test_read_only_without_user_cannot_click(db: dict) -> None:
    at = AppTest.from_file(str(VIEWS / "proposals.py"), default_timeout=30).run()
    assert at.button(key=f"confirm{db['entry']}").disabled


def test_waive_needs_grc_and_a_note(db: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLAREG_UI_USER", "gus")
    at = AppTest.from_file(str(VIEWS / "findings.py"), default_timeout=30).run()
    at.text_input(key=f"note{db['finding']}").input("accepted for this customer")
    at.button(key=f"Waive{db['finding']}").click().run()
    assert not at.exception
    with Session(db["engine"]) as s:
        assert services.list_findings(s, status="waived")[0].id == db["finding"]


def test_app_navigation_runs_the_default_page(db: dict) -> None:
    app = VIEWS.parent / "app.py"
    at = AppTest.from_file(str(app), default_timeout=30).run()
    assert not at.exception
    assert at.title[0].value == "Review proposed SLA entries"


def test_no_view_shadows_a_package() -> None:
    """Streamlit puts a page's folder on sys.path: a view named like one of our packages
    (register.py) made `from register import services` import the page itself."""
    packages = {"extractor", "mapper", "register", "measurement", "api", "review_ui"}
    assert not {p.stem for p in VIEWS.glob("*.py")} & packages
