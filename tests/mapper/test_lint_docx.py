"""`slareg lint` end to end (with a stand-in extractor) and the --docx-out comments."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
import typer
from docx.oxml.ns import qn
from typer.testing import CliRunner

from api import extract_beside
from api.commands import lint as lint_cmd
from extractor.types import Extraction
from mapper.annotate_docx import annotate_docx, isolate_runs
from mapper.lint import lint_documents
from tests.mapper.factories import make_extraction, term
from tests.mapper.samples import GOOD_HEADINGS, GOOD_TERMS, GOOD_TEXT

RUNS = [
    ("Provider will ", True),
    ("respond promptly", False),
    (" to tickets. Billing tickets get ", False),
    ("a response within 1 hour.", True),
]


def make_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Draft Service Level Agreement", level=1)
    p = d.add_paragraph()
    for text, bold in RUNS:
        p.add_run(text).bold = bold
    d.add_paragraph("The parties will review the service regularly.")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "P1"
    table.rows[0].cells[1].text = "Provider will restore service as soon as practicable."
    d.save(str(path))
    return path


def docx_text(data: bytes) -> str:
    """A stand-in for the DOCX reader: paragraphs joined by newlines, cells by ' | '."""
    d = docx.Document(io.BytesIO(data))
    lines = [p.text for p in d.paragraphs]
    for table in d.tables:
        lines += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(lines) + "\n"


def fake_extract(data: bytes, name: str, *, limits: object = None) -> Extraction:
    if name.endswith(".docx"):
        return make_extraction(name, docx_text(data))
    text = data.decode()
    if "Service Level Agreement\n1. Scope" in text:
        return make_extraction(name, text, GOOD_TERMS, headings=GOOD_HEADINGS)
    return make_extraction(name, text)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    monkeypatch.setattr(extract_beside, "extract", fake_extract)
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """test app"""

    lint_cmd.install(app)
    return app


def anchored_texts(data: bytes) -> dict[int, str]:
    """comment id -> the text between its range start and end, in document order."""
    body = docx.Document(io.BytesIO(data)).element.body
    open_ids: set[int] = set()
    texts: dict[int, str] = {}
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(int(el.get(qn("w:id"))))
            texts.setdefault(int(el.get(qn("w:id"))), "")
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:t"):
            for i in open_ids:
                texts[i] += el.text or ""
    return texts


def test_docx_out_anchors_each_comment_on_its_quote(cli: typer.Typer, tmp_path: Path) -> None:
    src = make_docx(tmp_path / "draft.docx")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["lint", str(src), "--docx-out", str(out), "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    findings = report["findings"]
    annotated = docx.Document(str(out))  # opens in python-docx
    comments = {c.comment_id: c.text for c in annotated.comments}
    assert len(comments) == len(findings)
    anchored = anchored_texts(out.read_bytes())
    by_text = {}
    for cid, text in comments.items():
        by_text[text.split("]", 1)[1].split("\n")[0].strip()] = anchored[cid]
    quoted = [f for f in findings if f["quote"]]
    assert {f["rule"] for f in quoted} >= {"SLA-U002", "SLA-U004"}
    for f in quoted:
        anchor = by_text[f["message"]]
        assert anchor == f["quote"] or anchor in f["quote"].split(" | "), (anchor, f["quote"])
    for f in findings:
        if not f["quote"]:
            assert by_text[f["message"]] == "Draft Service Level Agreement"
    # the quote spans three runs of different formatting; the text and formatting survive
    para = annotated.paragraphs[1]
    assert para.text == "".join(t for t, _ in RUNS)
    assert [r.bold for r in para.runs if r.text == "Provider will "] == [True]


def test_isolate_runs_splits_exactly() -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("abc")
    p.add_run("defgh").italic = True
    p.add_run("ij")
    runs = isolate_runs(p, 2, 6)
    assert "".join(r.text for r in runs) == "cdef"
    assert p.text == "abcdefghij"
    assert [r.italic for r in runs] == [None, True]


def test_unlocatable_quote_goes_on_the_title(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "d.docx").read_bytes()
    doc = make_extraction("d.docx", "Nothing like the docx. Provider will act promptly.\n")
    report = lint_documents([doc])
    result = annotate_docx(src, report.findings)
    assert result.unplaced and result.anchored == 0
    assert len(docx.Document(io.BytesIO(result.data)).comments) == len(report.findings)


def test_text_output_exit_codes_and_grouping(cli: typer.Typer, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    result = CliRunner().invoke(cli, ["lint", str(good)])
    assert result.exit_code == 0, result.output
    assert "no findings" in result.output
    bad = tmp_path / "bad.txt"
    bad.write_text("Provider will respond promptly.\n")
    result = CliRunner().invoke(cli, ["lint", str(good), str(bad)])
    assert result.exit_code == 1
    assert (
        "bad.txt" in result.output and "SLA-U002" in result.output and "promptly" in result.output
    )


def test_docx_out_needs_one_docx(cli: typer.Typer, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x")
    result = CliRunner().invoke(cli, ["lint", str(f), "--docx-out", str(tmp_path / "o.docx")])
    assert result.exit_code == 2 and "one .docx" in result.output


def test_customer_context_comes_from_the_register(
    cli: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.orm import Session

    from api import context
    from register import services
    from register.db import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'reg.db'}"
    monkeypatch.setenv("SLAREG_DATABASE_URL", url)
    monkeypatch.setattr(context, "_engines", {})
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    result = CliRunner().invoke(cli, ["lint", str(good), "--customer", "Acme"])
    assert result.exit_code == 2 and "no customer named 'Acme'" in result.output
    registered = make_extraction(
        "msa.pdf",
        "Availability 99.5% per month.\n",
        [term("availability", "Availability 99.5% per month", value=99.5, period="monthly")],
        doc_type="msa",
    )
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as s, s.begin():
        admin = services.system_actor(s)
        acme = services.get_or_create_customer(s, actor=admin, name="Acme")
        services.ingest_document(
            s,
            actor=admin,
            data=b"msa",
            file_name="msa.pdf",
            media_type="application/pdf",
            doc_type="msa",
            customer=acme,
            text=registered.text,
            extraction=registered.to_dict(),
        )
    engine.dispose()
    result = CliRunner().invoke(cli, ["lint", str(good), "--customer", "Acme", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert [d["name"] for d in report["documents"]] == ["good.txt"]
    related = {r["document"] for f in report["findings"] for r in f["related"]}
    assert "msa.pdf" in related  # the register's MSA took part: its 99.5% conflicts


def test_quote_inside_a_tracked_insertion_is_anchored() -> None:
    from docx.oxml import OxmlElement

    from extractor.types import Span
    from mapper.types import Finding

    d = docx.Document()
    d.add_paragraph("Amendment")
    p = d.add_paragraph()
    p.add_run("The claim window is ")
    inserted = p.add_run("sixty (60) days")
    p.add_run(" from month end.")
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "Legal")
    inserted._r.addprevious(ins)
    ins.append(inserted._r)
    buf = io.BytesIO()
    d.save(buf)
    finding = Finding(
        "SLA-D005",
        "deviation",
        "warning",
        "claim window 60 days",
        "a.docx",
        Span(1, 30, 45),
        "sixty (60) days",
    )
    result = annotate_docx(buf.getvalue(), [finding])
    assert result.anchored == 1 and result.unplaced == ()
    assert list(anchored_texts(result.data).values()) == ["sixty (60) days"]
