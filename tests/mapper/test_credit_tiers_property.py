"""Property: tiers cut from one partition of [0, target) raise nothing; moving one
boundary makes them overlap (I001) or leave a gap (I002)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.consistency import inconsistency_findings
from tests.mapper.factories import make_extraction, term

TARGET = 99.9


def _doc(tiers: list[tuple[float | None, float, float]]):  # type: ignore[no-untyped-def]
    lines = [f"Tier {i}" for i in range(len(tiers))]
    text = "Target 99.9% monthly\n" + "\n".join(lines) + "\n"
    terms = [term("availability", "Target 99.9% monthly", value=TARGET, period="monthly")]
    terms += [
        term("credit_tier", line, metric="availability", lower=lo, upper=hi, credit_percent=pct)
        for line, (lo, hi, pct) in zip(lines, tiers, strict=True)
    ]
    return make_extraction("t.txt", text, terms)


cuts = st.lists(st.integers(min_value=900, max_value=998), min_size=1, max_size=4, unique=True)


def _partition(points: list[int]) -> list[tuple[float | None, float, float]]:
    bounds = sorted(p / 10 for p in points) + [TARGET]
    tiers: list[tuple[float | None, float, float]] = [(None, bounds[0], 50.0)]
    tiers += [(bounds[i], bounds[i + 1], 10.0 * (i + 1)) for i in range(len(bounds) - 1)]
    return tiers


@settings(max_examples=40, deadline=None)
@given(cuts)
def test_a_partition_is_consistent(points: list[int]) -> None:
    assert inconsistency_findings(_doc(_partition(points))) == []


@settings(max_examples=40, deadline=None)
@given(cuts, st.sampled_from([-0.05, 0.05]))
def test_moving_a_boundary_breaks_it(points: list[int], shift: float) -> None:
    tiers = _partition(points)
    lo, hi, pct = tiers[-1]
    assert lo is not None
    tiers[-1] = (round(lo + shift, 2), hi, pct)
    rules = {f.rule for f in inconsistency_findings(_doc(tiers))}
    assert rules == ({"SLA-I001"} if shift < 0 else {"SLA-I002"})
