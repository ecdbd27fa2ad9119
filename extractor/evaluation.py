"""Score extracted terms against gold annotations (corpus/gold/*.json).

Pure: gold records and Extraction records in, an `Evaluation` out. Terms are matched per
document and per kind on a key of the fields that matter for that kind (`KEY_FIELDS`);
numbers compare within a tolerance, strings and services case-insensitively, and a null
service matches only a null service. Matching is a maximum one-to-one (multiset) matching,
so a term stated twice must be found twice, and one prediction cannot satisfy two gold terms.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extractor.types import DOC_TYPES, EXCLUSION_CATEGORIES, TERM_KINDS, Extraction

_TIME_FIELDS = ("days", "start", "end", "time_zone")
_TARGET_FIELDS = ("priority_rank", "minutes", "business", "service")

# the fields that decide whether a predicted term is the gold term
KEY_FIELDS: Mapping[str, tuple[str, ...]] = {
    "availability": ("value", "service"),
    "response_time": _TARGET_FIELDS,
    "resolution_time": _TARGET_FIELDS,
    "credit_tier": ("metric", "lower", "upper", "credit_percent"),
    "credit_cap": ("value",),
    "claim_window": ("value", "unit"),
    "measurement_period": ("value",),
    "service_hours": _TIME_FIELDS,
    "maintenance_window": _TIME_FIELDS,
    "exclusion": ("category",),
    "review_interval": ("value",),
    "reporting": ("value",),
    "precedence": ("order",),
}

DEFAULT_TOLERANCE = 1e-3


class GoldFormatError(ValueError):
    """A gold annotation file does not have the documented shape."""


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    doc_type: str
    title: str | None
    parties: tuple[str, ...]
    effective_date: str | None
    terms: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True, slots=True)
class QuoteMismatch:
    """A predicted term whose `quote` is not `text[span.start:span.end]`."""

    document: str
    kind: str
    quote: str
    found: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "kind": self.kind,
            "quote": self.quote,
            "text_at_span": self.found,
            "span": {"start": self.start, "end": self.end},
        }


@dataclass(frozen=True, slots=True)
class DocumentScore:
    name: str
    by_kind: Mapping[str, Counts]
    missed: tuple[Mapping[str, Any], ...]  # gold terms not found
    spurious: tuple[Mapping[str, Any], ...]  # predicted terms not in gold
    quote_mismatches: tuple[QuoteMismatch, ...]
    doc_type_ok: bool
    effective_date_ok: bool

    @property
    def overall(self) -> Counts:
        return sum(self.by_kind.values(), Counts())

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "overall": self.overall.to_dict(),
            "by_kind": {k: c.to_dict() for k, c in sorted(self.by_kind.items())},
            "doc_type_ok": self.doc_type_ok,
            "effective_date_ok": self.effective_date_ok,
            "missed": [dict(t) for t in self.missed],
            "spurious": [dict(t) for t in self.spurious],
            "quote_mismatches": [m.to_dict() for m in self.quote_mismatches],
        }


@dataclass(frozen=True, slots=True)
class Evaluation:
    documents: tuple[DocumentScore, ...]

    @property
    def by_kind(self) -> dict[str, Counts]:
        totals: dict[str, Counts] = {}
        for doc in self.documents:
            for kind, counts in doc.by_kind.items():
                totals[kind] = totals.get(kind, Counts()) + counts
        return totals

    @property
    def overall(self) -> Counts:
        """Micro-averaged over every term of every document."""
        return sum(self.by_kind.values(), Counts())

    @property
    def quote_mismatches(self) -> tuple[QuoteMismatch, ...]:
        return tuple(m for doc in self.documents for m in doc.quote_mismatches)

    def to_dict(self, *, per_document: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": "slareg.evaluation/1",
            "overall": self.overall.to_dict(),
            "by_kind": {k: c.to_dict() for k, c in sorted(self.by_kind.items())},
            "doc_type_accuracy": _share(d.doc_type_ok for d in self.documents),
            "effective_date_accuracy": _share(d.effective_date_ok for d in self.documents),
            "quote_mismatches": [m.to_dict() for m in self.quote_mismatches],
        }
        if per_document:
            out["documents"] = [d.to_dict() for d in self.documents]
        return out


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return round(sum(values) / len(values), 4) if values else 1.0


# --- field comparison -------------------------------------------------------------


def _norm_text(value: str) -> str:
    text = " ".join(value.split()).casefold()
    if len(text) == 4 and text[1] == ":" and text[0].isdigit():
        return "0" + text  # 8:00 -> 08:00
    return text


def values_equal(a: Any, b: Any, *, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """Compare two field values: None only equals None, bools exactly, numbers within
    `tolerance`, strings case- and whitespace-insensitively, lists element-wise."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=0.0, abs_tol=tolerance)
    if isinstance(a, str) and isinstance(b, str):
        return _norm_text(a) == _norm_text(b)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(
            values_equal(x, y, tolerance=tolerance) for x, y in zip(a, b, strict=True)
        )
    return bool(a == b)


def terms_match(
    gold: Mapping[str, Any], predicted: Mapping[str, Any], *, tolerance: float = DEFAULT_TOLERANCE
) -> bool:
    """True when `predicted` is `gold` on every key field of the gold term's kind."""
    kind = gold.get("kind")
    if kind != predicted.get("kind") or kind not in KEY_FIELDS:
        return False
    return all(
        values_equal(gold.get(f), predicted.get(f), tolerance=tolerance) for f in KEY_FIELDS[kind]
    )


# --- matching ---------------------------------------------------------------------


