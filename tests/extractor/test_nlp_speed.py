"""The speed-ups of the pipeline change nothing it finds; long inputs stay linear."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import Sentencizer

from extractor.nlp import CUES, QUANTITIES, doc_text, get_nlp, make_doc, span_rows
from extractor.terms import clauses_to_terms
from extractor.types import ReadDocument

WORDS = [
    "Provider's", "customer's", "a.m.", "p.m.", "e.g.", "(30)", "thirty", "days", "99.9%",
    "U.S.", "don't", "24/7", "9:00-17:00", "Mon.-Fri.", "\n", "-", "(a)", "etc.", "Inc.", "x",
    "'s", "\u2019s", "\u201cUptime\u201d", "http://example.com/sla", "e-mail", "hours;",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=300, max_size=600))
def test_make_doc_tokens_like_spacy(words):
    nlp = get_nlp()
    text = " ".join(words)
    ours, plain = make_doc(nlp, text), nlp.make_doc(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in plain]
    assert doc_text(ours) == text


def test_line_starts_are_set_like_the_token_setter():
    nlp = get_nlp()
    text = "Response Times\nP1 - 1 hour\n\n(a) the Service;\nnot a start\nUptime. Next\n"
    doc = nlp.get_pipe("sla_line_breaks")(make_doc(nlp, text))
    reference = nlp.make_doc(text)
    for i in nlp.get_pipe("sla_line_breaks").match(reference):
        reference[i].is_sent_start = True
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in reference]


def test_span_rows_match_the_span_groups():
    doc = get_nlp()(make_doc(get_nlp(), "Uptime of 99.9% each month; P1 response in 15 minutes."))
    for group in (QUANTITIES, CUES):
        spans = [(s.start, s.end, s.label_, s.start_char, s.end_char) for s in doc.spans[group]]
        assert [row[:5] for row in span_rows(doc, group)] == spans


def test_many_short_lines_are_linear():
    nlp = get_nlp()
    doc = make_doc(nlp, "(1)\n" * 20_000)
    start = time.perf_counter()
    nlp.get_pipe("sla_line_breaks")(doc)
    assert time.perf_counter() - start < 2.0  # one line start at a time was quadratic (minutes)
    assert sum(bool(t.is_sent_start) for t in doc) >= 19_999


def test_pathological_numbering_is_fast():
    text = "(1) " * 50_000
    doc = ReadDocument(text=text, pages=((0, len(text)),), media_type="text/plain")
    clauses_to_terms(doc, [], {})
    start = time.perf_counter()
    assert clauses_to_terms(doc, [], {}) == []
    assert time.perf_counter() - start < 5.0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([*WORDS, ".", "!", "?", "...", "\u3002", "Next", ")"]), max_size=60)
)
def test_sentencizer_splits_like_spacys(words):

    nlp = get_nlp()
    text = " ".join(words)
    ours = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    theirs = Sentencizer()(nlp.make_doc(text))
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
