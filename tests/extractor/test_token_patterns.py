"""`TokenPatterns` finds what spaCy's Matcher finds over the same patterns, in the same order."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher

from extractor.nlp import CUES, PATTERNS_DIR, CueMatcher, get_nlp, load_cue_patterns
from extractor.token_patterns import TokenPatterns

WORDS = [
    "customer", "Customer's", "acts", "omissions", "of", "the", "all", "tickets", "99.9", "%",
    "cases", "third", "party", "-", "third-party", "force", "majeure", "beyond", "reasonable",
    "control", "scheduled", "maintenance", "windows", "less", "than", "5", "minutes", "service",
    "level", "review", "meetings", "order", "precedence", "not", "apply", "support", "requests",
    "in", "no", "event", "up", "to", "monthly", "fees", "must", "within", "notify", "uptime",
    "\n", ",", ".", "shall", "be", "counted", "first", "initial", "contact", "x", "Provider",
]  # fmt: skip

SYNTHETIC = {
    "A": [[{"LOWER": "a"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": {"REGEX": "^(?:b|c)$"}}]],
    "TAIL": [[{"LOWER": "a"}, {"OP": "?"}], [{"LOWER": "b"}, {"OP": "?"}, {"OP": "?"}]],
    "HEAD": [[{"OP": "?"}, {"LOWER": "c"}], [{"OP": "?"}, {"OP": "?"}]],
    "ONE": [[{"LOWER": {"REGEX": "^(?:a|b)$"}}], [{"LOWER": "c"}, {"LOWER": "a"}]],
}


def _spacy_matches(patterns, doc):
    matcher = Matcher(doc.vocab)
    for label, pats in patterns.items():
        matcher.add(label, pats)
    return [(doc.vocab.strings[key], start, end) for key, start, end in matcher(doc)]


def _ours(patterns, doc):
    lowers = doc.to_array("LOWER").tolist() if len(doc) else []
    return TokenPatterns(patterns).find(lowers, doc.vocab.strings)


@pytest.fixture(scope="module")
def cue_patterns():
    return load_cue_patterns(PATTERNS_DIR / "cues.yaml", get_nlp().tokenizer)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", "\n", "  "]))
def test_same_matches_as_spacy_on_the_cue_patterns(cue_patterns, words, sep):
    doc = get_nlp().make_doc(sep.join(words))
    assert _ours(cue_patterns, doc) == _spacy_matches(cue_patterns, doc)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=12))
def test_same_matches_as_spacy_with_leading_and_trailing_wildcards(words):
    doc = get_nlp().make_doc(" ".join(words))
    assert _ours(SYNTHETIC, doc) == _spacy_matches(SYNTHETIC, doc)


def test_the_cue_component_uses_it():
    doc = get_nlp()("Scheduled maintenance and acts of God are excluded.")
    labels = {(s.label_, s.text) for s in doc.spans[CUES]}
    assert ("EXCL:scheduled_maintenance", "Scheduled maintenance") in labels
    assert ("EXCL:force_majeure", "acts of God") in labels


def test_unsupported_token_specs_are_refused():
    with pytest.raises(ValueError, match="not supported"):
        TokenPatterns({"X": [[{"POS": "NOUN"}]]})
    with pytest.raises(ValueError, match="empty"):
        TokenPatterns({"X": [[]]})


def _cues(text):
    doc = get_nlp()(text)
    return {(s.label_, s.text) for s in doc.spans[CUES]}


def test_a_phrase_broken_across_lines_matches():
    labels = _cues("Downtime excludes acts of\nGod and delays listed in the order of\n  "
                   "precedence.")  # fmt: skip
    assert ("EXCL:force_majeure", "acts of\nGod") in labels
    assert ("PRECEDENCE", "order of\n  precedence") in labels
    assert not any(text != text.strip() for _label, text in labels)


def test_a_word_inside_a_phrase_still_breaks_it():
    labels = _cues("Downtime excludes acts of\nthe God of war.")
    assert not any(text.startswith("acts") for _label, text in labels)


def test_a_wildcard_stands_for_a_word_not_a_line_break(tmp_path):
    path = tmp_path / "cues.yaml"
    path.write_text("X:\n  - alpha _ gamma\n", encoding="utf-8")
    matcher = CueMatcher(get_nlp())
    matcher.initialize(path=str(path))
    nlp = get_nlp()
    found = [(label, nlp.make_doc(text)[s:e].text)
             for text in ("alpha\nbeta gamma", "alpha\n\ngamma", "alpha beta delta gamma")
             for label, s, e in matcher.match(nlp.make_doc(text))]  # fmt: skip
    assert found == [("X", "alpha\nbeta gamma"), ("X", "alpha\n\ngamma")]
