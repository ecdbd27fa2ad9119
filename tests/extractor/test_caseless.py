"""Lower-cased regexes find what the case-insensitive originals find."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.caseless import ASCII_FOLDS, compile_fast, first_chars, lower_text, lowered
from extractor.nlp import PATTERNS_DIR, load_quantity_patterns

PATTERNS = load_quantity_patterns(PATTERNS_DIR / "quantities.yaml")
PIECES = [
    "99.9", "%", " per cent", "ninety-nine", " and ", "nine-tenths", "(99.9%)", "15", " mins",
    "4 hours", "1 Business Day", "NBD", "next business day", "8:00 a.m.", " to ", "6:00 P.M.",
    "0800-1800", "Monday", " through ", "Friday", "Mon-Fri", "Sat, Sun", "Eastern Time", "UTC",
    "est", "CET/CEST", "24x7x365", "around-the-clock", "P1", "Sev 2", "Severity One", "Critical",
    " priority", "each calendar month", "Quarterly", "billing cycle", "QBR", " ", "\n", ".", ",",
    ":", "-", "(", ")", "Ä", "\u2019", "\u2013", "e", "Z", "x",
]  # fmt: skip


def _spans(matches):
    return [m.span() for m in matches]


def _random_case(text, flips):
    return "".join(c.upper() if f else c.lower() for c, f in zip(text, flips, strict=False))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.lists(st.booleans(), max_size=200))
def test_lowered_patterns_find_the_same_spans(pieces, flips):
    text = "".join(pieces)
    text = _random_case(text, flips) + text[len(flips) :]
    low = lower_text(text)
    if low is None:
        assert any(ord(c) > 127 and c.lower() != c.upper() for c in text)
        return
    for _label, rx in PATTERNS:
        fast = lowered(rx)
        if fast is not None:
            assert _spans(fast.finditer(low)) == _spans(rx.finditer(text)), rx.pattern


def test_most_quantity_patterns_can_be_lowered():
    assert sum(lowered(rx) is not None for _label, rx in PATTERNS) >= len(PATTERNS) * 0.8


@pytest.mark.parametrize(
    "pattern",
    [r"(?-i:UTC)\b", r"(a)\1", r"\u017f", r"[\u00c0-\u00ff]x"],
)
def test_what_cannot_be_rewritten_is_left_alone(pattern):
    assert lowered(re.compile(pattern, re.I)) is None


def test_case_sensitive_patterns_are_left_alone():
    assert lowered(re.compile("abc")) is None


@pytest.mark.parametrize("text", ["Ab\u017fc", "\u212a", "\u0130stanbul", "Caf\u00e9"])
def test_texts_with_cased_non_ascii_letters_are_not_lowered(text):
    assert lower_text(text) is None


def test_classes_gain_lower_case_letters():
    rx = re.compile(r"[A-F]\d+|[^A-Z]x", re.I)
    fast = lowered(rx)
    assert fast is not None
    text = "b12 Cx 9x F7"
    assert _spans(fast.finditer(lower_text(text))) == [(0, 3), (7, 9), (10, 12)]
    assert _spans(rx.finditer(text)) == [(0, 3), (7, 9), (10, 12)]


def test_a_text_without_the_needed_words_is_skipped():
    fast = lowered(re.compile(r"\b(?:next|following)\s+business\s+day\b", re.I))
    assert fast is not None and fast.needs == frozenset({"business"})
    assert list(fast.finditer("the next day")) == []
    assert _spans(fast.finditer("the next business day")) == [(4, 21)]


FAST_PATTERNS = [
    (r"\b(?:next|following)\s+business\s+day\b", re.I),
    (r"(?<![\w.])\d+(?:\.\d+)?\s*%", 0),
    (r"\b(?P<kind>(?i:sections?|clauses?))\s+(?P<id>\d+(?:\.\d+)*)", 0),
    (r"(?:^|[.;]\s+)(?P<n>[A-Z][a-z]+)\s+(?:delivers|offers)\s+\d", re.M),
    (r"\bsk[iy]\w*|\bK\w+", re.I),
    (r"(?:a|b)?c+|\bSTATUS\b", re.I),
    (r"(?i:x)?y|z\d", 0),
]
FAST_TEXT = st.text(
    alphabet="abcxyzKkSsIi\u0130\u0131\u017f\u212a%.;5 0\nNextFollowingBusinessDay"
    "sectionClause12DeliversoffersStatus",
    max_size=80,
)


@settings(max_examples=150, deadline=None)
@given(FAST_TEXT, st.sampled_from(FAST_PATTERNS))
def test_compile_fast_finds_the_same_matches(text, pattern_flags):
    pattern, flags = pattern_flags
    rx, fast = re.compile(pattern, flags), compile_fast(pattern, flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_ascii_folds_are_all_ignorecase_matches_of_ascii_letters():
    letters = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(128, 0x110000) if letters.fullmatch(chr(c))}
    assert found == {ch for chars in ASCII_FOLDS.values() for ch in chars}
    for letter, chars in ASCII_FOLDS.items():
        assert all(re.fullmatch(letter, ch, re.I) for ch in chars)


@settings(max_examples=150, deadline=None)
@given(FAST_TEXT, st.sampled_from(FAST_PATTERNS))
def test_first_chars_holds_the_first_character_of_every_match(text, pattern_flags):
    pattern, flags = pattern_flags
    chars = first_chars(pattern, flags)
    if chars is not None:
        for m in re.compile(pattern, flags).finditer(text):
            assert m.group()[:1] in chars


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"^(?:acts?|actions?)$", 0, {"a"}),
        (r"(?:a|b)?c", 0, {"a", "b", "c"}),
        (r"[A-C]x", 0, {"A", "B", "C"}),
        ("k", re.I, {"k", "K", "\u212a"}),
        (r"\d+", 0, None),  # any Unicode digit: not a small set
        (r"x*", 0, None),  # may match the empty string
        (r"\w+", 0, None),
    ],
)
def test_first_chars(pattern, flags, expected):
    assert first_chars(pattern, flags) == (None if expected is None else frozenset(expected))
