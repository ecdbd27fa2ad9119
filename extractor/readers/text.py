"""Plain text and Markdown reader: decoding, form feeds as page breaks, Markdown headings/tables."""

from __future__ import annotations

import re

from extractor.config import Limits
from extractor.errors import UnsupportedDocument
from extractor.readers.builder import TextBuilder, clean_text
from extractor.readers.media import MARKDOWN, TEXT
from extractor.types import ReadDocument

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; refuses bytes that are not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnsupportedDocument(name, "the file is not valid UTF-16 text") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if _binary_share(text) > 0.05:
        raise UnsupportedDocument(name, "the file looks binary, not text")
    return text


def _binary_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    kept = sample.translate({c: None for c in range(32) if c not in (9, 10, 12, 13)})
    return 1 - len(kept) / len(sample)


def read_text(data: bytes, name: str, limits: Limits) -> ReadDocument:
    builder = TextBuilder()
    pages = decode_text(data, name).split("\f")
    for i, page in enumerate(pages):
        if i:
            builder.end_page()
        builder.add_text(clean_text(page))
    return builder.build(TEXT)


def read_markdown(data: bytes, name: str, limits: Limits) -> ReadDocument:
    builder = TextBuilder()
    lines = decode_text(data, name).replace("\r\n", "\n").split("\n")
    paragraph: list[str] = []
    table: list[list[str]] = []
    title = None

    def flush() -> None:
        if paragraph:
            builder.add_text(clean_text("\n".join(paragraph)))
            paragraph.clear()
        if table:
            builder.add_table(list(table))
            table.clear()

    for line in lines:
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            builder.add_heading(heading.group(2), len(heading.group(1)))
            title = title or heading.group(2).strip() or None
        elif _MD_TABLE_ROW.match(line):
            if paragraph:
                flush()
            if not _MD_TABLE_RULE.match(line):
                table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif _SETEXT.match(line) and line.strip():
            if len(paragraph) != 1:
                flush()  # a thematic break, or a rule under a long paragraph
                continue
            text = paragraph.pop()
            builder.add_heading(text, 1 if line.strip()[0] == "=" else 2)
            title = title or text.strip() or None
        elif not line.strip():
            flush()
        else:
            if table:
                flush()
            paragraph.append(line)
    flush()
    return builder.build(MARKDOWN, title=title)
