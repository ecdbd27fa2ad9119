"""Plain text, Markdown and HTML readers, and choosing a reader by magic bytes / extension."""

from __future__ import annotations

import pytest

from extractor.config import Limits
from extractor.errors import CorruptDocument, EncryptedDocument, UnsupportedDocument
from extractor.readers import read, sniff

HTML = b"""<!DOCTYPE html><html><head><title>Support Policy - Initech Inc</title>
<style>.x { content: "99.99%"; }</style><script>var uptime = "99.999%";</script></head>
<body><nav><a href="/">Home</a> Pricing 24/7</nav><header>Portal banner</header>
<main><h1>Support Policy</h1><p>Intro   text with
  spaces.</p>
<h2>1. Response Times</h2>
<table><tr><th>Priority</th><th>Response</th></tr>
<tr><td>P1</td><td>15 <b>minutes</b></td></tr></table>
<ol><li>First step</li><li>Second step</li></ol>
<noscript>Enable JS</noscript><p hidden>secret</p></main>
<footer>Copyright 2026</footer></body></html>"""


def test_html_keeps_content_drops_chrome() -> None:
    doc = read(HTML, "policy.html", Limits())
    assert doc.media_type == "text/html"
    for gone in ("99.99", "99.999", "Home", "Portal banner", "Enable JS", "Copyright", "secret"):
        assert gone not in doc.text
    lines = doc.text.splitlines()
    assert lines[0] == "Support Policy"
    assert "Intro text with spaces." in lines
    assert "Priority | Response" in lines and "P1 | 15 minutes" in lines
    assert "1. First step" in lines and "2. Second step" in lines
    headings = [doc.text[s:e] for s, e, _ in doc.headings]
    assert headings == ["Support Policy", "1. Response Times"]
    assert doc.title == "Support Policy"  # the <title> minus its site suffix


def test_markdown_headings_and_tables() -> None:
    data = (
        b"# Support Policy\n\nIntro line one\ncontinues here.\n\n## 3. Priorities\n\n"
        b"| Priority | Response |\n|---|:---:|\n| P1 - Urgent | 1 hour |\n| P2 | 4 hours |\n\n"
        b"After **bold** text.\n"
    )
    doc = read(data, "policy.md", Limits())
    assert doc.media_type == "text/markdown"
    assert "#" not in doc.text and "---" not in doc.text
    assert "Priority | Response\nP1 - Urgent | 1 hour\nP2 | 4 hours\n" in doc.text
    assert [doc.text[s:e] for s, e, _ in doc.headings] == ["Support Policy", "3. Priorities"]
    assert [level for _, _, level in doc.headings] == [1, 2]
    assert doc.tables[0].rows[0] == ("Priority", "Response")
    assert doc.title == "Support Policy"


def test_text_form_feeds_are_pages_and_encodings_decode() -> None:
    doc = read("Page one \u2013 caf\u00e9\n\fPage two\n".encode(), "a.txt", Limits())
    assert len(doc.pages) == 2
    assert "caf\u00e9" in doc.text
    assert doc.page_of(doc.text.index("Page two")) == 2
    utf16 = read("Uptime 99.9%".encode("utf-16"), "b.txt", Limits())
    assert utf16.text.strip() == "Uptime 99.9%"


@pytest.mark.parametrize(
    ("data", "name", "media_type"),
    [
        (b"%PDF-1.7\n...", "x.bin", "application/pdf"),
        (b"PK\x03\x04rest", "contract", "application/vnd.openxmlformats-officedocument"
         ".wordprocessingml.document"),
        (b"<!doctype html><p>x", "page", "text/html"),
        (b"<html><p>x", "page.txt", "text/html"),
        (b"# Title", "notes.md", "text/markdown"),
        (b"plain words", "noext", "text/plain"),
    ],
)
def test_sniff_magic_first_then_extension(data: bytes, name: str, media_type: str) -> None:
    assert sniff(data, name) == media_type


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"\x89PNG\r\n\x1a\n....", "scan.pdf", UnsupportedDocument),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old.doc", UnsupportedDocument),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "locked.docx", EncryptedDocument),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"), "download",
         EncryptedDocument),
        (b"just text really", "fake.pdf", CorruptDocument),
        (bytes(range(256)) * 4, "blob.bin", UnsupportedDocument),
    ],
)
def test_sniff_refuses_what_it_cannot_read(data: bytes, name: str, error: type) -> None:
    with pytest.raises(error) as info:
        read(data, name, Limits())
    assert name in str(info.value)


def test_html_without_charset_is_read_as_utf8_not_latin1() -> None:
    """Regression: an undeclared UTF-8 page came out with 'â\\x80\\x93' for every en dash."""
    from extractor.config import Limits
    from extractor.readers import read

    page = "<html><body><h1>Plans – Pricing</h1><p>99.9% uptime · “Pro”</p></body></html>"
    doc = read(page.encode("utf-8"), "page.html", Limits())
    assert "Plans – Pricing" in doc.text and "“Pro”" in doc.text and "â" not in doc.text
    legacy = '<meta charset="windows-1252"><p>caf\xe9 \u2013 done</p>'.encode("cp1252")
    assert "café – done" in read(legacy, "old.html", Limits()).text
