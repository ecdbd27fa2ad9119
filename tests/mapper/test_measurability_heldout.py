"""The measurability check on 120 commitment sentences labelled independently of the rules
(tests/mapper/data/heldout_measurability.jsonl). Floors are the levels reached."""

from __future__ import annotations

import json
from pathlib import Path

from mapper.measurability import is_measurable

DATA = Path(__file__).parent / "data" / "heldout_measurability.jsonl"


def test_heldout_precision_and_recall() -> None:
    rows = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    flagged = [(r["vague"], not is_measurable(r["text"])) for r in rows]
    tp = sum(v and f for v, f in flagged)
    fp = sum(f and not v for v, f in flagged)
    fn = sum(v and not f for v, f in flagged)
    assert len(rows) == 120
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)
