"""The measurability check on sentence sets labelled independently of the rules.

- heldout_measurability.jsonl (120, first session): scored unseen at P 1.000 / R 0.867.
- measurability_dev.jsonl (150), measurability_dev2.jsonl (200), measurability_dev3.jsonl
  (250, 70% precise sentences full of trap words), measurability_dev4.jsonl (200 provider
  commitments, half vague), measurability_dev5.jsonl (200, long cross-referencing contract
  prose), measurability_dev6.jsonl (200, plain, translated and informal English): written
  by helpers who never saw the patterns; each scored unseen first (dev P 0.866 / R 0.967,
  dev2 P 0.800 / R 0.950, dev3 P 0.670 / R 0.920, dev4 P 0.949 / R 0.930, dev5 P 0.956 /
  R 0.967, dev6 P 0.902 / R 0.922), then the rules were generalised on their misses:
  development sets now.
- measurability_test.jsonl (150): written with dev, kept sealed: only scored, never used to
  shape a rule (two of its false alarms were seen in a first print-out). Unseen scores:
  P 0.855 / R 0.983 before any change, 0.894 / 0.983 after the dev round, 0.908 / 0.983
  after the dev2 round, 0.922 / 0.983 after the dev3 round, 0.937 / 0.983 after the dev4
  to dev6 rounds.
- measurability_test2.jsonl (200, written after five rounds as "an independent set of
  vague and precise commitments", 85% provider commitments): sealed too. Unseen P 0.941 /
  R 0.950 at its first scoring, 0.960 / 0.960 after the dev6 round, 0.960 / 0.950 after
  the first document-level round (tests/mapper/test_lint_drafts.py), 0.960 / 0.960 after
  the fourth.

Floors are the levels reached, so a change that loses ground fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapper.measurability import is_measurable

DATA = Path(__file__).parent / "data"


def _scores(name: str) -> tuple[int, float, float]:
    rows = [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]
    flagged = [(r["vague"], not is_measurable(r["text"])) for r in rows]
    tp = sum(v and f for v, f in flagged)
    fp = sum(f and not v for v, f in flagged)
    fn = sum(v and not f for v, f in flagged)
    return len(rows), tp / (tp + fp), tp / (tp + fn)


@pytest.mark.parametrize(
    ("name", "size", "precision", "recall"),
    [
        ("heldout_measurability.jsonl", 120, 0.98, 0.99),
        ("measurability_dev.jsonl", 150, 0.99, 0.99),
        ("measurability_dev2.jsonl", 200, 0.94, 0.98),
        ("measurability_dev3.jsonl", 250, 0.89, 0.95),
        ("measurability_dev4.jsonl", 200, 0.98, 0.96),
        ("measurability_dev5.jsonl", 200, 0.99, 0.98),
        ("measurability_dev6.jsonl", 200, 0.98, 0.98),
        ("measurability_test2.jsonl", 200, 0.95, 0.96),
        ("measurability_test.jsonl", 150, 0.93, 0.99),
    ],
)
def test_independent_sets(name: str, size: int, precision: float, recall: float) -> None:
    count, p, r = _scores(name)
    assert count == size
    assert p >= precision and r >= recall, (name, round(p, 3), round(r, 3))
