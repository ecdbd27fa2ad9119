"""The effective SLA of one customer on a date.

Documents in force on the date (agreed, effective, not superseded) are ranked by the
contract's own precedence clause (a `precedence` term) or, without one, amendment >
order_form > sla > msa > support_policy; within one doc type the later effective date
wins. For each term key (kind + service + priority_rank, + metric for credit tiers,
+ category for exclusions) the best-ranked document's terms win whole (a credit table is
replaced as one unit). A term naming a service is a different key from one for every
service: the specific term applies to its service, the general one to the others (see
`EffectiveSLA.get`). Each effective term names its source and what it overrode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from extractor.types import Clause, Extraction, Term
from mapper.names import same_name, service_canon
from mapper.terms import TermKey, describe_group, group_by_key, group_value

DEFAULT_PRECEDENCE = ("amendment", "order_form", "sla", "msa", "other", "support_policy")
NOT_CONTRACTUAL = frozenset({"marketing"})
ALIASES = {
    "order form": "order_form",
    "order forms": "order_form",
    "orders": "order_form",
    "order": "order_form",
    "sow": "order_form",
    "statement of work": "order_form",
    "master agreement": "msa",
    "master services agreement": "msa",
    "agreement": "msa",
    "schedule": "sla",
    "service level agreement": "sla",
    "sla schedule": "sla",
    "amendments": "amendment",
    "addendum": "amendment",
    "support policy": "support_policy",
}


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """An Extraction with its register metadata. Unset fields come from the Extraction."""

    extraction: Extraction
    doc_type: str | None = None
    effective_date: dt.date | None = None
    status: str = "agreed"  # agreed | superseded
    amends: tuple[str, ...] = ()  # names or sha256 of the documents it amends
    supersedes: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.extraction.document.name

    @property
    def type(self) -> str:
        return self.doc_type or self.extraction.document.doc_type

    @property
    def date(self) -> dt.date | None:
        if self.effective_date:
            return self.effective_date
        raw = self.extraction.document.effective_date
        try:
            return dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            return None

    def known_as(self, ref: str) -> bool:
        return ref in (self.name, self.extraction.document.sha256)


@dataclass(frozen=True, slots=True)
class Overridden:
    document: str
    clause: str | None
    quote: str
    value: str
    same_value: bool


@dataclass(frozen=True, slots=True)
class EffectiveTerm:
    key: TermKey
    terms: tuple[Term, ...]  # one, or the whole credit table
    document: str
    doc_type: str
    clause: str | None  # clause number (or heading) in the source document
    quote: str
    overrode: tuple[Overridden, ...] = ()

    @property
    def term(self) -> Term:
        return self.terms[0]

    def explain(self) -> str:
        where = f"{self.document} clause {self.clause}" if self.clause else self.document
        text = f'from {where} ({self.doc_type}): "{self.quote}"'
        replaced = [o for o in self.overrode if not o.same_value]
        if replaced:
            text += "; overrides " + ", ".join(f"{o.document} ({o.value})" for o in replaced)
        return text


@dataclass(frozen=True, slots=True)
class EffectiveSLA:
    as_of: dt.date
    precedence: tuple[str, ...]
    precedence_source: str  # document name whose clause set the order, or "default"
    terms: tuple[EffectiveTerm, ...]
    in_force: tuple[str, ...]
    dropped: dict[str, str] = field(default_factory=dict)  # document -> why it is not in force

    def get(
        self, kind: str, *, service: str | None = None, priority_rank: int | None = None
    ) -> EffectiveTerm | None:
        """The effective term of `kind` for `service` (a term naming the service, else the
        one for every service) and priority rank."""
        general = None
        for t in self.terms:
            if t.key[0] != kind or t.key[2] != priority_rank:
                continue
            if t.key[1] is None:
                general = general or t
                if service is None:
                    return t
            elif service and same_name(service, t.key[1]):
                return t
        return general


def in_force(
    docs: Sequence[SourceDocument], as_of: dt.date
) -> tuple[list[SourceDocument], dict[str, str]]:
    """The documents in force on `as_of`, and why each other one is not."""
    dropped: dict[str, str] = {}
    started = []
    for d in docs:
        if d.type in NOT_CONTRACTUAL:
            dropped[d.name] = f"{d.type} is not contractual"
        elif d.status == "superseded":
            dropped[d.name] = "status superseded"
        elif d.date and d.date > as_of:
            dropped[d.name] = f"effective only from {d.date.isoformat()}"
        else:
            started.append(d)
    active = []
    for d in started:
        by = [o.name for o in started if o is not d and any(d.known_as(r) for r in o.supersedes)]
        if by:
            dropped[d.name] = f"superseded by {', '.join(by)}"
        else:
            active.append(d)
    return active, dropped


def precedence_order(docs: Sequence[SourceDocument]) -> tuple[tuple[str, ...], str]:
    """The precedence of doc types: the contract's own clause if one was extracted
    (from the best-ranked document that has one), else the default."""
    ranked = sorted(docs, key=lambda d: _rank(d, DEFAULT_PRECEDENCE))
    for d in ranked:
        for term in d.extraction.terms:
            if term.kind == "precedence" and term.get("order"):
                order = [_doc_type(str(x)) for x in term.get("order")]
                rest = [t for t in DEFAULT_PRECEDENCE if t not in order]
                return tuple(dict.fromkeys([*order, *rest])), d.name
    return DEFAULT_PRECEDENCE, "default"


def _doc_type(label: str) -> str:
    low = label.strip().lower().replace("-", " ")
    return ALIASES.get(low, low.replace(" ", "_"))


def _rank(d: SourceDocument, order: Sequence[str]) -> tuple[int, int]:
    position = order.index(d.type) if d.type in order else len(order)
    return position, -(d.date.toordinal() if d.date else 0)


def effective_sla(docs: Sequence[SourceDocument], as_of: dt.date) -> EffectiveSLA:
    active, dropped = in_force(docs, as_of)
    order, source = precedence_order(active)
    service_of = _service_canon(active)
    candidates: dict[TermKey, list[tuple[tuple[int, int], SourceDocument, list[Term]]]] = {}
    for d in active:
        terms = [t for t in d.extraction.terms if t.kind != "precedence"]
        for key, group in group_by_key(terms, service_of).items():
            candidates.setdefault(key, []).append((_rank(d, order), d, group))
    effective = [_resolve(key, options) for key, options in candidates.items()]
    effective.sort(key=lambda e: (e.key[0], e.key[1] or "", e.key[2] or 0, e.key[3] or ""))
    return EffectiveSLA(
        as_of, order, source, tuple(effective), tuple(d.name for d in active), dropped
    )


def _resolve(
    key: TermKey, options: list[tuple[tuple[int, int], SourceDocument, list[Term]]]
) -> EffectiveTerm:
    options = sorted(options, key=lambda o: o[0])
    _, winner, terms = options[0]
    value = group_value(terms)
    overrode = tuple(
        Overridden(
            document=d.name,
            clause=_clause_label(d.extraction, group[0]),
            quote=group[0].quote,
            value=_value_text(group),
            same_value=group_value(group) == value,
        )
        for _, d, group in options[1:]
    )
    return EffectiveTerm(
        key=key,
        terms=tuple(terms),
        document=winner.name,
        doc_type=winner.type,
        clause=_clause_label(winner.extraction, terms[0]),
        quote=terms[0].quote,
        overrode=overrode,
    )


def _value_text(group: Sequence[Term]) -> str:
    return describe_group(group)


def _clause_label(extraction: Extraction, term: Term) -> str | None:
    clause: Clause | None = next((c for c in extraction.clauses if c.id == term.clause), None)
    if clause is None:
        return None
    return clause.number or clause.heading or clause.id


def _service_canon(docs: Sequence[SourceDocument]) -> Callable[[str | None], str | None]:
    return service_canon(t.get("service") for d in docs for t in d.extraction.terms)
