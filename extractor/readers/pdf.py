"""PDF reader: pypdfium2 for the text of every page, pdfplumber only for pages with ruled tables.

The only module that imports pypdfium2 or pdfplumber. A page is a table candidate when it
holds at least `Limits.table_min_lines` path objects (ruled tables are drawn with lines
or rectangles). pdfplumber's table finder then runs on a *probe*: a one-page copy of the
page with its text objects removed, so pdfminer parses a few dozen lines instead of
thousands of characters. The cell text is read with pypdfium2 inside each cell's box,
and the page text is rebuilt as the text above, between and below the tables with each
table in between as " | " rows, so a table appears in the text exactly once. Lines
repeated in the page margins (running headers and footers) are dropped.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.config import Limits
from extractor.errors import CorruptDocument, DocumentTooLarge, EncryptedDocument, NoTextLayer
from extractor.readers.builder import TextBuilder, clean_text
from extractor.readers.margins import MARGIN_SHARE, drop_lines, repeated_margin_lines
from extractor.readers.media import PDF
from extractor.types import ReadDocument

MEDIA_TYPE = PDF
_EDGE = 3.0  # points
_CELL_INSET = 1.5  # points: pdfium also returns characters that only touch a box


@dataclass(frozen=True)
class PageScan:
    """What pypdfium2 tells us about one page, cheaply."""

    text: str
    paths: int
    images: int


@dataclass(frozen=True)
class FoundTable:
    top: float  # pdfplumber coordinates: distance from the page top
    bottom: float
    x0: float
    x1: float
    cells: list[list[tuple[float, float, float, float] | None]]  # rows of cell bboxes


def read_pdf(data: bytes, name: str, limits: Limits) -> ReadDocument:
    with _open_pdfium(data, name) as pdf:
        count = len(pdf)
        if count > limits.max_pages:
            raise DocumentTooLarge(name, f"the PDF has {count} pages, more than {limits.max_pages}")
        notes: list[str] = []
        pages: list[PageContent] = []
        plumber = _LazyPlumber(data)
        try:
            for index in range(count):
                pages.append(_read_page(pdf, index, limits, plumber, notes))
        finally:
            plumber.close()
        title = _title(pdf)
    if count and all(p.scanned for p in pages):
        raise NoTextLayer(name, f"none of its {count} page(s) has a text layer")
    builder = TextBuilder()
    drop = repeated_margin_lines([p.margin_lines for p in pages])
    for page in pages:
        for kind, block in page.blocks:
            if kind == "table":
                builder.add_table(block)
            else:
                builder.add_text(drop_lines(block, drop))
        builder.end_page()
    return builder.build(MEDIA_TYPE, notes=notes, title=title)


@dataclass(frozen=True)
class PageContent:
    blocks: list[tuple[str, Any]]  # ("text", str) or ("table", rows), in reading order
    margin_lines: list[str]  # lines in the top and bottom margins (running headers/footers)
    scanned: bool


def _read_page(
    pdf: pdfium.PdfDocument, index: int, limits: Limits, plumber: _LazyPlumber, notes: list[str]
) -> PageContent:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        scan = _scan_page(page, textpage)
        scanned = bool(scan.images) and not scan.text.strip()
        if scanned:
            notes.append(f"page {index + 1} has no text layer (scanned image?)")
        tables = []
        if scan.paths > limits.table_max_paths:
            notes.append(f"page {index + 1}: {scan.paths} drawing paths, not searched for tables")
        elif scan.paths >= limits.table_min_lines:
            tables = plumber.tables(pdf, index, notes)
        if tables:
            blocks = _blocks_with_tables(page, textpage, tables)
        else:
            blocks = [("text", clean_text(scan.text))]
        margins = _margin_lines(page, textpage)
    finally:
        textpage.close()
        page.close()
    return PageContent(blocks, margins, scanned)


def _margin_lines(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[str]:
    left, bottom, right, top = page.get_bbox()
    band = (top - bottom) * MARGIN_SHARE
    lines = []
    for low, high in ((top - band, top), (bottom, bottom + band)):
        lines += clean_text(textpage.get_text_bounded(left, low, right, high)).split("\n")
    return [line for line in lines if line.strip()]


@contextmanager
def _open_pdfium(data: bytes, name: str) -> Iterator[pdfium.PdfDocument]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedDocument(name, "the PDF is password protected") from exc
        raise CorruptDocument(name, f"the PDF cannot be opened ({exc})") from exc
    try:
        yield pdf
    finally:
        pdf.close()


def _scan_page(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> PageScan:
    """Text of the page, and counts of path objects (ruled tables) and images (scans)."""
    text = textpage.get_text_bounded()
    paths = images = 0
    count = pdfium_c.FPDFPage_CountObjects(page)
    for i in range(max(count, 0)):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page, i))
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
    return PageScan(text=text, paths=paths, images=images)


def table_probe(pdf: pdfium.PdfDocument, index: int) -> bytes:
    """A one-page PDF of page `index` holding only its graphics, no text objects.

    pdfplumber's table finder needs the ruling lines only, but parses every character
    of a page; a probe without text makes that parse nearly free. Cell text is read
    afterwards with pypdfium2 inside each cell's box.
    """
    probe = pdfium.PdfDocument.new()
    try:
        probe.import_pages(pdf, [index])
        page = probe[0]
        texts = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=1))
        for obj in texts:
            page.remove_obj(obj)
            obj.close()
        page.gen_content()
        page.close()
        buf = io.BytesIO()
        probe.save(buf)
        return buf.getvalue()
    finally:
        probe.close()


class _LazyPlumber:
    """Runs pdfplumber's table finder on a probe of one page (imported on first use)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._whole: Any = None  # the whole file, only if a probe cannot be made

    def tables(self, pdf: pdfium.PdfDocument, index: int, notes: list[str]) -> list[FoundTable]:
        import pdfplumber  # slow import, only paid when a page has ruled lines

        try:
            try:
                probe = table_probe(pdf, index)
            except pdfium.PdfiumError:
                if self._whole is None:
                    self._whole = pdfplumber.open(io.BytesIO(self._data))
                return _find_tables(self._whole.pages[index])
            with pdfplumber.open(io.BytesIO(probe)) as single:
                return _find_tables(single.pages[0])
        except Exception as exc:  # pdfminer fails in many ways; the page text stays
            notes.append(f"tables on page {index + 1} could not be read ({type(exc).__name__})")
            return []

    def close(self) -> None:
        if self._whole is not None:
            self._whole.close()


