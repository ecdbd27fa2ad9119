"""Bad input never crashes or hangs: each case ends in its typed ExtractionError."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractor.config import Limits
from extractor.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    ExtractionError,
    NoTextLayer,
    UnsupportedDocument,
)
from extractor.pipeline import extract


def _pdf(
    pages: int = 1, *, encrypt: StandardEncryption | None = None, image: bool = False
) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, encrypt=encrypt)
    for n in range(pages):
        if image:
            png = io.BytesIO()
            Image.new("L", (60, 20), color=128).save(png, format="PNG")
            pdf.drawImage(ImageReader(io.BytesIO(png.getvalue())), 72, 600, 300, 100)
        else:
            pdf.drawString(72, 720, f"{n + 1}. Availability shall be 99.9% per calendar month.")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("Service Levels", level=1)
    document.add_paragraph("1. The Provider shall respond to Severity 1 incidents within 1 hour.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Uptime", "Credit"
    table.cell(1, 0).text, table.cell(1, 1).text = "Below 99.9%", "10%"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_encrypted_pdf() -> None:
    data = _pdf(encrypt=StandardEncryption("s3cret", canPrint=0))
    with pytest.raises(EncryptedDocument, match="locked.pdf.*password"):
        extract(data, "locked.pdf")


def test_scanned_pdf_without_text_layer() -> None:
    with pytest.raises(NoTextLayer, match="scan.pdf.*OCR"):
        extract(_pdf(2, image=True), "scan.pdf")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_read_or_refused(cut: float) -> None:
    data = _pdf(3)
    try:
        result = extract(data[: int(len(data) * cut)], "cut.pdf")
    except ExtractionError as exc:
        assert "cut.pdf" in str(exc)
    else:
        assert "Availability" in result.text  # pdfium repairs what it can


@pytest.mark.parametrize(("data", "error"), [(b"", EmptyDocument), (b" \n\t ", EmptyDocument)])
def test_empty_files(data: bytes, error: type) -> None:
    with pytest.raises(error, match="empty.txt"):
        extract(data, "empty.txt")


def test_pdf_with_blank_pages_is_empty() -> None:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.showPage()
    pdf.save()
    with pytest.raises(EmptyDocument):
        extract(buf.getvalue(), "blank.pdf")


def test_too_many_pages_and_too_many_bytes() -> None:
    data = _pdf(3)
    with pytest.raises(DocumentTooLarge, match="3 pages"):
        extract(data, "long.pdf", limits=Limits(max_pages=2))
    with pytest.raises(DocumentTooLarge, match="bytes"):
        extract(data, "big.pdf", limits=Limits(max_bytes=100))


def test_docx_zip_bomb_refused_from_the_central_directory(monkeypatch) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (4 * 1024 * 1024))
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(DocumentTooLarge, match="bomb.docx.*zip bomb"):
        extract(buf.getvalue(), "bomb.docx")
    with pytest.raises(DocumentTooLarge, match="expand"):
        extract(buf.getvalue(), "bomb.docx", limits=Limits(max_docx_ratio=10**6,
                                                           max_docx_uncompressed_bytes=1024))
    assert opened == []  # nothing was inflated


def test_corrupt_docx_and_foreign_zip() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(CorruptDocument, match="broken.docx"):
        extract(buf.getvalue(), "broken.docx")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    with pytest.raises(CorruptDocument, match="not a DOCX"):
        extract(other.getvalue(), "data.zip")


def test_unknown_binary_type() -> None:
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, format="PNG")
    with pytest.raises(UnsupportedDocument, match="logo.png"):
        extract(png.getvalue(), "logo.png")


SEEDS = {"pdf": _pdf(2), "docx": _docx(), "html": b"<html><body><h1>SLA</h1><p>99.9%</p>"
         b"<table><tr><td>P1</td><td>1 hour</td></tr></table></body></html>"}  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[kind])
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return f"fuzz.{kind}", bytes(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_documents_raise_only_extraction_errors(case: tuple[str, bytes]) -> None:
    name, data = case
    try:
        extract(data, name)
    except ExtractionError as exc:
        assert name in str(exc)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from(["x.pdf", "x.docx", "x.html", "x.md", "x"]))
def test_random_bytes_raise_only_extraction_errors(data: bytes, name: str) -> None:
    try:
        extract(data, name)
    except ExtractionError as exc:
        assert name in str(exc)
