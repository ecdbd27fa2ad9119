"""Settings of the extractor, passed in as a frozen dataclass (never read from the environment)."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Resource limits that keep hostile or oversized input from hurting the process.

    - `max_bytes`: size of the input file.
    - `max_pages`: PDF pages.
    - `max_docx_uncompressed_bytes` / `max_docx_ratio`: checked in the zip central directory
      of a DOCX before any member is inflated (zip bombs).
    - `max_text_chars`: the extracted plain text (a small file can still expand a lot).
    - `table_min_lines` / `table_max_paths`: a PDF page goes to the (slow) table finder
      only with at least / at most this many path objects (a drawing with thousands of
      paths is no table and would take long).
    """

    max_bytes: int = 50 * MIB
    max_pages: int = 2000
    max_docx_uncompressed_bytes: int = 200 * MIB
    max_docx_ratio: int = 100
    max_text_chars: int = 20_000_000
    table_min_lines: int = 6
    table_max_paths: int = 5000
