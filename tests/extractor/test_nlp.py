from extractor.nlp import CUES, PATTERNS_DIR, QUANTITIES, get_nlp, load_cue_patterns, span_rows
from extractor.pipeline import extract


def _spans(text, group):
    doc = get_nlp()(text)
    return [(s.label_, s.text, s._.sla_value) for s in doc.spans[group]]


def test_pipeline_is_built_once_with_our_components():
    nlp = get_nlp()
    assert nlp is get_nlp()
    assert nlp.pipe_names == ["sla_line_breaks", "sentencizer", "sla_quantities", "sla_cues"]
    assert nlp.meta["lang"] == "en"


def test_quantities_carry_normalised_values():
    found = _spans(
        "Available ninety-nine and nine-tenths percent (99.9%) of each calendar month, "
        "Monday through Friday, 8:00 a.m. to 6:00 p.m. Eastern Time; P1 within 15 mins; 24x7x365.",
        QUANTITIES,
    )
    labels = {(label, value) for label, _text, value in found}
    assert ("PERCENT", 99.9) in labels
    assert ("PERIOD", "monthly") in labels
    assert ("DAY_RANGE", "Mon-Fri") in labels
    assert ("TIME_RANGE", ("08:00", "18:00")) in labels
    assert ("ZONE", "America/New_York") in labels
    assert ("PRIORITY", 1) in labels
    assert ("ALWAYS", True) in labels
    durations = [v for label, _t, v in found if label == "DURATION"]
    assert [(d.value, d.unit) for d in durations] == [(15, "minutes")]


def test_quantity_spans_point_into_the_text():
    text = "Uptime of 99.95 per cent in each Billing Cycle."
    doc = get_nlp()(text)
    for span in doc.spans[QUANTITIES]:
        assert text[span.start_char : span.end_char] == span.text


def test_no_quantities_in_plain_prose():
    assert _spans("The parties agree to cooperate in good faith.", QUANTITIES) == []


def test_lowercase_abbreviation_is_not_a_time_zone():
    labels = [label for label, _t, _v in _spans("see et al. for details", QUANTITIES)]
    assert "ZONE" not in labels


def test_cues_come_from_the_pattern_file():
    found = {(label, text.lower()) for label, text, _v in _spans(
        "Service credits shall not exceed 50% of the fees; force majeure is excluded.", CUES)}
    assert ("CREDIT", "credits") in found
    assert ("EXCL:force_majeure", "force majeure") in found
    patterns = load_cue_patterns(PATTERNS_DIR / "cues.yaml", get_nlp().tokenizer)
    assert "EXCL:third_party" in patterns and all(patterns.values())


def test_line_layout_starts_sentences():
    doc = get_nlp()("Response Times\nP1 - 1 hour\nP2 - 4 hours\nUptime is at least\n99.5% of time.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[:3] == ["Response Times", "P1 - 1 hour", "P2 - 4 hours"]
    assert sents[3] == "Uptime is at least\n99.5% of time."


def test_a_span_that_is_two_kinds_keeps_each_value():
    """Regression (a draft crashed the extractor): "one month" is a DURATION and a PERIOD
    over the same tokens; the DURATION read back the PERIOD's value 'monthly'."""
    text = (
        "2.3 If Provider fails to deliver the Service by the FOC date, Customer will receive a "
        "credit of one day's MRC for each Business Day of delay, up to a maximum of 50% of one "
        "month's MRC.\n"
    )
    doc = get_nlp()(text)
    rows = [r for r in span_rows(doc, QUANTITIES) if r[2] == "DURATION"]
    assert rows and all(hasattr(r[5], "unit") for r in rows)
    assert extract(text.encode(), "order.txt").terms  # and the whole pipeline runs