def _augment(
    g: int, edges: Sequence[Sequence[int]], owner: list[int | None], seen: set[int]
) -> bool:
    for p in edges[g]:
        if p in seen:
            continue
        seen.add(p)
        holder = owner[p]
        if holder is None or _augment(holder, edges, owner, seen):
            owner[p] = g
            return True
    return False


def match_terms(
    gold: Sequence[Mapping[str, Any]],
    predicted: Sequence[Mapping[str, Any]],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predicted terms, as (gold, predicted) index
    pairs (Kuhn's augmenting paths; sizes are a few dozen terms per document)."""
    edges = [
        [j for j, p in enumerate(predicted) if terms_match(g, p, tolerance=tolerance)]
        for g in gold
    ]
    owner: list[int | None] = [None] * len(predicted)
    for g in range(len(gold)):
        _augment(g, edges, owner, set())
    return sorted((g, p) for p, g in enumerate(owner) if g is not None)


def count_by_kind(
    gold: Sequence[Mapping[str, Any]],
    predicted: Sequence[Mapping[str, Any]],
    pairs: Sequence[tuple[int, int]],
) -> dict[str, Counts]:
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    counts: dict[str, Counts] = {}

    def bump(kind: str, delta: Counts) -> None:
        counts[kind] = counts.get(kind, Counts()) + delta

    for i, term in enumerate(gold):
        bump(term["kind"], Counts(tp=1) if i in matched_gold else Counts(fn=1))
    for j, term in enumerate(predicted):
        if j not in matched_pred:
            bump(term["kind"], Counts(fp=1))
    return counts


# --- documents --------------------------------------------------------------------


def quote_mismatches(extraction: Extraction) -> list[QuoteMismatch]:
    """Every term of `extraction` whose quote differs from the text at its span."""
    out = []
    for term in extraction.terms:
        found = extraction.text[term.span.start : term.span.end]
        if found != term.quote:
            out.append(
                QuoteMismatch(
                    extraction.document.name,
                    term.kind,
                    term.quote,
                    found,
                    term.span.start,
                    term.span.end,
                )
            )
    return out


def _predicted_terms(extraction: Extraction) -> list[dict[str, Any]]:
    return [{"kind": t.kind, **dict(t.attrs), "quote": t.quote} for t in extraction.terms]


def score_document(
    gold: GoldDocument, extraction: Extraction, *, tolerance: float = DEFAULT_TOLERANCE
) -> DocumentScore:
    predicted = _predicted_terms(extraction)
    pairs = match_terms(gold.terms, predicted, tolerance=tolerance)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    return DocumentScore(
        name=gold.name,
        by_kind=count_by_kind(gold.terms, predicted, pairs),
        missed=tuple(t for i, t in enumerate(gold.terms) if i not in matched_gold),
        spurious=tuple(t for j, t in enumerate(predicted) if j not in matched_pred),
        quote_mismatches=tuple(quote_mismatches(extraction)),
        doc_type_ok=extraction.document.doc_type == gold.doc_type,
        effective_date_ok=extraction.document.effective_date == gold.effective_date,
    )


def evaluate(
    pairs: Iterable[tuple[GoldDocument, Extraction]], *, tolerance: float = DEFAULT_TOLERANCE
) -> Evaluation:
    """Score each (gold, extraction) pair; aggregate with `Evaluation.by_kind`/`overall`."""
    return Evaluation(tuple(score_document(g, e, tolerance=tolerance) for g, e in pairs))


# --- gold files -------------------------------------------------------------------

_VALUE_CHECKS: Mapping[str, Callable[[Any], bool]] = {
    "category": lambda v: v in EXCLUSION_CATEGORIES,
    "order": lambda v: isinstance(v, list) and all(x in DOC_TYPES for x in v),
    "priority_rank": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
    "business": lambda v: isinstance(v, bool),
}


def check_gold_term(term: Mapping[str, Any]) -> list[str]:
    """Problems with one gold term (empty when it is valid)."""
    kind = term.get("kind")
    if kind not in TERM_KINDS:
        return [f"unknown kind {kind!r}; use one of {', '.join(TERM_KINDS)}"]
    problems = [f"{kind}: missing key field {f!r}" for f in KEY_FIELDS[kind] if f not in term]
    for name, check in _VALUE_CHECKS.items():
        if name in term and not check(term[name]):
            problems.append(f"{kind}: invalid {name} {term[name]!r}")
    if not isinstance(term.get("quote"), str) or not term["quote"]:
        problems.append(f"{kind}: needs a non-empty 'quote'")
    return problems


def gold_from_dict(data: Mapping[str, Any], *, name: str | None = None) -> GoldDocument:
    """Parse one gold annotation record; raise GoldFormatError listing what is wrong."""
    doc = data.get("document")
    terms = data.get("terms")
    if not isinstance(doc, Mapping) or not isinstance(terms, list):
        raise GoldFormatError(f"{name}: a gold file needs 'document' (object) and 'terms' (list)")
    problems = [p for t in terms for p in check_gold_term(t)]
    if doc.get("doc_type") not in DOC_TYPES:
        problems.append(f"document.doc_type {doc.get('doc_type')!r} is not one of {DOC_TYPES}")
    if problems:
        raise GoldFormatError(f"{name or doc.get('name')}: " + "; ".join(problems))
    return GoldDocument(
        name=str(name or doc.get("name")),
        doc_type=str(doc["doc_type"]),
        title=doc.get("title"),
        parties=tuple(doc.get("parties") or ()),
        effective_date=doc.get("effective_date"),
        terms=tuple(dict(t) for t in terms),
    )
