"""Document-level measurability: folders of drafts written by helpers who never saw the
rules, with every vague commitment listed in gold.json.

- lint_drafts (4 drafts, 42 vague): scored unseen first at P 0.794 / R 0.643; its misses
  showed what sentence-level sets cannot (table rows whose cells are separate statements,
  "Label: value" lines merged as wrapped text, customer duty lists, document-wide answers
  applied too widely); the rules were generalised on them: a development set now.
- lint_drafts2 (4 drafts, 36 vague): unseen P 0.816 / R 0.861, then a development set
  (terms the document defines, an outside classification, the customer's own clause in a
  sentence, recitals quoting the old text).
- lint_drafts3 (5 drafts, 41 vague): unseen P 0.727 / R 0.780, then a development set
  (a second commitment joined by "and" answered by its own numbers, reference numbers that
  look like clock ranges, explicit non-commitments, share targets of shipments and claims,
  severities defined after a colon).
- lint_drafts4 (5 drafts, 40 vague): unseen P 0.786 / R 0.825, then a development set
  ("(a)" markers only, lettered and quoted classes defined, a label line defining
  Availability, date ranges are not clock ranges, scope statements ("will operate the
  service desk") are not commitments without a target, populations are not levels).
- lint_drafts_test (4 drafts, 41 vague): sealed, only scored: P 0.833 / R 0.854 at its
  first scoring (after the first two rounds) and again after the third and fourth.
- lint_drafts_test2 (5 drafts, 40 vague): sealed, written after three rounds: P 0.750 /
  R 0.900 at its first scoring, 0.783 / 0.900 after the fourth round.

Floors are the levels reached.

A finding matches a gold sentence when one contains the other (whitespace folded) or
rapidfuzz's partial ratio is at least 92. SLA-U006 (a percentage while Downtime is never
defined) counts as a false alarm here although the issue asks for it: the helper's
labelling brief did not list it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from extractor.pipeline import extract
from mapper.lint import lint_documents

DATA = Path(__file__).parent / "data"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _matches(quote: str, gold: str) -> bool:
    a, b = _norm(quote), _norm(gold)
    return a in b or b in a or fuzz.partial_ratio(a, b) >= 92


def score(folder: str) -> tuple[int, int, int]:
    """(true positives, false alarms, misses) of the unmeasurable findings on a folder of
    drafts with its gold.json."""
    drafts = DATA / folder
    gold = json.loads((drafts / "gold.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for name, vague in gold.items():
        path = drafts / name
        report = lint_documents([extract(path.read_bytes(), name)])
        quotes = {_norm(f.quote) for f in report.findings if f.category == "unmeasurable"}
        matched = {g for q in quotes for g in vague if _matches(q, g)}
        fp += sum(not any(_matches(q, g) for g in vague) for q in quotes)
        tp += len(matched)
        fn += len(vague) - len(matched)
    return tp, fp, fn


@pytest.mark.parametrize(
    ("folder", "vague", "precision", "recall"),
    [
        ("lint_drafts", 42, 0.97, 0.92),
        ("lint_drafts2", 36, 0.94, 0.91),
        ("lint_drafts3", 41, 0.88, 0.90),
        ("lint_drafts4", 40, 0.97, 0.90),
        ("lint_drafts_test", 41, 0.83, 0.85),
        ("lint_drafts_test2", 40, 0.78, 0.90),
    ],
)
def test_drafts_precision_and_recall(
    folder: str, vague: int, precision: float, recall: float
) -> None:
    tp, fp, fn = score(folder)
    assert tp + fn == vague
    assert tp / (tp + fp) >= precision and tp / (tp + fn) >= recall, (folder, tp, fp, fn)
