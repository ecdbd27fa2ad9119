"""DOCX reader: headings, Word list numbering, tables, tracked changes, page breaks."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement

from extractor.config import Limits
from extractor.readers import read
from extractor.readers.docx import TRACKED_NOTE
from extractor.readers.docx_numbering import format_number

ABSTRACT = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="(%3)"/></w:lvl>'
    "</w:abstractNum>"
)
NUM = f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered(document, text: str, level: int):  # type: ignore[no-untyped-def]
    paragraph = document.add_paragraph(text)
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl, num_id = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    ilvl.set(qn("w:val"), str(level))
    num_id.set(qn("w:val"), "90")
    num_pr.append(ilvl)
    num_pr.append(num_id)
    p_pr.append(num_pr)
    return paragraph


def _save(document) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def numbered_docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = ""
    document.add_heading("Service Level Schedule", level=1)
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    for n in range(1, 5):
        _numbered(document, f"Heading {n}", 0)
    _numbered(document, "Availability target.", 1)
    _numbered(document, "Service Credits apply as follows.", 1)
    _numbered(document, "first item", 2)
    _numbered(document, "second item", 2)
    _numbered(document, "Fifth section", 0)
    _numbered(document, "Restarted sub-level", 1)
    return _save(document)


def test_word_numbering_is_reconstructed() -> None:
    doc = read(numbered_docx(), "numbered.docx", Limits())
    lines = doc.text.splitlines()
    assert "1. Heading 1" in lines
    assert "4. Heading 4" in lines
    assert "4.1 Availability target." in lines
    assert "4.2 Service Credits apply as follows." in lines
    assert "(a) first item" in lines and "(b) second item" in lines
    assert "5. Fifth section" in lines
    assert "5.1 Restarted sub-level" in lines


def test_heading_styles_are_reported_as_heading_ranges() -> None:
    doc = read(numbered_docx(), "numbered.docx", Limits())
    headings = [doc.text[start:end] for start, end, _level in doc.headings]
    assert headings == ["Service Level Schedule"]
    assert doc.title == "Service Level Schedule"


def test_tables_become_rows_joined_by_bars() -> None:
    document = docx.Document()
    document.add_paragraph("Severity matrix:")
    table = document.add_table(rows=3, cols=3)
    rows = [["Severity", "Response", "Resolution"], ["Severity 1", "1 hour", "4 hours"],
            ["Severity 2", "4 hours", "2 business days"]]  # fmt: skip
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("After the table.")
    doc = read(_save(document), "matrix.docx", Limits())
    assert "Severity | Response | Resolution\nSeverity 1 | 1 hour | 4 hours\n" in doc.text
    assert doc.tables[0].rows[2] == ("Severity 2", "4 hours", "2 business days")
    assert doc.text.index("Severity matrix:") < doc.text.index("Severity |")
    assert doc.text.index("2 business days") < doc.text.index("After the table.")


def test_tracked_changes_read_as_accepted_with_a_note() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Availability is ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z">'
            "<w:r><w:delText>99.5%</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="x" w:date="2026-01-01T00:00:00Z">'
            "<w:r><w:t>99.9%</w:t></w:r></w:ins>"
        )
    )
    paragraph.add_run(" monthly.")
    doc = read(_save(document), "tracked.docx", Limits())
    assert "Availability is 99.9% monthly." in doc.text
    assert "99.5" not in doc.text
    assert TRACKED_NOTE in doc.notes


def test_clean_document_has_no_tracked_note_and_page_breaks_split_pages() -> None:
    document = docx.Document()
    document.add_paragraph("Page one text.")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Page two text.")
    doc = read(_save(document), "pages.docx", Limits())
    assert doc.notes == ()
    assert len(doc.pages) == 2
    assert doc.page_of(doc.text.index("Page two")) == 2


def test_number_formats() -> None:
    assert [format_number(n, "lowerRoman") for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]
    assert format_number(28, "upperLetter") == "BB"
    assert format_number(3, "decimalZero") == "03"


def test_numbering_linked_through_the_paragraph_style() -> None:
    document = docx.Document()
    document.add_paragraph("First", style="List Number")
    document.add_paragraph("Second", style="List Number")
    document.add_paragraph("Point", style="List Bullet")
    doc = read(_save(document), "styles.docx", Limits())
    assert doc.text.splitlines() == ["1. First", "2. Second", "\u2022 Point"]
