"""`slareg ingest`: each file its own transaction, duplicates are no-ops, failures reported."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from register.db import make_engine
from register.models import Document, Finding, SlaEntry
from tests.api.test_cli_register import db, run  # noqa: F401  (fixture)

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "documents"

MSA = """MASTER SERVICES AGREEMENT
1. Availability
1.1 Provider will make the Service available 99.9% of the time in each calendar month.
2. Support
2.1 Priority 1 incidents receive a response within thirty (30) minutes, 24x7.
3. Reviews
3.1 The parties will meet regularly to review performance.
"""


def _count(url: str, model: type) -> int:
    engine = make_engine(url)
    with Session(engine) as s:
        n = s.execute(select(func.count()).select_from(model)).scalar_one()
    engine.dispose()
    return n


def test_batch_with_a_bad_file_lands_the_good_ones(db: str, tmp_path: Path) -> None:  # noqa: F811
    good = tmp_path / "msa.txt"
    good.write_text(MSA)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    corrupt = tmp_path / "broken.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%garbage")
    code, out = run("ingest", str(empty), str(good), str(corrupt), "--customer", "Acme Corp")
    assert code == 1
    assert "empty.txt" in out and "broken.pdf" in out and "2 of 3 files failed" in out
    assert "stored: msa.txt" in out
    assert _count(db, Document) == 1
    assert _count(db, SlaEntry) >= 2
    assert _count(db, Finding) >= 1  # "regularly" without an interval is unmeasurable


def test_same_bytes_again_is_a_noop_that_says_so(db: str, tmp_path: Path) -> None:  # noqa: F811
    good = tmp_path / "msa.txt"
    good.write_text(MSA)
    assert run("ingest", str(good), "--customer", "Acme Corp")[0] == 0
    entries = _count(db, SlaEntry)
    copy = tmp_path / "renamed.txt"
    copy.write_text(MSA)
    code, out = run("ingest", str(copy), "--customer", "Acme Corp")
    assert code == 0 and "unchanged" in out and "already" in out
    assert _count(db, Document) == 1 and _count(db, SlaEntry) == entries


def test_viewer_cannot_ingest(db: str, tmp_path: Path) -> None:  # noqa: F811
    run("users", "add", "vic", "--role", "viewer")
    good = tmp_path / "msa.txt"
    good.write_text(MSA)
    code, out = run("ingest", str(good), "--customer", "Acme Corp", "--as", "vic")
    assert code == 1 and "may not" in out
    assert _count(db, Document) == 0
