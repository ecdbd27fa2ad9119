"""Property: the PhraseMatcher patterns built from one Doc of all phrases equal those of
one Doc per phrase (what spaCy's PhraseMatcher takes from a Doc)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import LOWER, ORTH

from mapper.measurability import MeasurabilityChecker, load_patterns

CHECKER = MeasurabilityChecker(load_patterns())
PIECES = ["Hours", "a.m.", "'s", "Provider's", "(P1)", "24/7", "e.g.", "-", "’s", "don't",
          "U.S.", "9am", "", " ", "  ", "\t", "\u00a0", "x"]  # fmt: skip
phrases = st.lists(st.sampled_from(PIECES), min_size=0, max_size=5).map("".join)


def _one_by_one(texts: list[str], attr: int) -> set[tuple[int, ...]]:
    docs = [CHECKER.nlp.make_doc(t) for t in texts]
    return {tuple(d.to_array(attr).tolist()) for d in docs if len(d)}


def _keys(texts: list[str], attr: int) -> set[tuple[int, ...]]:
    out = set()
    for key in CHECKER._phrase_keys(texts, attr):
        values = key.to_array(attr).tolist() if hasattr(key, "to_array") else key
        if len(values):
            out.add(tuple(values))
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(phrases, min_size=1, max_size=8), st.sampled_from([LOWER, ORTH]))
def test_joined_phrases_tokenize_as_apart(texts: list[str], attr: int) -> None:
    assert _keys(texts, attr) == _one_by_one(texts, attr)
