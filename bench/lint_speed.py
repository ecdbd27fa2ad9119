"""Time the `slareg lint` command end to end on a 70-page draft (target < 2 s).

    python bench/lint_speed.py [--pages 70] [--runs 7]

Builds a plain-text draft of ~70 pages (about 500 words a page) of SLA clauses, some
precise and some vague (every paragraph is relevant to the extractor: a worst case), and
runs the real command `slareg lint DRAFT` as a fresh process, as a user would: the time
includes the interpreter start, the imports (spaCy alone is ~0.6 s), building the
pipelines, extraction, every rule and the report. In the same run it times the named
baseline `python -c "import spacy"` (the floor every spaCy command pays) and
`slareg lint --jobs 1` (one process), and the command on a second, less repetitive draft:
a 70-page DOCX made of the sample corpus's documents (more distinct words, tables, a
DOCX to read). Prints median / min / max of `--runs` runs each and the ratios to the
baseline; exit 1 when the dense draft's median misses the target.

The project's modules are byte-compiled first (`compileall`), the state a wheel install
leaves them in; an editable install on a machine with PYTHONDONTWRITEBYTECODE set would
otherwise compile them on every run (~0.2 s).
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("extractor", "mapper", "register", "measurement", "api")

CLAUSES = [
    "Availability will be at least 99.9% of minutes in each calendar month, measured by the "
    "Provider's synthetic monitoring, UTC, excluding the maintenance window in 6.2.",
    "Provider will use reasonable efforts to keep the {svc} highly available.",
    "Priority 1 incidents will receive a response within 30 minutes and be resolved within 4 hours.",  # noqa: E501
    "Provider will respond promptly to support requests during business hours.",
    "Scheduled maintenance is performed on Sundays between 02:00 and 06:00 UTC, announced at "
    "least 48 hours in advance, and is excluded from Downtime.",
    "The parties will review the service regularly.",
    "If availability in a month is below 99.9% but at least 99.0%, Customer receives a credit "
    "of 10% of the monthly fee for the {svc}.",
    "Customer shall report incidents through the support portal and keep its named contacts up to date.",  # noqa: E501
    "Provider will deliver a service report within 10 business days after the end of each month.",
    "Downtime means a minute in which two consecutive probes from two regions fail.",
    "Each party shall keep the other party's Confidential Information confidential and use it "
    "only to perform this Agreement, and shall protect it with at least the care it uses for "
    "its own information of a similar nature.",
    "This Agreement is governed by the laws of England and Wales, and the courts of London "
    "have exclusive jurisdiction over any dispute arising out of or in connection with it.",
]
SERVICES = ["Core API", "Data Warehouse", "Billing Service", "Identity Platform"]


def build_draft(pages: int, words_per_page: int = 500) -> str:
    lines = ["Draft Master Services Agreement and Service Level Schedule", ""]
    words, section, i = 0, 1, 0
    target = pages * words_per_page
    while words < target:
        lines.append(f"{section}. Section {section}")
        for sub in range(1, 6):
            clause = CLAUSES[i % len(CLAUSES)].format(svc=SERVICES[i % len(SERVICES)])
            lines.append(f"{section}.{sub} {clause}")
            words += len(clause.split())
            i += 1
        lines.append("")
        section += 1
    return "\n".join(lines) + "\n"


def build_corpus_docx(path: Path, words: int = 35_000) -> int:
    """A DOCX of the corpus documents' texts (repeated until `words` words); returns the
    word count."""
    import docx

    from extractor.config import Limits
    from extractor.readers import read

    texts = [
        read(p.read_bytes(), p.name, Limits()).text
        for p in sorted((ROOT / "corpus" / "documents").iterdir())
    ]
    document, count, i = docx.Document(), 0, 0
    while count < words:
        for para in texts[i % len(texts)].replace("\f", " ").split("\n"):
            if para.strip():
                document.add_paragraph(para)
                count += len(para.split())
        i += 1
    document.save(str(path))
    return count


def _times(command: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        out.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{command} failed: {done.stderr.decode()[-2000:]}")
    return out


def _line(name: str, times: list[float], base: float) -> str:
    median = statistics.median(times)
    return (
        f"{name:<34} median {median:5.2f} s  (min {min(times):.2f}, max {max(times):.2f})"
        f"  = {median / base:4.2f}x baseline"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=70)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)
    slareg = shutil.which("slareg") or str(Path(sys.executable).parent / "slareg")
    text = build_draft(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(text, encoding="utf-8")
        findings = subprocess.run(
            [slareg, "lint", str(path)], capture_output=True, text=True, check=False
        )
        summary = findings.stdout.strip().splitlines()[-1]
        baseline = _times([sys.executable, "-c", "import spacy"], args.runs)
        two = _times([slareg, "lint", str(path)], args.runs)
        one = _times([slareg, "lint", "--jobs", "1", str(path)], args.runs)
        corpus_docx = Path(tmp) / "corpus-draft.docx"
        corpus_words = build_corpus_docx(corpus_docx)
        mixed = _times([slareg, "lint", str(corpus_docx)], args.runs)
    base = statistics.median(baseline)
    print(f"draft: {args.pages} pages, {len(text.split())} words, {len(text)} chars; {summary}")
    print(_line('baseline: python -c "import spacy"', baseline, base))
    print(_line("slareg lint DRAFT", two, base))
    print(_line("slareg lint --jobs 1 DRAFT", one, base))
    print(_line(f"slareg lint CORPUS.docx ({corpus_words} w)", mixed, base))
    median = statistics.median(two)
    print(f"target < 2 s: {'met' if median < 2.0 else 'MISSED'} (median {median:.2f} s)")
    return 0 if median < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
