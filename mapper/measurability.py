"""Measurability: find vague commitments in text, sentence by sentence.

A spaCy `blank("en")` pipeline with a sentencizer; the patterns are data
(mapper/patterns/measurability.yaml). A sentence is measured as: vague cues
("promptly", "reasonable efforts", "regularly" …) that no anchor of the right kind
satisfies ("… and in any event within 2 hours"), plus three structural rules: an
availability percentage without a period, a credit percentage without a fee base, and a
commitment with no target at all.

Public entry points: `is_measurable(sentence)`, `assess(sentence)` and
`text_to_sentence_hits(text)` for whole documents.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from mapper.errors import PatternError
from mapper.text_blocks import text_to_blocks

PATTERN_SCHEMA = "slareg.measurability/1"


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    rule: str
    message: str
    suggestion: str
    severity: str = "error"
    satisfied_by: tuple[str, ...] = ()
    satisfied_by_all: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    context_not: tuple[str, ...] = ()
    skip_in_definitions: bool = False
    not_after_number: bool = False
    not_followed_by: tuple[str, ...] = ()
    defined_term_ok: bool = False
    neutral: bool = False  # a set phrase that only shadows shorter cues inside it


@dataclass(frozen=True, slots=True)
class VagueHit:
    """One reason a sentence is unmeasurable; start/end are offsets of the cue in the text."""

    rule: str
    cue_id: str
    cue: str
    start: int
    end: int
    message: str
    suggestion: str
    severity: str = "error"


@dataclass(frozen=True, slots=True)
class SentenceHits:
    start: int
    end: int
    text: str
    hits: tuple[VagueHit, ...]


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What matched in one sentence: anchor kinds present and the cue spans."""

    anchors: frozenset[str]
    cues: tuple[tuple[Cue, Span], ...]
    customer_subject: bool = False  # a customer word comes before the first commitment word
    negated_commitment: bool = False  # "Neither party shall …", "will not …"


