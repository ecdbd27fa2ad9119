"""`read(data, name, limits) -> ReadDocument`: sniff the media type, then call its reader.

The registry is a plain dict keyed by media type, naming each reader's module and
function; a reader's module (and its format library) is imported the first time a document
of its type is read, so reading a text file never loads pdfium or python-docx. Magic bytes
decide the type first, the file extension second. Whatever a format library raises on
hostile input leaves this module as an ExtractionError subclass (CorruptDocument if
nothing more specific applies).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from extractor.config import Limits
from extractor.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    ExtractionError,
    UnsupportedDocument,
)
from extractor.readers.media import DOCX, HTML, MARKDOWN, PDF, TEXT
from extractor.types import ReadDocument

Reader = Callable[[bytes, str, Limits], ReadDocument]

READERS: dict[str, str] = {  # media type -> "module:function"
    PDF: "extractor.readers.pdf:read_pdf",
    DOCX: "extractor.readers.docx:read_docx",
    HTML: "extractor.readers.html:read_html",
    MARKDOWN: "extractor.readers.text:read_markdown",
    TEXT: "extractor.readers.text:read_text",
}

EXTENSIONS = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".txt": TEXT,
    ".text": TEXT,
}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")  # stream of an encrypted OOXML file
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")
_KNOWN_BINARY = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"{\\rtf": "an RTF document (save it as DOCX)",
}


def extension_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > name.replace("\\", "/").rfind("/") else ""


def sniff(data: bytes, name: str) -> str:
    """The media type of `data`: magic bytes first, then the extension of `name`."""
    head = data[:1024]
    ext = extension_of(name)
    if b"%PDF-" in head:
        return PDF
    if head.startswith(_ZIP):
        return DOCX  # any other zip is refused by the DOCX reader's checks
    if head.startswith(_OLE2):
        if ext == ".docx" or _ENCRYPTION_INFO in data:
            raise EncryptedDocument(name, "the DOCX is password protected (OLE2-wrapped)")
        raise UnsupportedDocument(name, "this is a legacy Office (.doc) file; save it as DOCX")
    for magic, what in _KNOWN_BINARY.items():
        if head.startswith(magic):
            raise UnsupportedDocument(name, f"the file is {what}")
    if ext in (".pdf", ".docx"):
        kind = ext[1:].upper()
        raise CorruptDocument(name, f"the file is named {ext} but is not a {kind} file")
    lowered = head.lstrip().lower()
    if ext in EXTENSIONS:
        media_type = EXTENSIONS[ext]
        if media_type == TEXT and lowered.startswith(_HTML_MARKERS[:2]):
            return HTML
        return media_type
    if lowered.startswith(_HTML_MARKERS):
        return HTML
    return TEXT  # the text reader refuses bytes that are not text


def reader_for(media_type: str) -> Reader:
    """The reader function of a media type (its module imported on first use)."""
    module, function = READERS[media_type].split(":")
    reader: Reader = getattr(importlib.import_module(module), function)
    return reader


def read(data: bytes, name: str, limits: Limits) -> ReadDocument:
    """Read a document of any supported type; raises only ExtractionError subclasses."""
    if len(data) > limits.max_bytes:
        raise DocumentTooLarge(
            name, f"the file has {len(data)} bytes, more than {limits.max_bytes}"
        )
    if not data.strip():
        raise EmptyDocument(name, "the file is empty")
    media_type = sniff(data, name)
    try:
        doc = reader_for(media_type)(data, name, limits)
    except ExtractionError:
        raise
    except RecursionError as exc:
        raise CorruptDocument(name, "the document is nested too deeply to read") from exc
    except MemoryError as exc:
        raise DocumentTooLarge(name, "the document needs more memory than is available") from exc
    except Exception as exc:  # any library failure on hostile input
        raise CorruptDocument(name, f"reading failed ({type(exc).__name__}: {exc})") from exc
    if len(doc.text) > limits.max_text_chars:
        raise DocumentTooLarge(
            name, f"the text has {len(doc.text)} characters, more than {limits.max_text_chars}"
        )
    if not doc.text.strip():
        raise EmptyDocument(name, "no text was found in the document")
    return doc


__all__ = ["READERS", "read", "reader_for", "sniff"]
