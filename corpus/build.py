"""Regenerate the PDF and DOCX documents of the corpus from corpus/sources/*.yaml.

Run: /work/venv/bin/python corpus/build.py [NAME ...]
TXT, MD and HTML documents are written by hand in corpus/documents/ (they are their own
source). Output is deterministic: rebuilding gives identical files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_docx import build_docx  # noqa: E402
from build_pdf import build_pdf  # noqa: E402

SOURCES = HERE / "sources"
DOCUMENTS = HERE / "documents"


def load_source(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "file" not in data or "blocks" not in data:
        raise ValueError(f"{path}: a source needs 'file' and 'blocks'")
    return data


def build_one(source: dict[str, Any], out_dir: Path) -> Path:
    out = out_dir / source["file"]
    if out.suffix == ".pdf":
        build_pdf(source, out)
    elif out.suffix == ".docx":
        build_docx(source, out)
    else:
        raise ValueError(f"{source['file']}: build.py renders only .pdf and .docx")
    return out


def main(argv: list[str]) -> int:
    DOCUMENTS.mkdir(exist_ok=True)
    for path in sorted(SOURCES.glob("*.yaml")):
        source = load_source(path)
        if argv and source["file"] not in argv and path.stem not in argv:
            continue
        print(build_one(source, DOCUMENTS).relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
