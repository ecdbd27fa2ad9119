"""PDF reader: pypdfium2 text per page, ruled tables via pdfplumber as " | " rows, margins."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from extractor.config import Limits
from extractor.readers import read
from extractor.readers.margins import drop_lines, repeated_margin_lines

CREDITS = [
    ["Monthly Uptime Percentage", "Service Credit"],
    ["Less than 99.9% but at least 99.0%", "10%"],
    ["Less than 99.0%", "25%"],
]


def _footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, 30, f"Acme Ltd - Master Services Agreement - Page {doc.page}")
    canvas.drawString(72, 810, "CONFIDENTIAL")


def make_pdf(pages: list[list[object]], *, title: str = "Test SLA", footer: bool = False) -> bytes:
    styles = getSampleStyleSheet()
    story: list = []
    for i, items in enumerate(pages):
        if i:
            story.append(PageBreak())
        for item in items:
            if isinstance(item, str):
                story.append(Paragraph(item, styles["BodyText"]))
            else:
                style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
                story.append(Table(item, style=style))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=title)
    if footer:
        doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    else:
        doc.build(story)
    return buf.getvalue()


def test_pages_are_separate_and_offsets_map_back() -> None:
    data = make_pdf([["1. Alpha clause text."], ["2. Beta clause text."], ["3. Gamma."]])
    doc = read(data, "three.pdf", Limits())
    assert doc.media_type == "application/pdf"
    assert len(doc.pages) == 3
    for number, word in enumerate(["Alpha", "Beta", "Gamma"], start=1):
        offset = doc.text.index(word)
        assert doc.page_of(offset) == number
        start, end = doc.pages[number - 1]
        assert word in doc.text[start:end]
    assert doc.title == "Test SLA"


def test_ruled_table_becomes_rows_once_and_prose_keeps_its_order() -> None:
    data = make_pdf([["4.2 Service Credits. The following credits apply:", CREDITS,
                      "4.3 Claims must be made within 30 days."]])  # fmt: skip
    doc = read(data, "credits.pdf", Limits())
    assert "Monthly Uptime Percentage | Service Credit" in doc.text
    assert "Less than 99.9% but at least 99.0% | 10%" in doc.text
    assert doc.text.count("Less than 99.0%") == 1  # the raw table text is not there as well
    assert doc.text.count("25%") == 1
    assert doc.text.index("4.2 Service Credits") < doc.text.index("Monthly Uptime")
    assert doc.text.index("Less than 99.0% | 25%") < doc.text.index("4.3 Claims")
    [table] = doc.tables
    assert table.rows == tuple(tuple(row) for row in CREDITS)
    assert doc.text[table.span.start : table.span.end].splitlines()[0].startswith("Monthly")


def test_prose_page_without_lines_is_not_sent_to_the_table_finder(monkeypatch) -> None:
    import extractor.readers.pdf as pdf_reader

    calls: list[int] = []
    original = pdf_reader._LazyPlumber.tables

    def spy(self, pdf, index, notes):  # type: ignore[no-untyped-def]
        calls.append(index)
        return original(self, pdf, index, notes)

    monkeypatch.setattr(pdf_reader._LazyPlumber, "tables", spy)
    data = make_pdf([["Plain prose only."], ["More prose.", CREDITS]])
    doc = read(data, "mixed.pdf", Limits())
    assert calls == [1]
    assert len(doc.tables) == 1 and doc.tables[0].span.page == 2


def test_running_footer_and_header_are_dropped() -> None:
    data = make_pdf([["First page body."], ["Second page body."], ["Third."]], footer=True)
    doc = read(data, "footer.pdf", Limits())
    assert "Page 2" not in doc.text
    assert "CONFIDENTIAL" not in doc.text
    assert "Second page body." in doc.text


def test_margin_rules_keep_repeated_body_lines() -> None:
    pages = [["Service Credit Schedule", "Page 1"], ["Service Credit Schedule", "Page 2"]]
    drop = repeated_margin_lines(pages)
    assert drop == {"Page 1", "Page 2"}
    assert drop_lines("a\nPage 1\nb", drop) == "a\nb"


def test_wrapped_cell_text_stays_in_one_cell() -> None:
    styles = getSampleStyleSheet()
    rows = [["Severity", "Response"],
            ["Severity 1", Paragraph("Within one hour, around the clock, every day of the year "
                                     "including public holidays", styles["BodyText"])]]  # fmt: skip
    buf = io.BytesIO()
    table = Table(rows, colWidths=[100, 150],
                  style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))  # fmt: skip
    SimpleDocTemplate(buf, pagesize=A4).build([Paragraph("Matrix:", styles["BodyText"]), table])
    doc = read(buf.getvalue(), "wrap.pdf", Limits())
    [found] = doc.tables
    assert found.rows[1][0] == "Severity 1"
    assert found.rows[1][1].startswith("Within one hour, around the clock")
    assert found.rows[1][1].endswith("including public holidays")


def test_bench_document_tables_all_come_out_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import importlib.util
    from pathlib import Path

    bench_file = Path(__file__).parents[2] / "bench" / "extract_speed.py"
    spec = importlib.util.spec_from_file_location("extract_speed", bench_file)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = tmp_path / "bench.pdf"
    bench.build_pdf(path, pages=6, tables=3)
    expected = list(bench.bench_tables(6, 3).values())
    _seconds, found, pages = bench.time_extract(path.read_bytes(), path.name, expected)
    assert (found, pages) == (3, 6)
