"""Extraction in a forked worker beside the measurability work gives what one process gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from api import extract_beside
from api.commands.lint import lint_files
from extractor.errors import ExtractionError

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
fork_only = pytest.mark.skipif(sys.platform != "linux", reason="the worker is forked (Linux)")


def _draft(tmp_path: Path) -> Path:
    """A long draft (over MIN_BYTES) from the corpus texts, so the worker really runs."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    text = "\n\n".join(parts)
    while len(text.encode()) < extract_beside.MIN_BYTES:
        text += "\n\n" + text
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return path


@fork_only
def test_two_workers_find_exactly_what_one_finds(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    files = [draft, CORPUS / "acme_sla_schedule.docx", CORPUS / "acme_msa.pdf"]
    one, report_one = lint_files(files, workers=1)
    two, report_two = lint_files(files, workers=2)
    assert [e.to_dict(with_text=True) for e in two] == [e.to_dict(with_text=True) for e in one]
    assert report_two.to_dict() == report_one.to_dict()
    assert any(f.category == "unmeasurable" for f in report_two.findings)


@fork_only
def test_a_worker_failure_is_the_extractors_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = _draft(tmp_path)

    def broken(*_args: object) -> None:
        raise ExtractionError("draft.txt", "the terms stage broke")

    monkeypatch.setattr(extract_beside, "document_to_extraction", broken)
    with pytest.raises(ExtractionError, match="the terms stage broke"):
        extract_beside.extract_files([draft], workers=2)


def test_a_bad_file_fails_before_any_worker(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00" * extract_beside.MIN_BYTES)
    with pytest.raises(ExtractionError):
        extract_beside.extract_files([bad], workers=2)


def test_small_inputs_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a worker was started for a small file")

    monkeypatch.setattr(extract_beside, "ProcessPoolExecutor", no_pool)
    (extraction,) = extract_beside.extract_files([CORPUS / "acme_msa.pdf"], workers=2)
    assert extraction.terms