class MeasurabilityChecker:
    """Match, then judge: `doc_facts` matches, `judge` turns facts into hits."""

    def __init__(self, patterns: Mapping[str, Any]) -> None:
        self.nlp: Language = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.negations = frozenset(patterns.get("negations") or ())
        self.negation_window = int(patterns.get("negation_window", 3))
        self.cues = {c["id"]: _cue(c) for c in patterns["cues"]}
        self.rules: Mapping[str, Mapping[str, str]] = patterns.get("rules") or {}
        self.anchor_matcher, self.anchor_phrases = self._build_anchors(patterns["anchors"])
        self.cue_phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for cue in patterns["cues"]:
            self.cue_phrases.add(cue["id"], [self.nlp.make_doc(p) for p in cue["phrases"]])

    def _build_anchors(self, anchors: Mapping[str, Any]) -> tuple[Matcher, PhraseMatcher]:
        matcher = Matcher(self.nlp.vocab)
        phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.anchor_regex: list[tuple[str, re.Pattern[str]]] = []
        for name, spec in anchors.items():
            if spec.get("patterns"):
                matcher.add(name, spec["patterns"])
            if spec.get("phrases"):
                phrases.add(name, [self.nlp.make_doc(p) for p in spec["phrases"]])
            for rx in spec.get("regex") or ():
                self.anchor_regex.append((name, re.compile(rx, re.IGNORECASE)))
        return matcher, phrases

    def _regex_anchors(self, doc: Doc) -> list[tuple[str, int]]:
        """(anchor, token index) of the regex anchors, run on the text (cheaper than
        per-token REGEX predicates in the Matcher)."""
        text = doc.text  # computed from the tokens on each access
        found = [(name, m.start()) for name, rx in self.anchor_regex for m in rx.finditer(text)]
        if not found:
            return []
        starts = [t.idx for t in doc]
        return [(name, max(bisect.bisect_right(starts, at) - 1, 0)) for name, at in found]

    # -- matching ---------------------------------------------------------------------
    def doc_facts(self, doc: Doc) -> list[tuple[Span, SentenceFacts]]:
        """Match once over `doc`, then split the matches by sentence."""
        strings = self.nlp.vocab.strings
        anchors = [
            (strings[m], s) for m, s, _ in [*self.anchor_matcher(doc), *self.anchor_phrases(doc)]
        ]
        anchors += self._regex_anchors(doc)
        cue_spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in self.cue_phrases(doc)])
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        return [(sent, self._sentence_facts(doc, sent, anchors, cue_spans)) for sent in sents]

    def _sentence_facts(
        self, doc: Doc, sent: Span, anchors: list[tuple[str, int]], cue_spans: list[Span]
    ) -> SentenceFacts:
        first: dict[str, int] = {}
        for name, s in anchors:
            if sent.start <= s < sent.end:
                first[name] = min(s, first.get(name, s))
        cues = []
        for span in cue_spans:
            if not sent.start <= span.start < sent.end:
                continue
            cue = self.cues[span.label_]
            if self._negated(doc, sent.start, span.start) or self._unit_use(doc, span, cue):
                continue
            if not cue.defined_term_ok and _proper_name(span, sent):
                continue
            cues.append((cue, span))
        at = first.get("commitment", -1)
        passive = 0 <= at < len(doc) - 1 and doc[at + 1].lower_ == "be"  # "Customer will be told"
        subject = not passive and first.get("customer_subject", len(doc)) < at
        negated = "commitment" in first and self._negated_commitment(doc, sent, first["commitment"])
        return SentenceFacts(frozenset(first), tuple(cues), subject, negated)

    def _negated_commitment(self, doc: Doc, sent: Span, at: int) -> bool:
        window = doc[max(sent.start, at - self.negation_window) : min(sent.end, at + 3)]
        return any(t.lower_ in self.negations for t in window)

    def _negated(self, doc: Doc, sent_start: int, start: int) -> bool:
        window = doc[max(sent_start, start - self.negation_window) : start]
        return any(t.lower_ in self.negations for t in window)

    @staticmethod
    def _unit_use(doc: Doc, span: Span, cue: Cue) -> bool:
        """The cue is part of a name or unit: "within 4 business hours", "high priority"."""
        if cue.not_after_number and span.start > 0 and doc[span.start - 1].like_num:
            return True
        return span.end < len(doc) and doc[span.end].lower_ in cue.not_followed_by

    # -- judging ----------------------------------------------------------------------
    def judge(
        self, facts: SentenceFacts, text: str, defined: frozenset[str] | None = None, base: int = 0
    ) -> list[VagueHit]:
        """Hits of one sentence (offsets relative to it; `base` is the sentence's character
        offset in its Doc). `defined`: cue ids whose Capitalised Defined Term use is
        defined elsewhere (None: assume every defined term is defined)."""
        if _heading_like(facts, text):
            return []
        hits = [
            self._cue_hit(cue, span, base)
            for cue, span in facts.cues
            if self._raises(cue, facts, text) and not _defined_use(cue, span, defined)
        ]
        hits = list({h.rule: h for h in reversed(hits)}.values())[::-1]  # one per rule
        a = facts.anchors
        if "percent" in a and "measure_word" in a and not a & {"period", "pointer"}:
            hits.append(self._rule_hit("no_period", 0, len(text), text))
        if not hits and _no_credit_amount(a):
            hits.append(self._rule_hit("no_credit_amount", 0, len(text), text))
        if not hits and self._no_target(facts):
            hits.append(self._rule_hit("no_target", 0, len(text), text))
        return hits

    @staticmethod
    def _raises(cue: Cue, facts: SentenceFacts, text: str) -> bool:
        if cue.neutral:
            return False
        a = facts.anchors
        if cue.requires and not all(r in a for r in cue.requires):
            return False
        lowered = text.lower()
        if cue.context and not any(c in lowered for c in cue.context):
            return False
        if any(c in lowered for c in cue.context_not):
            return False
        if cue.skip_in_definitions and "definition" in a:
            return False
        if any(s in a for s in cue.satisfied_by):
            return False
        return not (cue.satisfied_by_all and all(s in a for s in cue.satisfied_by_all))

    @staticmethod
    def _no_target(facts: SentenceFacts) -> bool:
        a = facts.anchors
        measurable = {"duration", "clock", "percent", "period", "days", "pointer"}
        if a & measurable or "commitment" not in a or "service_action" not in a:
            return False
        return not (facts.customer_subject or facts.negated_commitment)

    def _cue_hit(self, cue: Cue, span: Span, base: int) -> VagueHit:
        return VagueHit(
            rule=cue.rule,
            cue_id=cue.id,
            cue=span.text,
            start=span.start_char - base,
            end=span.end_char - base,
            message=cue.message.format(cue=span.text),
            suggestion=cue.suggestion.format(cue=span.text),
            severity=cue.severity,
        )

    def _rule_hit(self, name: str, start: int, end: int, text: str) -> VagueHit:
        rule = self.rules[name]
        return VagueHit(
            rule=rule["rule"],
            cue_id=name,
            cue=text[start:end],
            start=start,
            end=end,
            message=rule["message"],
            suggestion=rule["suggestion"],
            severity=rule.get("severity", "error"),
        )

    # -- entry points -------------------------------------------------------------------
    def assess(self, sentence: str) -> tuple[VagueHit, ...]:
        """Reasons `sentence` (one commitment) is unmeasurable; empty when measurable."""
        doc = self.nlp.make_doc(sentence)
        ((_, facts),) = self.doc_facts(doc)
        return tuple(self.judge(facts, sentence))

    def text_to_sentence_hits(
        self, text: str, *, defined: frozenset[str] = frozenset()
    ) -> list[SentenceHits]:
        """Every sentence of `text` that raised something, with offsets into `text`.
        Lines are processed apart (headings and table rows are lines). `defined`: cue ids
        the document defines (see `judge`)."""
        lines, offsets = text_to_blocks(text)
        out = []
        for offset, doc in zip(offsets, self.nlp.pipe(lines, batch_size=256), strict=True):
            for sent, facts in self.doc_facts(doc):
                if not any(t.is_alpha for t in sent):
                    continue
                hits = self.judge(facts, sent.text, defined, sent.start_char)
                if hits:
                    start = offset + sent.start_char
                    shifted = tuple(_shift(h, start) for h in hits)
                    out.append(SentenceHits(start, start + len(sent.text), sent.text, shifted))
        return out


