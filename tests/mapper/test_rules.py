"""Missing, inconsistent, deviation and conflict rules on hand-built Extractions."""

from __future__ import annotations

import dataclasses

from extractor.types import Extraction
from mapper.conflicts import conflict_findings
from mapper.effective import SourceDocument
from mapper.lint import lint_documents
from mapper.missing import heading_score
from mapper.template import load_template
from mapper.types import Finding
from tests.mapper.factories import make_extraction, term
from tests.mapper.samples import GOOD_TERMS, GOOD_TEXT, good_sla, weak_draft


def rules(findings: tuple[Finding, ...] | list[Finding]) -> set[str]:
    return {f.rule for f in findings}


def test_precise_sla_raises_nothing() -> None:
    report = lint_documents([good_sla()])
    assert report.findings == (), [f.message for f in report.findings]
    assert not report.has_errors


def test_weak_draft_raises_each_kind_of_problem() -> None:
    report = lint_documents([weak_draft()])
    got = rules(report.findings)
    assert {"SLA-M008", "SLA-M009", "SLA-M012", "SLA-M015"} <= got  # missing
    assert {
        "SLA-U001",
        "SLA-U002",
        "SLA-U004",
        "SLA-U005",
        "SLA-U006",
        "SLA-U007",
        "SLA-U008",
    } <= got
    assert {"SLA-I001", "SLA-I003", "SLA-I005"} <= got  # inconsistent
    assert {"SLA-D001", "SLA-D008"} <= got  # deviation: 99.95% and uncapped
    assert report.has_errors
    text = weak_draft().text
    for f in report.findings:
        if f.span:
            assert text[f.span.start : f.span.end] == f.quote


def _without(text: str, *lines: str) -> str:
    for line in lines:
        assert line in text
        text = text.replace(line, "")
    return text


def test_missing_element_found_by_heading_term_or_phrase() -> None:
    text = _without(
        GOOD_TEXT,
        "9. Escalation\n",
        "Priority 1 incidents unresolved after 2 hours are escalated to the Service Delivery Manager.\n",  # noqa: E501
    )
    doc = make_extraction("sla.txt", text, GOOD_TERMS)
    assert rules(lint_documents([doc]).findings) == {"SLA-M018"}
    # the same element recognised by a (misspelt) heading alone
    text2 = text + "11. Escalation Procdure\nSee the contact list.\n"
    doc2 = make_extraction("sla.txt", text2, GOOD_TERMS, headings=[("11", "Escalation Procdure")])
    assert "SLA-M018" not in rules(lint_documents([doc2]).findings)


def test_heading_score_needs_the_whole_heading() -> None:
    assert heading_score("Maintainance Windows", "Maintenance Windows") >= 86
    assert heading_score("Hours of Service", "Service Hours") >= 86
    assert heading_score("Service", "Service Hours") < 86


def test_missing_checked_over_the_set() -> None:
    # an MSA alone misses targets, the SLA schedule beside it has them
    msa = make_extraction(
        "msa.txt", "Master Services Agreement\nThe parties agree as follows.\n", doc_type="msa"
    )
    alone = rules(lint_documents([msa]).findings)
    together = lint_documents([msa, good_sla()])
    assert "SLA-M004" in alone
    assert not any(f.category == "missing" for f in together.findings)


def _tiers(*tiers: tuple[float | None, float | None, float]) -> Extraction:
    lines = [
        f"Tier {i}: {lo} to {hi} gives {pct} percent of the monthly fee."
        for i, (lo, hi, pct) in enumerate(tiers)
    ]
    text = "Credits\nAvailability target 99.9% per calendar month.\n" + "\n".join(lines) + "\n"
    terms = [
        term(
            "availability",
            "Availability target 99.9% per calendar month",
            value=99.9,
            period="monthly",
        )
    ]
    terms += [
        term("credit_tier", line, metric="availability", lower=lo, upper=hi, credit_percent=pct)
        for line, (lo, hi, pct) in zip(lines, tiers, strict=True)
    ]
    terms.append(term("credit_cap", "Credits", value=50))
    return make_extraction("credits.txt", text, terms)


def test_credit_tiers_overlap_gap_and_start() -> None:
    from mapper.consistency import inconsistency_findings

    clean = inconsistency_findings(_tiers((99.0, 99.9, 10), (95.0, 99.0, 25), (None, 95.0, 50)))
    assert clean == []
    assert rules(
        inconsistency_findings(_tiers((99.0, 99.9, 10), (98.0, 99.5, 25), (None, 98.0, 50)))
    ) == {"SLA-I001"}
    assert rules(inconsistency_findings(_tiers((99.0, 99.9, 10), (None, 98.0, 50)))) == {"SLA-I002"}
    assert rules(inconsistency_findings(_tiers((99.0, 99.5, 10), (None, 99.0, 50)))) == {"SLA-I003"}


def test_two_values_for_one_metric() -> None:
    from mapper.consistency import inconsistency_findings

    text = "P1 response within 30 minutes.\nLater: P1 response within 2 hours.\nP2 response within 2 hours.\n"  # noqa: E501
    doc = make_extraction(
        "x.txt",
        text,
        [
            term("response_time", "P1 response within 30 minutes", minutes=30, priority_rank=1),
            term("response_time", "P1 response within 2 hours", minutes=120, priority_rank=1),
            term("response_time", "P2 response within 2 hours", minutes=120, priority_rank=2),
        ],
    )
    found = inconsistency_findings(doc)
    assert rules(found) == {"SLA-I004"} and len(found) == 1
    assert found[0].related[0].quote == "P1 response within 30 minutes"


