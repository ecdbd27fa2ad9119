"""DOCX reader (python-docx): headings, Word list numbering, tables, tracked changes accepted.

The only module that imports python-docx. Before python-docx sees the file, the zip
central directory is checked (sizes and compression ratio), so a zip bomb is refused
without inflating anything.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx
from lxml import etree

from extractor.config import Limits
from extractor.errors import CorruptDocument, DocumentTooLarge
from extractor.readers.builder import TextBuilder, clean_cell, clean_text
from extractor.readers.docx_numbering import W_NS, Numbering, W
from extractor.readers.media import DOCX
from extractor.types import ReadDocument

MEDIA_TYPE = DOCX
TRACKED_NOTE = "document has unaccepted tracked changes (read as if all were accepted)"

_NS = {"w": W_NS, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_SKIP = "not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::mc:Fallback)"
_RUN_BITS = etree.XPath(
    f".//w:t[{_SKIP}] | .//w:tab[{_SKIP} and not(ancestor::w:pPr)] | .//w:br[{_SKIP}]"
    f" | .//w:cr[{_SKIP}] | .//w:noBreakHyphen[{_SKIP}]",
    namespaces=_NS,
)
_TRACKED = etree.XPath("boolean(.//w:ins | .//w:del | .//w:moveFrom | .//w:moveTo)", namespaces=_NS)
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
PAGE_BREAK = "\f"


def check_zip(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a zip whose declared uncompressed size or compression ratio is too high."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise CorruptDocument(name, f"the DOCX is not a readable zip archive ({exc})") from exc
    total = sum(info.file_size for info in infos)
    if total > limits.max_docx_uncompressed_bytes:
        raise DocumentTooLarge(
            name,
            f"the DOCX would expand to {total} bytes, more than "
            f"{limits.max_docx_uncompressed_bytes} (a zip bomb?)",
        )
    ratio = total / max(len(data), 1)
    if ratio > limits.max_docx_ratio:
        raise DocumentTooLarge(
            name,
            f"the DOCX compresses {ratio:.0f}:1, more than {limits.max_docx_ratio}:1 (a zip bomb?)",
        )
    if "word/document.xml" not in {info.filename for info in infos}:
        raise CorruptDocument(name, "the zip has no word/document.xml, so it is not a DOCX")


def read_docx(data: bytes, name: str, limits: Limits) -> ReadDocument:
    check_zip(data, name, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise CorruptDocument(name, f"the DOCX cannot be parsed ({exc})") from exc
    body = document.element.body
    styles = _StyleIndex(document.styles.element)
    walker = _BodyWalker(styles, Numbering(_numbering_root(document)))
    walker.walk(body)
    notes = [TRACKED_NOTE] if _TRACKED(body) else []
    title = clean_text(document.core_properties.title or "").replace("\n", " ") or walker.title
    return walker.builder.build(MEDIA_TYPE, notes=notes, title=title or None)


def _numbering_root(document: Any) -> Any | None:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, ValueError):
        return None


class _StyleIndex:
    """Paragraph style id -> heading level and numbering, following `basedOn` links."""

    def __init__(self, root: Any) -> None:
        self._styles: dict[str, Any] = {}
        for style in root.iterfind(W + "style"):
            self._styles[style.get(W + "styleId") or ""] = style

    def _chain(self, style_id: str | None) -> list[Any]:
        chain: list[Any] = []
        while style_id and style_id in self._styles and len(chain) < 10:
            style = self._styles[style_id]
            chain.append(style)
            based = style.find(W + "basedOn")
            style_id = None if based is None else based.get(W + "val")
        return chain

    def heading_level(self, style_id: str | None) -> int | None:
        chain = self._chain(style_id)
        if not chain:
            return None
        name_el = chain[0].find(W + "name")
        name = (name_el.get(W + "val") if name_el is not None else "") or ""
        match = _HEADING_NAME.match(name.strip())
        if match:
            return int(match.group(1))
        if name.strip().lower() == "title":
            return 1
        for style in chain:
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None and (outline.get(W + "val") or "").isdigit():
                level = int(outline.get(W + "val") or "9")
                return level + 1 if level < 9 else None
        return None

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = _child_val(num_pr, "numId")
                if num_id is not None:
                    return num_id, int(_child_val(num_pr, "ilvl") or 0)
        return None


def _child_val(element: Any, tag: str) -> str | None:
    child = element.find(W + tag)
    return None if child is None else child.get(W + "val")


class _BodyWalker:
    """Walks w:body in order, writing paragraphs, headings and tables into a TextBuilder."""

    def __init__(self, styles: _StyleIndex, numbering: Numbering) -> None:
        self.builder = TextBuilder()
        self.title: str | None = None
        self._styles = styles
        self._numbering = numbering

    def walk(self, container: Any) -> None:
        for child in container.iterchildren():
            tag = child.tag
            if tag == W + "p":
                self._paragraph(child)
            elif tag == W + "tbl":
                self.builder.add_table(self._table_rows(child))
            elif tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
                content = child.find(W + "sdtContent")
                self.walk(content if content is not None else child)

    def paragraph_text(self, p: Any) -> str:
        """Label (Word numbering) + accepted-view text of a paragraph; page breaks as \\f."""
        p_pr = p.find(W + "pPr")
        style_id = _child_val(p_pr, "pStyle") if p_pr is not None else None
        num = None
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        if num_pr is not None:
            num_id = _child_val(num_pr, "numId")
            if num_id is not None:
                num = (num_id, int(_child_val(num_pr, "ilvl") or 0))
        if num is None:
            num = self._styles.numbering(style_id)
        pieces = []
        for bit in _RUN_BITS(p):
            tag = bit.tag
            if tag == W + "t":
                pieces.append(bit.text or "")
            elif tag == W + "tab":
                pieces.append("\t")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif bit.get(W + "type") == "page":
                pieces.append(PAGE_BREAK)
            else:
                pieces.append("\n")
        text = "".join(pieces)
        label = self._numbering.label(*num) if num and text.strip() else ""
        return f"{label} {text}" if label else text

    def _paragraph(self, p: Any) -> None:
        text = self.paragraph_text(p)
        p_pr = p.find(W + "pPr")
        style_id = _child_val(p_pr, "pStyle") if p_pr is not None else None
        level = self._styles.heading_level(style_id)
        chunks = text.split(PAGE_BREAK)
        for i, chunk in enumerate(chunks):
            if i:
                self.builder.end_page()
            if level is not None and "\n" not in chunk.strip():
                self.builder.add_heading(chunk, level)
                if self.title is None and chunk.strip():
                    self.title = clean_cell(chunk)
            else:
                self.builder.add_text(clean_text(chunk))

    def _table_rows(self, tbl: Any) -> list[list[str]]:
        rows = []
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is None or _owning_table(tr) is not tbl:
                continue
            if tr.find(f"{W}trPr/{W}del") is not None:
                continue
            cells = []
            for tc in tr.iter(W + "tc"):
                if _owning_row(tc) is not tr:
                    continue
                paragraphs = [self.paragraph_text(p) for p in tc.iter(W + "p")]
                cells.append(" ".join(t.replace(PAGE_BREAK, " ") for t in paragraphs))
            rows.append(cells)
        return rows


def _owning_table(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _owning_row(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != W + "tr":
        parent = parent.getparent()
    return parent
