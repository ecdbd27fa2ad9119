"""Render a corpus source to DOCX: heading styles, Word automatic numbering (numPr, so the
number is not in the text), ruled tables, and raw w:ins/w:del tracked changes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

_NUM_ID = 71
_ABSTRACT_ID = 71
_FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_LEVELS = (("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"))
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3}


def _abstract_num_xml() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="720"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_ABSTRACT_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )


def _install_numbering(document: Document) -> None:
    numbering = document.part.numbering_part.element
    abstract = parse_xml(_abstract_num_xml())
    first_num = numbering.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num"
    )
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{_NUM_ID}">'
            f'<w:abstractNumId w:val="{_ABSTRACT_ID}"/></w:num>'
        )
    )


def _set_num(paragraph: Paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{_NUM_ID}"/></w:numPr>'
        )
    )


@dataclass
class _Revisions:
    """Author date and a document-wide counter for the w:id of tracked changes."""

    date: str
    next_id: int = 100

    def take(self) -> int:
        self.next_id += 1
        return self.next_id


def _add_tracked_runs(paragraph: Paragraph, segments: list[list[str]], rev: _Revisions) -> None:
    """Append runs to `paragraph`: op "" plain, "ins" inside w:ins, "del" inside w:del."""
    date = rev.date
    for op, text in segments:
        t = escape(text)
        if op == "del":
            xml = (
                f'<w:del {nsdecls("w")} w:id="{rev.take()}" w:author="Legal Ops" w:date="{date}">'
                f'<w:r><w:delText xml:space="preserve">{t}</w:delText></w:r></w:del>'
            )
        elif op == "ins":
            xml = (
                f'<w:ins {nsdecls("w")} w:id="{rev.take()}" w:author="Legal Ops" w:date="{date}">'
                f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:ins>'
            )
        else:
            xml = f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{t}</w:t></w:r>'
        paragraph._p.append(parse_xml(xml))


def _table(document: Document, rows: list[list[Any]], rev: _Revisions) -> None:
    """A ruled table; a cell given as a list of [op, text] segments holds tracked changes."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            if isinstance(value, list):
                _add_tracked_runs(cell.paragraphs[0], value, rev)
                continue
            cell.text = str(value)
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _merged_table(document: Document, spec: dict[str, Any], rev: _Revisions) -> None:
    """A table with merged cells: `merge` lists [row1, col1, row2, col2] rectangles; the text
    belongs in the top-left cell (leave the others "")."""
    _table(document, spec["rows"], rev)
    table = document.tables[-1]
    for r1, c1, r2, c2 in spec["merge"]:
        table.cell(r1, c1).merge(table.cell(r2, c2))


def _runs_paragraph(document: Document, runs: list[list[str]]) -> None:
    """One paragraph of differently formatted runs: [fmt, text] with fmt "", "b", "i", "bi"."""
    paragraph = document.add_paragraph()
    for fmt, text in runs:
        run = paragraph.add_run(text)
        run.bold = "b" in fmt or None
        run.italic = "i" in fmt or None


def _add_block(document: Document, block: dict[str, Any], rev: _Revisions) -> None:
    (key, value), = block.items()
    if key == "title":
        document.add_heading(value, level=0)
    elif key in _HEADINGS:
        document.add_heading(value, level=_HEADINGS[key])
    elif key in ("nh1", "nh2"):  # numbered heading: number comes from numPr
        _set_num(document.add_heading(value, level=int(key[-1])), 0)
    elif key in ("n1", "n2", "n3"):  # numbered clause: level n1 -> "4.", n2 -> "4.2"
        _set_num(document.add_paragraph(value), int(key[-1]) - 1)
    elif key == "p":
        document.add_paragraph(value)
    elif key == "bullet":
        document.add_paragraph(value, style="List Bullet")
    elif key == "table":
        _table(document, value, rev)
    elif key == "merged_table":
        _merged_table(document, value, rev)
    elif key == "runs":
        _runs_paragraph(document, value)
    elif key == "track":
        _add_tracked_runs(document.add_paragraph(), value, rev)
    elif key == "pagebreak":
        document.add_page_break()
    else:
        raise ValueError(f"DOCX source: unknown block type {key!r}")


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member timestamps so rebuilds are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


def build_docx(source: dict[str, Any], out: Path) -> None:
    document = docx.Document()
    _install_numbering(document)
    fixed = dt.datetime.fromisoformat(f"{source['date']}T09:00:00")
    props = document.core_properties
    props.title = source["title"]
    props.author = source.get("author", "Northwind Cloud Ltd")
    props.last_modified_by = props.author
    props.subject = source.get("subject", "")
    props.created = fixed
    props.modified = fixed
    props.revision = 1
    rev = _Revisions(date=f"{source['date']}T09:00:00Z")
    for block in source["blocks"]:
        _add_block(document, block, rev)
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(_deterministic_zip(buffer.getvalue()))
