"""`slareg measure …` commands and the sample performance data in corpus/performance."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from api.commands import measure
from measurement.compute import compute
from measurement.io import read_outages, read_pauses, read_tickets
from measurement.periods import months_between
from measurement.sla import load_sla

PERF = Path(__file__).parents[2] / "corpus" / "performance"
DATA = [
    "--outages",
    str(PERF / "outages.csv"),
    "--tickets",
    str(PERF / "tickets.csv"),
    "--pauses",
    str(PERF / "ticket_pauses.csv"),
]
ACME = str(PERF / "slas" / "acme-core-api.sla.yaml")


@pytest.fixture(scope="module")
def run() -> object:
    app = typer.Typer()
    measure.install(app)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["measure", *args])


def test_compute_json_is_the_measurement_record(run) -> None:  # type: ignore[no-untyped-def]
    res = run("compute", "--sla", ACME, *DATA, "--period", "2026-06", "--format", "json")
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["schema"] == "slareg.measurement/1"
    assert rec["period"] == {
        "label": "2026-06",
        "start": "2026-06-01T00:00:00-04:00",
        "end": "2026-07-01T00:00:00-04:00",
    }
    assert [r["kind"] for r in rec["results"]] == [
        "availability",
        "response_time",
        "response_time",
        "resolution_time",
    ]
    assert set(rec["credit"]) == {"percent", "capped", "amount", "claim_deadline"}


def test_compute_table_and_errors(run) -> None:  # type: ignore[no-untyped-def]
    res = run("compute", "--sla", ACME, *DATA, "--period", "2026-06")
    assert res.exit_code == 0 and "availability" in res.stdout
    res = run("compute", "--sla", ACME, "--period", "2026-06")
    assert res.exit_code == 2 and "give --outages FILE" in res.stderr
    res = run("compute", "--sla", ACME, *DATA, "--period", "June")
    assert res.exit_code == 2 and "not a period" in res.stderr


def test_backtest_and_openslo(run) -> None:  # type: ignore[no-untyped-def]
    res = run("backtest", ACME, *DATA, "--from", "2025-11", "--to", "2026-10", "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert len(out["months"]) == 12
    assert [v["variant"] for v in out["sensitivity"]] == [
        "as_defined",
        "granularity_1",
        "granularity_5",
        "rolling_30_days",
        "pauses_off",
    ]
    res = run("openslo", ACME, "--id", "availability=42")
    assert res.exit_code == 0
    docs = list(yaml.safe_load_all(res.stdout))
    assert docs[0]["metadata"]["annotations"]["slareg.io/register-id"] == "42"


def test_generator_reproduces_the_committed_csvs(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("perf_generate", PERF / "generate.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["perf_generate"] = mod  # dataclasses look their module up
    try:
        spec.loader.exec_module(mod)
    finally:
        del sys.modules["perf_generate"]
    mod.generate(tmp_path)
    for name in ("outages.csv", "tickets.csv", "ticket_pauses.csv"):
        assert (tmp_path / name).read_bytes() == (PERF / name).read_bytes(), name


def test_every_sample_sla_measures_the_year() -> None:
    outages, tickets = read_outages(PERF / "outages.csv"), read_tickets(PERF / "tickets.csv")
    pauses = read_pauses(PERF / "ticket_pauses.csv", set(tickets.id))
    breaches = 0
    for path in sorted((PERF / "slas").glob("*.sla.yaml")):
        sla = load_sla(path)
        for month in months_between("2025-11", "2026-10", sla.calendar.time_zone):
            rec = compute(sla, outages, tickets, pauses, month)
            assert len(rec.results) == len(sla.targets)
            breaches += sum(not r.met for r in rec.results)
    assert breaches > 0  # the sample year is not all green
