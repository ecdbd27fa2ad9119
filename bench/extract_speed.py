"""Speed bench: full `extract` vs pdfplumber's bare `page.extract_text()` on the same PDF.

Builds (in a temp dir) a 70-page text-layer PDF with a dozen ruled credit and severity
tables among contract prose, then times, in the same run:
  A. `extractor.pipeline.extract(data, name)` (read + clauses + facts + terms), and
  B. pdfplumber: open the file and call `page.extract_text()` on every page.
Prints both times and B/A (target >= 10), and checks every table came out as a table.

    python bench/extract_speed.py [--pages 70] [--tables 12] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

PROSE = (
    "The Provider shall use commercially reasonable efforts to make the Service available "
    "to the Customer in accordance with this Schedule. Availability is measured by the "
    "Provider's monitoring systems at one-minute intervals from at least three locations, "
    "and a minute is counted as unavailable when every location fails to receive a valid "
    "response. Scheduled Maintenance notified at least 48 hours in advance, events of force "
    "majeure and any unavailability caused by the Customer are excluded from the calculation. "
    "The Customer must request any service credit in writing within thirty (30) days after "
    "the end of the month in which the failure occurred, giving the dates and times of the "
    "failure and the affected Service. "
)


def credit_table(n: int) -> list[list[str]]:
    return [
        ["Monthly Uptime Percentage", "Service Credit"],
        [f"Less than 99.9{n % 10}% but at least 99.0%", "10%"],
        ["Less than 99.0% but at least 95.0%", "25%"],
        ["Less than 95.0%", "50%"],
    ]


def severity_table(n: int) -> list[list[str]]:
    return [
        ["Severity", "Description", "Initial Response", "Resolution Target"],
        ["Severity 1", "Production system down", f"{15 + n} minutes", "4 hours"],
        ["Severity 2", "Major function impaired", "1 hour", "1 business day"],
        ["Severity 3", "Minor issue", "4 business hours", "5 business days"],
        ["Severity 4", "Question or request", "1 business day", "Next release"],
    ]


def bench_tables(pages: int, tables: int) -> dict[int, list[list[str]]]:
    """page number -> the table on it; every table differs from the others."""
    table_pages = sorted({round(i * pages / tables) + 1 for i in range(tables)})
    return {
        page: credit_table(n) if n % 2 else severity_table(n)
        for n, page in enumerate(table_pages, start=1)
    }


def build_pdf(path: Path, pages: int = 70, tables: int = 12) -> None:
    """A contract-like PDF of `pages` pages with `tables` ruled tables spread among the prose."""
    styles = getSampleStyleSheet()
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    on_page = bench_tables(pages, tables)
    story: list = []
    for clause in range(1, pages + 1):
        story.append(Paragraph(f"{clause}. Service Levels Part {clause}", styles["Heading2"]))
        if clause in on_page:
            story.append(Paragraph(f"{clause}.1 The following table applies.", styles["BodyText"]))
            story.append(Table(on_page[clause], style=style))
            story.append(Paragraph(f"{clause}.2 " + PROSE, styles["BodyText"]))
        else:
            for sub in range(1, 4):
                story.append(Paragraph(f"{clause}.{sub} " + PROSE, styles["BodyText"]))
        story.append(Spacer(1, 12))
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4, title="Service Level Schedule").build(story)


def time_extract(data: bytes, name: str, expected: list[list[list[str]]]) -> tuple[float, int, int]:
    """(seconds, tables found whole as " | " rows in the text, pages) of one `extract`."""
    from extractor.pipeline import extract

    start = time.perf_counter()
    result = extract(data, name)
    elapsed = time.perf_counter() - start
    blocks = ["".join(" | ".join(row) + "\n" for row in table) for table in expected]
    return elapsed, sum(1 for block in blocks if block in result.text), result.document.pages


def time_pdfplumber(path: Path) -> float:
    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.perf_counter() - start


def time_stages(data: bytes, name: str) -> dict[str, float]:
    """Seconds spent in each stage of one `extract` run (for the breakdown)."""
    from extractor.clauses import text_to_clauses
    from extractor.config import Limits
    from extractor.facts import document_facts
    from extractor.pipeline import _terms_function
    from extractor.readers import read

    times: dict[str, float] = {}
    start = time.perf_counter()
    doc = read(data, name, Limits())
    times["read (pypdfium2 + pdfplumber tables)"] = time.perf_counter() - start
    start = time.perf_counter()
    clauses, definitions = text_to_clauses(doc)
    document_facts(doc, clauses, name, "0" * 64)
    times["clauses + definitions + facts"] = time.perf_counter() - start
    terms_fn = _terms_function()
    if terms_fn is not None:
        start = time.perf_counter()
        terms_fn(doc, clauses, definitions)
        times["terms (extractor.terms)"] = time.perf_counter() - start
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=70)
    parser.add_argument("--tables", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs for each side")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench_sla.pdf"
        build_pdf(path, args.pages, args.tables)
        data = path.read_bytes()
        import pdfplumber  # noqa: F401 - import cost is not part of either timing

        from extractor.pipeline import extract

        extract(data, path.name)  # warm-up: imports, spaCy pipeline construction
        expected = list(bench_tables(args.pages, args.tables).values())
        ours = [time_extract(data, path.name, expected) for _ in range(args.repeat)]
        theirs = [time_pdfplumber(path) for _ in range(args.repeat)]
        stages = min((time_stages(data, path.name) for _ in range(args.repeat)),
                     key=lambda t: sum(t.values()))  # fmt: skip
    best, tables_found, pages = min(ours)
    baseline = min(theirs)
    print(f"document: {pages} pages, {args.tables} ruled tables, {len(data)} bytes")
    print(f"slareg extract (full pipeline): {best * 1000:8.1f} ms")
    print(f"pdfplumber extract_text():     {baseline * 1000:8.1f} ms")
    ratio = baseline / best
    print(f"ratio: {ratio:.1f}x (target >= 10x){'' if ratio >= 10 else '  BELOW TARGET'}")
    for stage, seconds in stages.items():
        print(f"  {stage:<40} {seconds * 1000:8.1f} ms  ({baseline / seconds:.1f}x)")
    print(f"tables extracted whole, as rows: {tables_found} of {len(expected)}")
    ok = tables_found == len(expected) == args.tables and pages == args.pages
    if not ok:
        print("FAIL: not every table was extracted as a table", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
