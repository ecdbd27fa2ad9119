"""`slareg measure backtest` on a draft contract (not a .sla.yaml) goes through the extractor."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

ROOT = Path(__file__).resolve().parents[2]
PERF = ROOT / "corpus" / "performance"

DRAFT = """SERVICE LEVEL AGREEMENT between Northwind Cloud Ltd and Globex Ltd
1. Managed Hosting
1.1 The Managed Hosting service will be available 99.95% of the time in each calendar month.
1.2 If availability in a month is below 99.95% but at least 99.0%, Customer receives a credit
of 10% of the monthly fee. Below 99.0%, the credit is 25% of the monthly fee.
"""


def test_backtest_of_a_text_draft(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    result = CliRunner().invoke(
        app,
        [
            "measure",
            "backtest",
            str(draft),
            "--outages",
            str(PERF / "outages.csv"),
            "--tickets",
            str(PERF / "tickets.csv"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "slareg.backtest/1"
    text = json.dumps(data)
    assert "Managed Hosting" in text and "99.95" in text


def test_backtest_of_a_draft_without_a_service_says_so(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("SLA\n1. Uptime\n1.1 Uptime will be 99.9% in each calendar month.\n")
    result = CliRunner().invoke(
        app,
        [
            "measure",
            "backtest",
            str(draft),
            "--outages",
            str(PERF / "outages.csv"),
            "--tickets",
            str(PERF / "tickets.csv"),
        ],
    )
    assert result.exit_code != 0 and "names no service" in result.output