def _proper_name(span: Span, sent: Span) -> bool:
    """A Title Case cue inside a sentence is a name or defined term ("Effective Date")."""
    if span.start == sent.start or (span.start == sent.start + 1 and sent[0].like_num):
        return False  # capitalised because it starts the sentence (or its number label)
    return all(t.is_title for t in span if t.is_alpha)


def _no_credit_amount(a: frozenset[str]) -> bool:
    """A credit promised with no percentage, money amount or pointer to a table."""
    measurable = {"percent", "money", "pointer", "duration", "period", "clock"}
    promised = "commitment" in a or "entitlement" in a
    return "credit_word" in a and promised and not a & measurable


def _heading_like(facts: SentenceFacts, text: str) -> bool:
    """A heading or label ("Support hours"): few words, no commitment, no end stop."""
    words = text.split()
    return len(words) <= 4 and "commitment" not in facts.anchors and not text.rstrip().endswith(".")


def _defined_use(cue: Cue, span: Span, defined: frozenset[str] | None) -> bool:
    """A use of a cue that the document defines ("Business Hours"). Without document
    context (`defined` None) a Capitalised Defined Term is taken as defined elsewhere."""
    if not cue.defined_term_ok:
        return False
    if defined is not None and cue.id in defined:
        return True
    if not all(t.is_title or not t.is_alpha for t in span):
        return False
    if span.start == 0 and len(span) == 1:  # a capital that only starts the sentence
        return False
    return defined is None


def _shift(hit: VagueHit, by: int) -> VagueHit:
    return VagueHit(
        hit.rule,
        hit.cue_id,
        hit.cue,
        hit.start + by,
        hit.end + by,
        hit.message,
        hit.suggestion,
        hit.severity,
    )


def _cue(c: Mapping[str, Any]) -> Cue:
    return Cue(
        id=str(c["id"]),
        rule=str(c["rule"]),
        message=str(c["message"]),
        suggestion=str(c["suggestion"]),
        severity=str(c.get("severity", "error")),
        satisfied_by=tuple(c.get("satisfied_by") or ()),
        satisfied_by_all=tuple(c.get("satisfied_by_all") or ()),
        requires=tuple(c.get("requires") or ()),
        context=tuple(c.get("context") or ()),
        context_not=tuple(c.get("context_not") or ()),
        skip_in_definitions=bool(c.get("skip_in_definitions", False)),
        not_after_number=bool(c.get("not_after_number", False)),
        defined_term_ok=bool(c.get("defined_term_ok", False)),
        not_followed_by=tuple(c.get("not_followed_by") or ()),
        neutral=bool(c.get("neutral", False)),
    )


def load_patterns(text: str | None = None) -> Mapping[str, Any]:
    """Parse a pattern file's text; None reads the packaged patterns."""
    try:
        if text is None:
            ref = resources.files("mapper").joinpath("patterns/measurability.yaml")
            text = ref.read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise PatternError(f"cannot read measurability patterns: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != PATTERN_SCHEMA:
        raise PatternError(f"measurability patterns must declare schema '{PATTERN_SCHEMA}'")
    return data


@lru_cache(maxsize=1)
def default_checker() -> MeasurabilityChecker:
    """The checker over the packaged patterns (built once; spaCy set-up takes ~0.3 s)."""
    return MeasurabilityChecker(load_patterns())


def assess(sentence: str) -> tuple[VagueHit, ...]:
    return default_checker().assess(sentence)


def is_measurable(sentence: str) -> bool:
    """True when `sentence` states its commitment measurably (nothing vague in it)."""
    return not assess(sentence)