def test_deviation_directions() -> None:
    template = load_template()
    from mapper.deviation import deviation_findings

    def deviations(**attrs: object) -> list[Finding]:
        kind = str(attrs.pop("kind"))
        doc = make_extraction("d.txt", "the term", [term(kind, "the term", **attrs)])
        return deviation_findings(doc, template)

    stricter = deviations(kind="availability", value=99.99)
    assert rules(stricter) == {"SLA-D001"} and stricter[0].severity == "warning"
    looser = deviations(kind="availability", value=99.0)
    assert looser[0].severity == "info" and "looser" in looser[0].message
    assert deviations(kind="availability", value=99.9) == []
    assert deviations(kind="claim_window", value=60, unit="days")[0].rule == "SLA-D005"
    assert deviations(kind="credit_cap", value=100)[0].severity == "warning"
    assert deviations(kind="response_time", minutes=15, priority_rank=1)[0].rule == "SLA-D002"
    assert deviations(kind="review_interval", value="annually")[0].rule == "SLA-D007"


def test_replaced_template_changes_the_standard(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from importlib import resources

    text = resources.files("mapper").joinpath("templates/standard.yaml").read_text("utf-8")
    custom = tmp_path / "t.yaml"
    custom.write_text(
        text.replace("allowed: {min: 99.5, max: 99.9}", "allowed: {min: 99.5, max: 99.99}")
    )
    doc = make_extraction(
        "d.txt", "99.99% monthly", [term("availability", "99.99% monthly", value=99.99)]
    )
    from mapper.deviation import deviation_findings

    assert deviation_findings(doc, load_template()) != []
    assert deviation_findings(doc, load_template(custom)) == []


def _avail_doc(
    name: str,
    doc_type: str,
    value: float,
    service: str | None = None,
    parties: tuple[str, ...] = ("Acme Corporation",),
    date: str = "2025-01-01",
) -> Extraction:
    quote = f"Availability {value}% per calendar month"
    return make_extraction(
        name,
        f"{quote}.\n",
        [
            term("availability", quote, value=value, period="monthly", service=service),
        ],
        doc_type=doc_type,
        parties=parties,
        effective_date=date,
    )


def test_conflicts_between_documents() -> None:
    msa = _avail_doc("msa.pdf", "msa", 99.5, "Core API", parties=("ACME Corp.",))
    order = _avail_doc("order.pdf", "order_form", 99.9, "API Platform (Core)")
    page = _avail_doc("uptime.html", "marketing", 99.99)
    policy = _avail_doc("support.html", "support_policy", 99.95, "Core API")
    amend = _avail_doc("amend.pdf", "amendment", 99.95, "Core API", date="2026-01-01")
    found = conflict_findings([SourceDocument(d) for d in (msa, order, amend)])
    by_rule = {f.rule: f for f in found}
    assert set(by_rule) == {"SLA-C002"}  # the amendment overrides both, no amends link given
    found = conflict_findings([SourceDocument(d) for d in (msa, order)])
    assert [(f.rule, f.severity, f.document) for f in found] == [("SLA-C001", "info", "order.pdf")]
    assert found[0].related[0].document == "msa.pdf"
    # marketing promises 99.99% with no service named: it speaks for every service
    found = conflict_findings([SourceDocument(d) for d in (order, page, policy)])
    assert {(f.rule, f.severity) for f in found} == {
        ("SLA-C003", "warning"),
        ("SLA-C004", "warning"),
    }
    assert all(f.document == "order.pdf" for f in found)


def test_party_names_checked_fuzzily() -> None:
    a = _avail_doc("a.pdf", "msa", 99.9, parties=("ACME Corp.",))
    b = _avail_doc("b.pdf", "order_form", 99.9, parties=("Acme Corporation",))
    c = _avail_doc("c.pdf", "order_form", 99.9, parties=("Globex Ltd",))
    assert conflict_findings([SourceDocument(a), SourceDocument(b)]) == []
    assert rules(conflict_findings([SourceDocument(a), SourceDocument(c)])) == {"SLA-C005"}


def test_context_documents_take_part_but_are_not_reported() -> None:
    registered = _avail_doc("msa.pdf", "msa", 99.5)
    draft = dataclasses.replace(
        good_sla("order.txt"),
        document=dataclasses.replace(
            good_sla().document,
            name="order.txt",
            doc_type="order_form",
            parties=("Acme Corporation",),
        ),
    )
    report = lint_documents([draft], context=[registered])
    assert {f.document for f in report.findings} <= {"order.txt"}
    assert "SLA-C001" in rules(report.findings)
    assert [d.name for d in report.documents] == ["order.txt"]


def test_findings_json_shape() -> None:
    report = lint_documents([weak_draft()])
    data = report.to_dict()
    assert list(data) == ["schema", "documents", "findings"]
    assert data["schema"] == "slareg.findings/1"
    assert data["documents"][0]["name"] == "draft.txt"
    for f in data["findings"]:
        assert list(f) == [
            "rule",
            "category",
            "severity",
            "message",
            "document",
            "span",
            "quote",
            "related",
            "suggestion",
        ]
        assert f["category"] in {"missing", "unmeasurable", "inconsistent", "deviation", "conflict"}
        assert f["severity"] in {"error", "warning", "info"}
        assert f["span"] is None or set(f["span"]) == {"page", "start", "end"}


def test_bad_template_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from mapper.errors import TemplateError

    bad = tmp_path / "t.yaml"
    bad.write_text("schema: something/else\n")
    with pytest.raises(TemplateError, match="slareg.template/1"):
        load_template(bad)
    broken = tmp_path / "b.yaml"
    broken.write_text("schema: slareg.template/1\nelements:\n  - {id: x}\n")
    with pytest.raises(TemplateError, match="malformed"):
        load_template(broken)
