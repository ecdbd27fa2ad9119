"""Run every rule over one customer's document set: `lint_documents`.

Per document: unmeasurable language (contracts and support policies), inconsistencies,
deviations from the template (contracts). Over the set: missing template elements
(contracts and support policies together, when the set holds a contract) and conflicts
between documents. `context` documents (e.g. the
customer's documents already in the register) take part in the set-level rules but are
not themselves reported on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from extractor.types import Extraction
from mapper.conflicts import conflict_findings
from mapper.consistency import inconsistency_findings
from mapper.deviation import deviation_findings
from mapper.effective import SourceDocument
from mapper.measurability import MeasurabilityChecker
from mapper.missing import missing_findings
from mapper.template import Template, load_template
from mapper.terms import is_contract
from mapper.types import Finding, FindingsReport, Related
from mapper.unmeasurable import unmeasurable_findings


def lint_documents(
    extractions: Sequence[Extraction],
    *,
    template: Template | None = None,
    context: Sequence[Extraction] = (),
    checker: MeasurabilityChecker | None = None,
) -> FindingsReport:
    """All findings for `extractions` (one customer's set)."""
    template = template or load_template()
    findings: list[Finding] = []
    everything = [*extractions, *context]
    for doc in extractions:
        findings.extend(document_findings(doc, template, checker, everything))
    # support policies are often incorporated by reference: they count towards presence
    covering = [d for d in everything if d.document.doc_type != "marketing"]
    covering.sort(key=lambda d: not is_contract(d))  # findings go on the first contract
    if any(is_contract(d) for d in covering):
        findings.extend(missing_findings(covering, template))
    findings.extend(conflict_findings([SourceDocument(d) for d in everything]))
    linted = {d.document.name for d in extractions}
    kept = [f for f in (_reanchor(f, linted) for f in findings) if f.document in linted]
    return FindingsReport.build([d.document for d in extractions], kept)


def document_findings(
    doc: Extraction,
    template: Template,
    checker: MeasurabilityChecker | None = None,
    related: Sequence[Extraction] = (),
) -> list[Finding]:
    """The rules that look at one document (with the set's definitions in `related`)."""
    out: list[Finding] = []
    if doc.document.doc_type != "marketing":
        out.extend(unmeasurable_findings(doc, checker, related))
    out.extend(inconsistency_findings(doc))
    if is_contract(doc):
        out.extend(deviation_findings(doc, template))
    return out


def _reanchor(finding: Finding, linted: set[str]) -> Finding:
    """Move a finding onto the linted document it relates to, when it sits on another."""
    if finding.document in linted:
        return finding
    for i, rel in enumerate(finding.related):
        if rel.document in linted:
            moved = Related(finding.document, finding.span, finding.quote)
            rest = finding.related[:i] + finding.related[i + 1 :]
            return dataclasses.replace(
                finding,
                document=rel.document,
                span=rel.span,
                quote=rel.quote,
                related=(moved, *rest),
            )
    return finding
