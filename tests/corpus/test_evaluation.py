"""The scorer: key fields, tolerance, multiset (one-to-one) matching, counts, quotes."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluation import (
    Counts,
    GoldDocument,
    GoldFormatError,
    evaluate,
    gold_from_dict,
    match_terms,
    score_document,
    terms_match,
    values_equal,
)
from extractor.types import DocumentInfo, Extraction, Span, Term


def gold(*terms: dict[str, Any], name: str = "doc.txt") -> GoldDocument:
    return GoldDocument(name, "sla", None, (), "2026-01-01", tuple(terms))


def extraction(*terms: dict[str, Any], text: str = "", name: str = "doc.txt") -> Extraction:
    built = []
    for t in terms:
        attrs = {k: v for k, v in t.items() if k not in ("kind", "span", "quote")}
        start, end = t.get("span", (0, 0))
        built.append(Term(t["kind"], attrs, Span(1, start, end), t.get("quote", text[start:end])))
    info = DocumentInfo(name, "0" * 64, "text/plain", "sla", None, (), "2026-01-01")
    return Extraction(info, text, terms=tuple(built))


AVAIL = {"kind": "availability", "value": 99.9, "unit": "percent", "period": "monthly",
         "service": None}
RESP = {"kind": "response_time", "value": 1, "unit": "hours", "minutes": 60, "business": False,
        "priority_rank": 1, "service": "Core API"}


def test_identical_terms_score_perfectly() -> None:
    score = score_document(gold(AVAIL, RESP), extraction(RESP, AVAIL))
    assert score.overall == Counts(tp=2)
    assert score.overall.f1 == 1.0


def test_non_key_fields_do_not_matter_but_key_fields_do() -> None:
    assert terms_match(AVAIL, {**AVAIL, "period": None, "unit": "pct"})
    assert not terms_match(AVAIL, {**AVAIL, "value": 99.5})
    assert not terms_match(RESP, {**RESP, "business": True})
    assert not terms_match(RESP, {**RESP, "priority_rank": 2})
    assert not terms_match(AVAIL, {**AVAIL, "kind": "credit_cap"})


def test_missing_key_field_is_null() -> None:
    no_service = {k: v for k, v in AVAIL.items() if k != "service"}
    assert terms_match(AVAIL, no_service)
    assert not terms_match(RESP, {k: v for k, v in RESP.items() if k != "service"})


def test_floats_within_tolerance() -> None:
    assert values_equal(99.9, 99.9004)
    assert values_equal(50, 50.0)
    assert not values_equal(99.9, 99.91)
    assert values_equal(99.9, 99.91, tolerance=0.05)


def test_none_only_matches_none_and_bools_only_bools() -> None:
    assert values_equal(None, None)
    assert not values_equal(None, 0)
    assert not values_equal(0.0, None)
    assert not values_equal(True, 1)
    assert values_equal(False, False)


def test_service_and_strings_case_insensitive() -> None:
    assert terms_match(RESP, {**RESP, "service": "core  api"})
    assert not terms_match(RESP, {**RESP, "service": None})
    hours = {"kind": "service_hours", "days": "Mon-Fri", "start": "08:00", "end": "18:00",
             "time_zone": "Europe/London"}
    assert terms_match(hours, {**hours, "days": "mon-fri", "start": "8:00"})
    assert not terms_match(hours, {**hours, "time_zone": None})


def test_precedence_order_matters() -> None:
    prec = {"kind": "precedence", "order": ["amendment", "order_form", "msa"]}
    assert terms_match(prec, {**prec, "order": ("amendment", "order_form", "msa")})
    assert not terms_match(prec, {**prec, "order": ["order_form", "amendment", "msa"]})
    assert not terms_match(prec, {**prec, "order": ["amendment", "order_form"]})


def test_multiset_duplicates_must_each_be_found() -> None:
    tier = {"kind": "credit_tier", "metric": "availability", "lower": 99.0, "upper": 99.9,
            "credit_percent": 10}
    assert score_document(gold(tier, tier), extraction(tier)).overall == Counts(tp=1, fn=1)
    assert score_document(gold(tier), extraction(tier, tier)).overall == Counts(tp=1, fp=1)
    assert score_document(gold(tier, tier), extraction(tier, tier)).overall == Counts(tp=2)


def test_matching_is_maximum_not_greedy() -> None:
    # p0 fits both gold terms, p1 only the first: greedy would pair g0-p0 and lose g1
    g = [{**AVAIL, "value": 99.90}, {**AVAIL, "value": 99.91}]
    p = [{**AVAIL, "value": 99.905}, {**AVAIL, "value": 99.895}]
    assert len(match_terms(g, p, tolerance=0.006)) == 2


def test_counts_per_kind_and_micro_overall() -> None:
    cap = {"kind": "credit_cap", "value": 25, "unit": "percent"}
    doc1 = (gold(AVAIL, RESP), extraction(AVAIL, cap))  # avail tp, resp fn, cap fp
    doc2 = (gold(cap, name="b"), extraction(cap, name="b"))  # cap tp
    result = evaluate([doc1, doc2])
    assert result.by_kind["availability"] == Counts(tp=1)
    assert result.by_kind["response_time"] == Counts(fn=1)
    assert result.by_kind["credit_cap"] == Counts(tp=1, fp=1)
    overall = result.overall
    assert overall == Counts(tp=2, fp=1, fn=1)
    assert overall.precision == pytest.approx(2 / 3)
    assert overall.recall == pytest.approx(2 / 3)
    assert result.to_dict()["overall"]["f1"] == pytest.approx(0.6667, abs=1e-4)


def test_missed_and_spurious_are_listed() -> None:
    cap = {"kind": "credit_cap", "value": 25, "unit": "percent"}
    score = score_document(gold(AVAIL, RESP), extraction(AVAIL, cap))
    assert [t["kind"] for t in score.missed] == ["response_time"]
    assert [t["kind"] for t in score.spurious] == ["credit_cap"]


def test_quote_span_mismatches_are_reported() -> None:
    text = "Availability is 99.9% per month."
    good = {**AVAIL, "span": (16, 21)}
    bad = {**AVAIL, "span": (0, 5), "quote": "99.9%"}
    score = score_document(gold(AVAIL), extraction(good, bad, text=text))
    assert len(score.quote_mismatches) == 1
    mismatch = score.quote_mismatches[0]
    assert (mismatch.quote, mismatch.found) == ("99.9%", "Avail")


def test_document_fields_compared() -> None:
    score = score_document(gold(), extraction())
    assert score.doc_type_ok and score.effective_date_ok
    other = GoldDocument("doc.txt", "msa", None, (), None, ())
    score = score_document(other, extraction())
    assert not score.doc_type_ok and not score.effective_date_ok


def test_empty_document_is_perfect() -> None:
    assert score_document(gold(), extraction()).overall.f1 == 1.0


def test_gold_validation_names_the_problem() -> None:
    ok = {"document": {"doc_type": "sla"}, "terms": [{**AVAIL, "quote": "99.9%"}]}
    assert gold_from_dict(ok, name="x").terms[0]["value"] == 99.9
    bad_cases = [
        ({"kind": "exclusion", "category": "acts_of_god", "quote": "q"}, "category"),
        ({"kind": "uptime", "quote": "q"}, "unknown kind"),
        ({"kind": "credit_cap", "quote": "q"}, "missing key field 'value'"),
        ({**RESP, "priority_rank": 0, "quote": "q"}, "priority_rank"),
        ({**AVAIL}, "quote"),
    ]
    for term, message in bad_cases:
        with pytest.raises(GoldFormatError, match=message):
            gold_from_dict({"document": {"doc_type": "sla"}, "terms": [term]}, name="x")
    with pytest.raises(GoldFormatError, match="doc_type"):
        gold_from_dict({"document": {"doc_type": "contract"}, "terms": []}, name="x")


_terms = st.one_of(
    st.builds(lambda v, s: {**AVAIL, "value": v, "service": s},
              st.sampled_from([99.0, 99.5, 99.9, 99.95]), st.sampled_from([None, "Core API"])),
    st.builds(lambda r, m, b: {**RESP, "priority_rank": r, "minutes": m, "business": b},
              st.integers(1, 4), st.sampled_from([15, 60, 240, 1440]), st.booleans()),
    st.builds(lambda c: {"kind": "exclusion", "category": c},
              st.sampled_from(["force_majeure", "third_party", "other"])),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_terms, max_size=12), st.data())
def test_dropping_predictions_lowers_recall_exactly(terms: list[dict], data: st.DataObject) -> None:
    keep = data.draw(st.lists(st.booleans(), min_size=len(terms), max_size=len(terms)))
    order = data.draw(st.permutations([t for t, k in zip(terms, keep, strict=True) if k]))
    score = score_document(gold(*terms), extraction(*order))
    assert score.overall == Counts(tp=sum(keep), fn=len(terms) - sum(keep))


def _brute_force_max(gold_values: list[float], pred_values: list[float], tol: float) -> int:
    best = 0
    for perm in itertools.permutations(range(len(pred_values))):
        pairs = zip(range(len(gold_values)), perm, strict=False)
        best = max(best, sum(abs(gold_values[g] - pred_values[p]) <= tol for g, p in pairs))
    return best


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(0, 8), max_size=5),
    st.lists(st.integers(0, 8), min_size=5, max_size=5),
)
def test_matching_size_equals_brute_force_maximum(g: list[int], p: list[int]) -> None:
    gold_terms = [{**AVAIL, "value": 99.0 + v / 100} for v in g]
    pred_terms = [{**AVAIL, "value": 99.0 + v / 100} for v in p]
    pairs = match_terms(gold_terms, pred_terms, tolerance=0.0151)
    assert len({gi for gi, _ in pairs}) == len({pi for _, pi in pairs}) == len(pairs)
    expected = _brute_force_max([t["value"] for t in gold_terms],
                                [t["value"] for t in pred_terms], 0.0151)
    assert len(pairs) == expected
