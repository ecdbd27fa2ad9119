"""Two cores for one lint: the extractor runs in a forked worker while this process
works out the measurability facts of the same texts (`MeasurabilityChecker.prepare`).

The two halves take about as long as each other on a long document, so a 70-page draft
is checked in about two thirds of the time. Files are read here (a bad file fails at
once, with the reader's error); the worker is forked after the spaCy pipeline is built
(it inherits it: nothing is loaded twice), gets each read document and sends its
Extraction back as the plain dict. Used only where fork is safe and cheap (Linux), for
documents large enough to pay for a process (~20 ms); if the worker fails on a document,
it is extracted again here so that the caller gets the extractor's own error. The result
is the same as sequential extraction (tests/api/test_extract_beside.py).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from extractor.config import Limits
from extractor.nlp import get_nlp
from extractor.pipeline import document_to_extraction, extract
from extractor.readers import read
from extractor.types import Extraction, ReadDocument
from mapper.measurability import default_checker

MIN_BYTES = 64_000  # below this a second process costs more than it saves


def extract_files(paths: Sequence[Path], *, workers: int = 1) -> list[Extraction]:
    """The Extraction of each file, in order (raises the extractor's errors)."""
    data = [p.read_bytes() for p in paths]
    if workers < 2 or sys.platform != "linux" or sum(map(len, data)) < MIN_BYTES:
        return [extract(d, p.name) for d, p in zip(data, paths, strict=True)]
    limits = Limits()
    docs = [read(d, p.name, limits) for d, p in zip(data, paths, strict=True)]
    shas = [hashlib.sha256(d).hexdigest() for d in data]
    get_nlp()  # built before the fork: the worker inherits it
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        futures = [
            pool.submit(_to_dict, doc, p.name, sha)
            for doc, p, sha in zip(docs, paths, shas, strict=True)
        ]
        checker = default_checker()
        for doc in docs:
            checker.prepare(doc.text)
        results = [f.result() for f in futures]
    return [
        Extraction.from_dict(result) if result is not None
        else document_to_extraction(doc, p.name, sha)
        for result, doc, p, sha in zip(results, docs, paths, shas, strict=True)
    ]  # fmt: skip


def _to_dict(doc: ReadDocument, name: str, sha256: str) -> dict[str, Any] | None:
    """In the worker: the Extraction as a dict, or None when it fails (the parent then
    raises the error itself: exceptions do not always survive pickling)."""
    try:
        return document_to_extraction(doc, name, sha256).to_dict(with_text=True)
    except Exception:  # noqa: BLE001 - any failure is re-raised by the parent's own run
        return None
