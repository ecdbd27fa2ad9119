"""Property: `StartMatcher` finds the same (pattern, first token) pairs as spaCy's Matcher
over random simple patterns and random texts; the packaged anchors all take its path."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher

from mapper.anchor_matcher import StartMatcher, supports
from mapper.measurability import load_patterns

WORDS = ["a", "an", "4", "ten", "1.5", "hours", "Hours", "day", "-", "%", "per", "cent", "24",
         "x", "7", "each", "business", "am", "the"]  # fmt: skip
NLP = spacy.blank("en")

words = st.sampled_from(WORDS)
value_spec = st.one_of(
    st.builds(lambda w: {"LOWER": w.lower()}, words),
    st.builds(lambda w: {"ORTH": w}, words),
    st.builds(
        lambda ws: {"LOWER": {"IN": sorted({w.lower() for w in ws})}},
        st.lists(words, min_size=1, max_size=3),
    ),
    st.builds(lambda b: {"LIKE_NUM": b}, st.booleans()),
)
token_spec = st.builds(
    lambda spec, opt: {**spec, "OP": "?"} if opt else spec, value_spec, st.booleans()
)
pattern = st.lists(token_spec, min_size=1, max_size=4).filter(lambda p: supports([p]))
texts = st.lists(words, min_size=0, max_size=12).map(" ".join)


def _spacy_starts(patterns: list[list[dict]], doc) -> set[tuple[str, int]]:  # type: ignore[no-untyped-def]
    matcher = Matcher(NLP.vocab)
    for i, p in enumerate(patterns):
        matcher.add(f"p{i}", [p])
    return {(NLP.vocab.strings[m], s) for m, s, _ in matcher(doc)}


@settings(max_examples=150, deadline=None)
@given(st.lists(pattern, min_size=1, max_size=4), st.lists(texts, min_size=1, max_size=4))
def test_same_starts_as_spacy_matcher(patterns: list[list[dict]], lines: list[str]) -> None:
    fast = StartMatcher(NLP.vocab.strings)
    for i, p in enumerate(patterns):
        fast.add(f"p{i}", [p])
    for line in lines:
        doc = NLP.make_doc(line)
        assert set(fast(doc)) == _spacy_starts(patterns, doc), (patterns, line)


def test_packaged_anchor_patterns_are_supported() -> None:
    anchors = load_patterns()["anchors"]
    assert all(supports(a["patterns"]) for a in anchors.values() if a.get("patterns"))


def test_other_patterns_are_left_to_spacy() -> None:
    assert not supports([[{"LOWER": "a", "OP": "+"}]])
    assert not supports([[{"TEXT": {"REGEX": "^a"}}]])
    assert not supports([[{"LOWER": "a", "OP": "?"}]])  # nothing required
    assert not supports([[{"IS_DIGIT": True}]])