def _find_tables(page: Any) -> list[FoundTable]:
    """pdfplumber finds the ruled tables (their cells); the cell text comes from pdfium."""
    found = []
    for table in page.find_tables():
        cells = [list(row.cells) for row in table.rows]
        if len(cells) < 2 or max((len(r) for r in cells), default=0) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        found.append(FoundTable(top=top, bottom=bottom, x0=x0, x1=x1, cells=cells))
    page.close()
    return sorted(found, key=lambda t: t.top)


def _cell_text(textpage: pdfium.PdfTextPage, height: float, bbox: Any) -> str:
    if bbox is None:
        return ""
    x0, top, x1, bottom = bbox
    inset = min(_CELL_INSET, (x1 - x0) / 4, (bottom - top) / 4)
    return textpage.get_text_bounded(
        x0 + inset, height - bottom + inset, x1 - inset, height - top - inset
    )


def _blocks_with_tables(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, tables: list[FoundTable]
) -> list[tuple[str, Any]]:
    """Text above, between and below the tables (and beside them), tables as rows, in order."""
    left, bottom, right, top = page.get_bbox()
    height = top  # pdfplumber's `top` is measured down from the top of the page box
    blocks: list[tuple[str, Any]] = []

    def text(x0: float, y0: float, x1: float, y1: float) -> None:
        blocks.append(("text", clean_text(textpage.get_text_bounded(x0, y0, x1, y1))))

    cursor = top
    for table in tables:
        t_top, t_bottom = height - table.top, height - table.bottom
        if cursor > t_top:
            text(left, t_top, right, cursor)
        rows = [[_cell_text(textpage, height, cell) for cell in row] for row in table.cells]
        blocks.append(("table", rows))
        beside = [
            t for t in tables if t is not table and t.top < table.bottom and t.bottom > table.top
        ]
        for x_from, x_to in ((left, table.x0), (table.x1, right)):
            if x_to - x_from > 1 and t_top - t_bottom > 2 * _EDGE and not beside:
                # pdfium includes characters that merely touch the box: keep off the edges
                text(x_from, t_bottom + _EDGE, x_to - _EDGE, t_top - _EDGE)
        cursor = min(cursor, t_bottom)
    if cursor > bottom:
        text(left, bottom, right, cursor)
    return blocks


def _title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        title = pdf.get_metadata_value("Title")
    except Exception:  # broken metadata is no reason to fail
        return None
    title = clean_text(title or "").replace("\n", " ").strip()
    return title or None
