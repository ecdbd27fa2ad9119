"""Render a corpus source (list of blocks) to a PDF with a real text layer and ruled tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

_STYLES = getSampleStyleSheet()
_CELL = ParagraphStyle("cell", parent=_STYLES["BodyText"], fontSize=9, leading=11)
_CELL_HEAD = ParagraphStyle("cellhead", parent=_CELL, fontName="Helvetica-Bold")
_BLOCK_STYLE = {
    "title": _STYLES["Title"],
    "h1": _STYLES["Heading1"],
    "h2": _STYLES["Heading2"],
    "h3": _STYLES["Heading3"],
    "p": _STYLES["BodyText"],
    "bullet": ParagraphStyle("bul", parent=_STYLES["BodyText"], leftIndent=14),
}


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(rows: list[list[str]], columns: int = 1) -> Table:
    cells = [
        [_para(str(c), _CELL_HEAD if i == 0 else _CELL) for c in row] for i, row in enumerate(rows)
    ]
    frame_width = (A4[0] - 40 * mm - 8 * mm * (columns - 1)) / columns
    width = frame_width / max(len(r) for r in rows)
    table = Table(cells, colWidths=[width] * len(rows[0]), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def block_to_flowables(block: dict[str, Any], columns: int = 1) -> list[Flowable]:
    """One source block -> reportlab flowables."""
    (key, value), = block.items()
    if key == "table":
        return [_table(value, columns), Spacer(1, 8)]
    if key == "pagebreak":
        return [PageBreak()]
    if key == "bullet":
        return [_para("\u2022 " + value, _BLOCK_STYLE["bullet"])]
    if key in _BLOCK_STYLE:
        return [_para(value, _BLOCK_STYLE[key])]
    raise ValueError(f"PDF source: unknown block type {key!r}")


def build_pdf(source: dict[str, Any], out: Path) -> None:
    """Write `out` deterministically (reportlab invariant mode: fixed dates and ids)."""
    footer = source.get("footer", "")

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, f"{footer}    Page {doc.page}")
        canvas.restoreState()

    columns = int(source.get("columns", 1))
    doc_class = SimpleDocTemplate if columns == 1 else BaseDocTemplate
    doc = doc_class(
        str(out),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=source["title"],
        author=source.get("author", "Northwind Cloud Ltd"),
        subject=source.get("subject", ""),
        creator="slareg corpus/build.py",
        invariant=1,
    )
    flowables: list[Flowable] = []
    for block in source["blocks"]:
        flowables.extend(block_to_flowables(block, columns))
    if columns == 1:
        doc.build(flowables, onFirstPage=on_page, onLaterPages=on_page)
        return
    gap = 8 * mm
    width = (doc.width - gap * (columns - 1)) / columns
    frames = [
        Frame(doc.leftMargin + i * (width + gap), doc.bottomMargin, width, doc.height, id=f"c{i}")
        for i in range(columns)
    ]
    doc.addPageTemplates([PageTemplate(id="cols", frames=frames, onPage=on_page)])
    doc.build(flowables)
