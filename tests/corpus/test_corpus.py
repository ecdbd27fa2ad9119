"""The corpus is complete, its gold annotations are valid and findable, and it rebuilds."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType

import docx
import pytest
import yaml

from extractor.evaluation import gold_from_dict
from extractor.types import DOC_TYPES
from tests.corpus.corpus_text import document_text, squash

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SERVICES = {"Core API", "Analytics Dashboard", "Managed Hosting", "Helpdesk Support"}
MANIFEST = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
FILES = [entry["file"] for entry in MANIFEST]


COLUMNS = {
    source["file"]: int(source.get("columns", 1))
    for source in (
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in (CORPUS / "sources").glob("*.yaml")
    )
}


@cache
def text_of(file: str) -> str:
    return squash(document_text(CORPUS / "documents" / file, COLUMNS.get(file, 1)))


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_build", module)
    spec.loader.exec_module(module)
    return module


def test_manifest_lists_every_document_and_gold_once() -> None:
    on_disk = {p.name for p in (CORPUS / "documents").iterdir()}
    gold = {p.name.removesuffix(".json") for p in (CORPUS / "gold").glob("*.json")}
    assert len(FILES) == len(set(FILES)) >= 22
    assert set(FILES) == on_disk == gold


def test_variety_of_formats_and_types() -> None:
    formats = Counter(Path(f).suffix for f in FILES)
    assert formats[".pdf"] >= 5 and formats[".docx"] >= 5
    assert all(formats[s] >= 1 for s in (".txt", ".md", ".html"))
    assert {e["doc_type"] for e in MANIFEST} == set(DOC_TYPES)


def test_manifest_references_are_files_of_the_same_customer() -> None:
    by_file = {e["file"]: e for e in MANIFEST}
    for entry in MANIFEST:
        refs = [entry[key] for key in ("amends", "supersedes", "superseded_by") if entry.get(key)]
        for ref in refs:
            assert ref in by_file, f"{entry['file']} refers to unknown {ref}"
            assert by_file[ref]["customer"] == entry["customer"]
        assert set(entry["services"]) <= SERVICES


@pytest.mark.parametrize("entry", MANIFEST, ids=FILES)
def test_gold_is_valid_and_agrees_with_manifest(entry: dict) -> None:
    file = entry["file"]
    data = json.loads((CORPUS / "gold" / f"{file}.json").read_text(encoding="utf-8"))
    gold = gold_from_dict(data, name=file)  # raises on unknown kinds/fields/categories
    assert data["document"]["name"] == file
    assert gold.doc_type == entry["doc_type"]
    assert gold.effective_date == entry["effective_date"]
    assert gold.title == entry["title"]
    assert gold.parties[0] == "Northwind Cloud Ltd"
    if entry["customer"]:
        assert entry["customer"] in gold.parties
    for term in gold.terms:
        assert term.get("service") in SERVICES | {None}
        if "minutes" in term:
            unit_minutes = {"minutes": 1, "hours": 60, "days": 1440,
                            "business_hours": 60, "business_days": 1440}[term["unit"]]
            assert term["minutes"] == term["value"] * unit_minutes
            assert term["business"] == term["unit"].startswith("business_")
        if "amends" in term:
            assert gold.doc_type == "amendment"


@pytest.mark.parametrize("file", FILES)
def test_every_gold_quote_is_in_the_document(file: str) -> None:
    data = json.loads((CORPUS / "gold" / f"{file}.json").read_text(encoding="utf-8"))
    text = text_of(file)
    missing = [t["quote"] for t in data["terms"] if squash(t["quote"]) not in text]
    assert not missing


def test_tracked_deletions_are_not_text() -> None:
    text = text_of("acme_amendment_1.docx")
    assert "sixty (60) days" in text and "forty-five" not in text
    assert "fifteen (15) days" not in text


def test_html_scripts_and_navigation_are_dropped() -> None:
    assert "99.99%" not in text_of("initech_support_policy.html")
    assert "99.999%" not in text_of("northwind_marketing.html")


@pytest.mark.parametrize(
    "source", sorted((CORPUS / "sources").glob("*.yaml")), ids=lambda p: p.stem
)
def test_rebuilding_gives_the_committed_text(source: Path, tmp_path: Path) -> None:
    build = load_build()
    built = build.build_one(build.load_source(source), tmp_path)
    committed = CORPUS / "documents" / built.name
    assert document_text(built) == document_text(committed)


def test_docx_numbering_is_automatic_not_text() -> None:
    text = text_of("acme_sla_schedule.docx")
    assert "Core API: Northwind will make" in text
    assert "2.1 Core API" not in text
    document = docx.Document(str(CORPUS / "documents" / "acme_sla_schedule.docx"))
    props = [p._p.pPr for p in document.paragraphs]
    numbered = [pr for pr in props if pr is not None and pr.numPr is not None]
    assert len(numbered) >= 20
