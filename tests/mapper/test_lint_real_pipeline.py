"""`slareg lint --docx-out` over the real extractor pipeline (reader + terms)."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from api.commands.lint import lint_files
from mapper.annotate_docx import annotate_docx
from tests.mapper.test_lint_docx import anchored_texts


def _draft(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Service Level Agreement", level=1)
    d.add_heading("1. Availability", level=2)
    p = d.add_paragraph()
    p.add_run("The Provider will use reasonable efforts to keep the Service ")
    p.add_run("highly available").bold = True
    p.add_run(".")
    d.add_paragraph("The Service will be available 99.95% of the time.")
    d.add_heading("2. Support", level=2)
    d.add_paragraph("The Provider will respond promptly to support requests during business hours.")
    d.add_paragraph("The parties will review the service regularly.")
    d.save(str(path))
    return path


def test_real_pipeline_comments_sit_on_their_quotes(tmp_path: Path) -> None:
    src = _draft(tmp_path / "draft.docx")
    extractions, report = lint_files([src])
    assert report.has_errors
    rules = {f.rule for f in report.findings}
    assert {"SLA-U001", "SLA-U002", "SLA-U004"} <= rules
    result = annotate_docx(src.read_bytes(), report.findings)
    assert result.unplaced == ()
    out = docx.Document(io.BytesIO(result.data))
    assert len(out.comments) == len(report.findings)
    anchored = anchored_texts(result.data)
    quoted = [f for f in report.findings if f.quote]
    texts = set(anchored.values())
    for f in quoted:
        assert " ".join(f.quote.split()) in {" ".join(t.split()) for t in texts}, f.quote
