"""Plain text of corpus documents for the tests (independent of the extractor's readers)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pdfplumber
from bs4 import BeautifulSoup
from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DROP_HTML = ("script", "style", "nav", "footer", "head")


def docx_text(data: bytes) -> str:
    """Paragraph texts in document order, tracked changes accepted (w:delText dropped)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    lines = []
    for p in root.iter(f"{_W}p"):
        lines.append("".join(t.text or "" for t in p.iter(f"{_W}t")))
    return "\n".join(lines)


def pdf_text(data: bytes, columns: int = 1) -> str:
    """Page texts; with `columns` > 1 each page is read column by column (equal widths)."""
    parts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            width = page.width / columns
            for i in range(columns):
                crop = page.crop((i * width, 0, (i + 1) * width, page.height))
                parts.append(crop.extract_text() or "")
    return "\n".join(parts)


def html_text(data: bytes) -> str:
    soup = BeautifulSoup(data, "lxml")
    for tag in soup(list(_DROP_HTML)):
        tag.decompose()
    return soup.get_text(" ")


def document_text(path: Path, columns: int = 1) -> str:
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_text(data, columns)
    if suffix == ".docx":
        return docx_text(data)
    if suffix in (".html", ".htm"):
        return html_text(data)
    return data.decode("utf-8")


def squash(text: str) -> str:
    return " ".join(text.split())
