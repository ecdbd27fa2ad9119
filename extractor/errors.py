"""Errors of the extractor. Every message names the file, says what is wrong and what to do."""

from __future__ import annotations


class ExtractionError(Exception):
    """Base class: the document could not be turned into an Extraction."""

    advice = "check the file, or convert it to PDF, DOCX, HTML or plain text and try again"

    def __init__(self, name: str, reason: str, advice: str | None = None) -> None:
        self.name = name
        self.reason = reason
        self.advice_text = advice or self.advice
        super().__init__(f"{name}: {reason}; {self.advice_text}")


class UnsupportedDocument(ExtractionError):
    advice = "supported formats are PDF, DOCX, HTML, Markdown and plain text (UTF-8)"


class CorruptDocument(ExtractionError):
    advice = "the file is damaged or truncated; obtain a fresh copy or re-export it"


class EncryptedDocument(ExtractionError):
    advice = "remove the password protection (save an unprotected copy) and try again"


class NoTextLayer(ExtractionError):
    advice = "the PDF is scanned images without a text layer; run OCR on it first (e.g. ocrmypdf)"


class DocumentTooLarge(ExtractionError):
    advice = "split the document or raise the limit (extractor.config.Limits) if you trust it"


class EmptyDocument(ExtractionError):
    advice = "the file holds no text; check that the right file was given"


class UnreadableFile(ExtractionError):
    advice = "check the path and the file permissions"
