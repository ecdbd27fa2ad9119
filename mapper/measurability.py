"""Measurability: find vague commitments in text, sentence by sentence.

spaCy tokens (the extractor's `blank("en")` tokenizer) split into sentences as spaCy's
default sentencizer does; the patterns are data
(mapper/patterns/measurability.yaml). A sentence is measured as: vague cues
("promptly", "reasonable efforts", "regularly" …) that no anchor of the right kind
satisfies ("… and in any event within 2 hours"), plus structural rules over the anchors
(also data, `rules`): a percentage target without a period, hours or days of cover
without days + hours + time zone, a credit without an amount, a commitment with no target
at all, and - for a sentence judged on its own - nothing measurable in it at all.

Public entry points: `is_measurable(sentence)`, `assess(sentence)` and
`text_to_sentence_hits(text)` for whole documents.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import IDX, IS_PUNCT, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.nlp import get_nlp, warm_tokenizer
from mapper.anchor_matcher import StartMatcher, supports
from mapper.cue_patterns import (
    Cue,
    StructuralRule,
    cue_from_dict,
    load_patterns,
    phrases_of,
    structural_from_dict,
)
from mapper.regex_guards import GuardIndex
from mapper.text_blocks import duty_units, is_row, text_to_units

CUE_PREFIX = "cue:"
TERM_PREFIX = "term:"  # in `defined`: a term the document defines ("term:permitted maintenance")
LABEL_VALUE = re.compile(r"[:|]\s*\S")
STARTERS = frozenset({":", "?", "!", "•"})
REFERENCE_WORDS = ("appendix", "schedule", "exhibit", "annex", "attachment", "part", "table")
SUBJECT_GAP = 1  # a customer word right before its commitment word ("The Customer will")
RECEIVING = frozenset({"be", "receive", "get", "obtain", "have", "enjoy", "benefit"})
RegexKey = tuple[tuple[str, ...], frozenset[str]]
DUTY = -2
EFFORT_RULE = "SLA-U001"
CLAUSE_JOINERS = frozenset({"and"})
_PREPARED_LIMIT = 16  # texts whose facts `prepare` keeps until they are judged


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


# unit offset, unit text, sentence, facts, unit index, and the index of the unit's row (a
# cell), -1 (not a cell) or DUTY (the customer's duty)
LineSentence = tuple[int, str, Span, "SentenceFacts", int, int]


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What matched in one sentence: anchor kinds present and the cue spans."""

    anchors: frozenset[str]
    cues: tuple[tuple[Cue, Span], ...]
    customer_subject: bool = False  # a customer word comes before the first commitment word
    negated_commitment: bool = False  # "Neither party shall …", "will not …"
    # per cue: the anchors found only in other clauses of the sentence, which do not
    # answer it ("… critical patches within 14 days, and shall apply all other patches in
    # line with industry best practice": the 14 days answer the first clause only)
    elsewhere: tuple[frozenset[str], ...] = ()


class MeasurabilityChecker:
    """Match, then judge: `doc_facts` matches, `judge` turns facts into hits."""

    def __init__(self, patterns: Mapping[str, Any], nlp: Language | None = None) -> None:
        """`nlp`: an English pipeline whose tokenizer and vocab to share (only its
        `make_doc` is used, its components never run); None builds `spacy.blank("en")`."""
        self.nlp: Language = spacy.blank("en") if nlp is None else nlp
        self._prepared: dict[str, list[LineSentence]] = {}
        # token texts that end a sentence, as for spaCy's default sentencizer
        strings = self.nlp.vocab.strings
        self.punct_orths = frozenset(strings.add(c) for c in Sentencizer.default_punct_chars)
        # "A." … "Z." (one token for the tokenizer) after "Appendix", "Schedule" …
        self.letter_stops = frozenset(strings.add(f"{chr(c)}.") for c in range(65, 91))
        self.reference_words = frozenset(strings.add(w) for w in REFERENCE_WORDS)
        self.negations = frozenset(patterns.get("negations") or ())
        self.negation_window = int(patterns.get("negation_window", 3))
        self.cues = {c["id"]: cue_from_dict(c) for c in patterns["cues"]}
        self.rules: Mapping[str, Mapping[str, Any]] = patterns.get("rules") or {}
        self.silencers = frozenset(patterns.get("silencers") or ())
        self.structural = [
            structural_from_dict(n, r) for n, r in self.rules.items() if r.get("when")
        ]
        # one Matcher and one PhraseMatcher for anchors and cues (cue keys are "cue:<id>")
        self.matcher, self.phrases = self._build_anchors(patterns["anchors"])
        for cue in patterns["cues"]:
            if cue.get("phrases") or cue.get("phrase_product"):
                docs = self._phrase_keys(phrases_of(cue), LOWER)
                self.phrases.add(CUE_PREFIX + cue["id"], docs)
            if cue.get("patterns"):
                self.matcher.add(CUE_PREFIX + cue["id"], cue["patterns"])

    def _build_anchors(self, anchors: Mapping[str, Any]) -> tuple[Matcher, PhraseMatcher]:
        matcher = Matcher(self.nlp.vocab)
        self.starts = StartMatcher(self.nlp.vocab.strings)  # the simple anchor patterns
        phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        # regexes grouped by (guard, needs): a group runs only when one of its guard strings
        # is in the lower-cased text ("<digit>": any digit) and the token matchers found one
        # of the anchors it needs in the same text; empty guard/needs: no condition
        self.anchor_regex: dict[RegexKey, list[tuple[str, re.Pattern[str]]]] = {}
        for name, spec in anchors.items():
            if spec.get("patterns") and supports(spec["patterns"]):
                self.starts.add(name, spec["patterns"])
            elif spec.get("patterns"):
                matcher.add(name, spec["patterns"])
            if spec.get("phrases") or spec.get("phrase_product"):
                phrases.add(name, self._phrase_keys(phrases_of(spec), LOWER))
            if spec.get("phrases_cased"):
                self.cased.add(name, self._phrase_keys(spec["phrases_cased"], ORTH))
            guard = tuple(spec.get("regex_guard") or ())
            needs = frozenset(spec.get("regex_needs") or ())
            for rx in spec.get("regex") or ():
                own = tuple(rx.get("guard") or ()) if isinstance(rx, dict) else guard
                compiled = re.compile(rx["rx"] if isinstance(rx, dict) else rx, re.IGNORECASE)
                self.anchor_regex.setdefault((own, needs), []).append((name, compiled))
        self.regex_groups = list(self.anchor_regex.items())
        self.guards = GuardIndex([guard for (guard, _), _ in self.regex_groups])
        return matcher, phrases

    def _phrase_keys(self, texts: Sequence[str], attr: int) -> list[Any]:
        """PhraseMatcher patterns: each phrase's token values of `attr`, from one Doc of
        the phrases joined by newlines (the tokenizer splits at whitespace and works on
        each chunk alone, so a phrase comes out as on its own; one Doc per phrase costs
        more than its tokens). A phrase with other whitespace than single inner spaces
        gets a Doc of its own."""
        plain = [t for t in texts if t and " ".join(t.split()) == t]
        out: list[Any] = [self.nlp.make_doc(t) for t in set(texts).difference(plain)]
        if not plain:
            return out
        doc = self.nlp.make_doc("\n".join(plain))
        values, orths = doc.to_array([attr, ORTH]).T.tolist()
        newline = self.nlp.vocab.strings.add("\n")
        keys: list[list[int]] = [[]]
        for value, orth in zip(values, orths, strict=True):
            if orth == newline:
                keys.append([])
            else:
                keys[-1].append(value)
        if len(keys) != len(plain):  # not one chunk run per phrase: tokenize them apart
            return [self.nlp.make_doc(t) for t in texts]
        return out + keys

    def _regex_anchors(
        self, doc: Doc, text: str, present: set[str], groups: list[int] | None = None
    ) -> list[tuple[str, int]]:
        """(anchor, token index) of the regex anchors, run on the text (cheaper than
        per-token REGEX predicates in the Matcher). `present`: anchors already found;
        `groups`: the regex groups whose guard holds in `text` (None: work them out)."""
        found = []
        for i in self.guards.guarded(text) if groups is None else groups:
            (_, needs), group = self.regex_groups[i]
            if needs and needs.isdisjoint(present):
                continue
            for name, rx in group:
                found += [(name, m.start()) for m in rx.finditer(text)]
        if not found:
            return []
        starts = doc.to_array(IDX).tolist()
        return [(name, max(bisect.bisect_right(starts, at) - 1, 0)) for name, at in found]

    # -- matching ---------------------------------------------------------------------
    def doc_facts(
        self,
        doc: Doc,
        text: str | None = None,
        groups: list[int] | None = None,
        starts: list[int] | None = None,
    ) -> list[tuple[Span, SentenceFacts]]:
        """Match once over `doc`, then split the matches by sentence. `text`: the doc's text
        when the caller has it (`doc.text` is rebuilt from the tokens on each access);
        `groups`: its open regex groups when known (see `GuardIndex.line_groups`); `starts`: the
        token indices (> 0) that start a sentence (None: the doc's sentence starts)."""
        strings = self.nlp.vocab.strings
        anchors = self.starts(doc)
        cue_matches = []
        matched = self.matcher(doc) if len(self.matcher) else []
        for m, s, e in [*matched, *self.phrases(doc), *self.cased(doc)]:
            name = strings[m]
            if name.startswith(CUE_PREFIX):
                cue_matches.append(Span(doc, s, e, label=name[len(CUE_PREFIX) :]))
            else:
                anchors.append((name, s))
        text = doc.text if text is None else text
        anchors += self._regex_anchors(doc, text, {name for name, _ in anchors}, groups)
        cue_spans = filter_spans(cue_matches)
        sents = _sentences(doc, starts)
        return [(sent, self._sentence_facts(doc, sent, anchors, cue_spans)) for sent in sents]

    def _sentence_facts(
        self, doc: Doc, sent: Span, anchors: list[tuple[str, int]], cue_spans: list[Span]
    ) -> SentenceFacts:
        first: dict[str, int] = {}
        for name, s in anchors:
            if sent.start <= s < sent.end:
                first[name] = min(s, first.get(name, s))
        commitments = sorted(
            s for name, s in anchors if name == "commitment" and sent.start <= s < sent.end
        )
        duties = self._customer_commitments(doc, commitments, anchors, sent)
        cues = []
        for span in cue_spans:
            if not sent.start <= span.start < sent.end:
                continue
            cue = self.cues[span.label_]
            negated = not cue.keep_when_negated and self._negated(doc, sent.start, span.start)
            if negated or self._unit_use(doc, span, cue):
                continue
            if not cue.defined_term_ok and _proper_name(span, sent):
                continue
            if cue.label_ok and _label(span, sent):
                continue
            if cue.skip_customer_subject and _governed_by(span.start, commitments, duties):
                continue  # "… and you must promptly provide the logs": the customer's duty
            cues.append((cue, span))
        at = first.get("commitment", -1)
        subject = at in duties
        negated = "commitment" in first and self._negated_commitment(doc, sent, first["commitment"])
        elsewhere = tuple(_elsewhere(doc, sent, anchors, cue, span) for cue, span in cues)
        return SentenceFacts(frozenset(first), tuple(cues), subject, negated, elsewhere)

    def _customer_commitments(
        self, doc: Doc, commitments: list[int], anchors: list[tuple[str, int]], sent: Span
    ) -> set[int]:
        """Commitment words whose subject is the customer: a customer word right before
        ("The Customer shall", "you must", "Policyholders must", "The Customer is
        responsible"), not one the customer receives ("Customer will be told", "Customer
        will receive a credit"), and not a customer word inside a name ("Customer Success
        Manager will", "Authority Data … it shall")."""
        customers = {s for name, s in anchors if name == "customer_subject" and s >= sent.start}
        out = set()
        for at in commitments:
            receives = at < len(doc) - 1 and doc[at + 1].lower_ in RECEIVING
            if not receives and any(0 < at - s <= SUBJECT_GAP for s in customers):
                out.add(at)
        return out

    def _negated_commitment(self, doc: Doc, sent: Span, at: int) -> bool:
        window = doc[max(sent.start, at - self.negation_window) : min(sent.end, at + 3)]
        return any(t.lower_ in self.negations for t in window)

    def _negated(self, doc: Doc, sent_start: int, start: int) -> bool:
        window = doc[max(sent_start, start - self.negation_window) : start]
        return any(t.lower_ in self.negations for t in window)

    @staticmethod
    def _unit_use(doc: Doc, span: Span, cue: Cue) -> bool:
        """The cue is part of a name or unit: "within 4 business hours", "high priority"."""
        before = doc[span.start - 1] if span.start > 0 else None
        if cue.not_after_number and before is not None and before.like_num:
            return True
        if before is not None and before.lower_ in cue.not_preceded_by:
            return True
        return span.end < len(doc) and doc[span.end].lower_ in cue.not_followed_by

    # -- judging ----------------------------------------------------------------------
    def _sentence_starts(self, doc: Doc) -> list[int]:
        """Where spaCy's default `sentencizer` would start sentences in `doc` (token
        indices > 0): at the first token after a sentence-final character that is neither
        punctuation nor such a character itself (its rule, without its per-token objects)."""
        if len(doc) < 2:
            return []
        orths, puncts, lowers = doc.to_array([ORTH, IS_PUNCT, LOWER]).T.tolist()
        out, seen_end = [], False
        for i, (orth, punct) in enumerate(zip(orths, puncts, strict=True)):
            if orth in self.punct_orths or (
                orth in self.letter_stops and i > 0 and lowers[i - 1] in self.reference_words
            ):  # "… in accordance with Appendix A. During transition …": "A." ends it
                seen_end = True
            elif seen_end and not punct:
                out.append(i)
                seen_end = False
        return out

    def judge(
        self,
        facts: SentenceFacts,
        text: str,
        defined: frozenset[str] | None = None,
        base: int = 0,
        standalone: bool = False,
        cell: bool = False,
    ) -> list[VagueHit]:
        """Hits of one sentence (offsets relative to it; `base` is the sentence's character
        offset in its Doc). `defined`: cue ids whose Capitalised Defined Term use is
        defined elsewhere (None: assume every defined term is defined). `standalone`: the
        sentence is judged on its own as a commitment (rules marked `standalone_only`);
        `cell`: the text is a table cell (short by nature: "As soon as practicable" is a
        value under its column's heading, not a heading)."""
        if not self.silencers.isdisjoint(facts.anchors):
            return []
        if not cell and _heading_like(facts, text):
            return []
        refers = [_defined_use(cue, span, defined) for cue, span in facts.cues]
        elsewhere = facts.elsewhere or (frozenset(),) * len(facts.cues)
        hits = [
            self._cue_hit(cue, span, base)
            for (cue, span), ref, away in zip(facts.cues, refers, elsewhere, strict=True)
            if not ref and self._raises(cue, facts, text, away)
        ]
        hits = list({h.rule: h for h in reversed(hits)}.values())[::-1]  # one per rule
        if any(refers):  # a defined term ("during Business Hours") points to its definition
            facts = replace(facts, anchors=facts.anchors | {"defined_reference"})
        for rule in self.structural:
            if rule.standalone_only and not standalone:
                continue
            fires = (not rule.alone or not hits) and _applies(rule, facts)
            if fires and rule.name not in {h.cue_id for h in hits}:
                hits.append(self._rule_hit(rule.name, 0, len(text), text))
        return list({h.rule: h for h in reversed(hits)}.values())[::-1]

    @staticmethod
    def _raises(
        cue: Cue, facts: SentenceFacts, text: str, elsewhere: frozenset[str] = frozenset()
    ) -> bool:
        if cue.neutral or (cue.skip_customer_subject and facts.customer_subject):
            return False
        a = facts.anchors
        if cue.requires and not all(r in a for r in cue.requires):
            return False
        if cue.requires_any and not any(r in a for r in cue.requires_any):
            return False
        lowered = text.lower()
        if cue.context and not any(c in lowered for c in cue.context):
            return False
        if any(c in lowered for c in cue.context_not):
            return False
        if cue.skip_in_definitions and "definition" in a:
            return False
        here = a - elsewhere  # what answers a cue must stand in its own clause
        if any(s in here for s in cue.satisfied_by):
            return False
        return not _any_group(cue.satisfied_by_all, here)

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
        ((_, facts),) = self.doc_facts(doc, sentence)
        return tuple(self.judge(facts, sentence, standalone=True))

    def text_to_sentence_facts(self, text: str) -> list[LineSentence]:
        """The facts of every sentence of `text`, before judging (the part of the work that
        needs no document context). Lines are processed apart (headings and table rows
        are lines; a row is one sentence, and each of its cells is judged for cues too);
        a sentence among the customer's duties (see `duty_units`) is marked (row -2): it
        sets no service level and raises nothing."""
        units = text_to_units(text)
        duties = duty_units(units)
        warm_tokenizer(self.nlp.tokenizer, text)  # no-op for the words the extractor saw
        out: list[LineSentence] = []
        groups = self.guards.line_groups([unit for _offset, unit, _row in units])
        for i, ((offset, unit, row), open_) in enumerate(zip(units, groups, strict=True)):
            doc = self.nlp.make_doc(unit)
            starts = [] if is_row(unit) or row >= 0 else self._sentence_starts(doc)
            for sent, found in self.doc_facts(doc, unit, open_, starts):
                out.append((offset, unit, sent, found, i, DUTY if i in duties else row))
        return out

    def prepare(self, text: str) -> None:
        """Work out the sentence facts of `text` now, for a later `text_to_sentence_hits` of
        the same text (an interface can do this while the extractor is busy elsewhere)."""
        if len(self._prepared) >= _PREPARED_LIMIT:
            self._prepared.clear()
        self._prepared[text] = self.text_to_sentence_facts(text)

    def text_to_sentence_hits(
        self,
        text: str,
        *,
        defined: frozenset[str] = frozenset(),
        given: frozenset[str] = frozenset(),
    ) -> list[SentenceHits]:
        """Every sentence of `text` that raised something, with offsets into `text`.
        `defined`: cue ids the document defines (see `judge`); `given`: anchors the
        document states once for every sentence (e.g. "tz" when it says "all times are
        UTC")."""
        prepared = self._prepared.pop(text, None)
        if prepared is None:
            prepared = self.text_to_sentence_facts(text)
        found_hits: dict[int, tuple[int, str, list[VagueHit]]] = {}  # unit -> its sentence
        out_of: dict[int, list[tuple[int, str, list[VagueHit]]]] = {}
        for offset, line, sent, found, unit, row in prepared:
            facts = replace(found, anchors=found.anchors | given) if given else found
            sent_text = line[sent.start_char : sent.end_char]
            hits = self.judge(facts, sent_text, defined, sent.start_char, cell=row >= 0)
            if row == DUTY or not any(t.is_alpha for t in sent):
                continue
            start = offset + sent.start_char
            shifted = [_shift(h, start) for h in hits]
            if row >= 0:  # a cell: its cue hits belong to its row
                if row in found_hits:
                    found_hits[row][2].extend(h for h in shifted if h.cue_id in self.cues)
                continue
            entry = (start, sent_text, shifted)
            found_hits[unit] = entry
            out_of.setdefault(unit, []).append(entry)
        out = []
        for entries in out_of.values():
            for start, sent_text, hits in entries:
                if hits:
                    unique = tuple({h.rule: h for h in reversed(hits)}.values())[::-1]
                    out.append(SentenceHits(start, start + len(sent_text), sent_text, unique))
        return out


def _proper_name(span: Span, sent: Span) -> bool:
    """A Title Case cue inside a sentence is a name or defined term ("Effective Date")."""
    if span.start == sent.start or (span.start == sent.start + 1 and sent[0].like_num):
        return False  # capitalised because it starts the sentence (or its number label)
    if span.start > 0 and span.doc[span.start - 1].text in STARTERS:
        return False  # "A: Usually …", "Q? Normally …": a new sentence after a label
    return all(t.is_title for t in span if t.is_alpha)


def _sentences(doc: Doc, starts: list[int] | None = None) -> list[Span]:
    """The sentences of `doc` (cheaper than `doc.sents`); the whole doc when unsplit.
    `starts`: the sentence starts after the first (None: read from the doc)."""
    if len(doc) == 0:
        return [doc[:]]
    if starts is None:
        starts = [i for i in (doc.to_array(SENT_START) == 1).nonzero()[0].tolist() if i > 0]
    bounds = [0, *starts, len(doc)]
    return [doc[a:b] for a, b in itertools.pairwise(bounds)]


def _label(span: Span, sent: Span) -> bool:
    """A Capitalised word after the sentence's first word: a named label ("Urgent tickets",
    "flagged as Critical"); a number label counts as the first word ("2. Urgent …")."""
    first = sent.start + 1 if sent[0].like_num and len(sent) > 1 else sent.start
    return any(t.is_title for t in span if t.i > first)


def _any_group(groups: tuple[frozenset[str], ...], anchors: frozenset[str]) -> bool:
    return any(g <= anchors for g in groups)


def _applies(rule: StructuralRule, facts: SentenceFacts) -> bool:
    if rule.skip_customer_subject and facts.customer_subject:
        return False
    if rule.skip_negated and facts.negated_commitment:
        return False
    return _any_group(rule.when, facts.anchors) and not _any_group(rule.unless, facts.anchors)


def _heading_like(facts: SentenceFacts, text: str) -> bool:
    """A heading or label ("Support hours"): few words, no commitment, no end stop and no
    value after a label ("Availability | 99.9%" and "P1 response: ASAP" are rows)."""
    stripped = text.rstrip()
    if stripped.endswith("?"):
        return True  # a question ("Does maintenance count as downtime?") commits to nothing
    if len(stripped.split()) > 4 or "commitment" in facts.anchors or stripped.endswith("."):
        return False
    return not LABEL_VALUE.search(stripped)


def _defined_use(cue: Cue, span: Span, defined: frozenset[str] | None) -> bool:
    """A use of a cue that the document defines ("Business Hours"). Without document
    context (`defined` None) a Capitalised Defined Term is taken as defined elsewhere."""
    if not cue.defined_term_ok:
        return False
    if defined is not None and cue.id in defined:
        return True
    if not all(t.is_title or not t.is_alpha for t in span):
        return False
    if defined is not None and TERM_PREFIX + _title_run(span).lower() in defined:
        return True  # "Permitted Maintenance", a term the document defines
    if span.start == 0 and len(span) == 1:  # a capital that only starts the sentence
        return False
    return defined is None


def _elsewhere(
    doc: Doc, sent: Span, anchors: list[tuple[str, int]], cue: Cue, span: Span
) -> frozenset[str]:
    """Anchors of the sentence that occur only outside the clause holding `span`: a clause
    ends where "and" opens a second commitment ("… within 14 days, and shall apply all
    other patches …"). Not for effort cues, whose clause a firm commitment later in the
    sentence answers ("reasonable efforts to restore service, and shall restore it within
    8 hours"); a ";" or "but" usually goes on about the same thing ("…; notice is posted
    within 30 minutes"), so it does not end the clause."""
    if cue.rule == EFFORT_RULE:
        return frozenset()
    commitments = {s for name, s in anchors if name == "commitment"}
    cuts = [
        i
        for i in range(sent.start + 1, sent.end - 1)
        if doc[i].lower_ in CLAUSE_JOINERS and (i + 1 in commitments or i + 2 in commitments)
    ]
    if not cuts:
        return frozenset()
    lo = max((c for c in cuts if c <= span.start), default=sent.start)
    hi = min((c for c in cuts if c > span.start), default=sent.end)
    inside = {name for name, s in anchors if lo <= s < hi}
    outside = {name for name, s in anchors if sent.start <= s < sent.end and not lo <= s < hi}
    return frozenset(outside - inside)


def _governed_by(start: int, commitments: list[int], duties: set[int]) -> bool:
    """The commitment word that governs a cue (the nearest one before it, else the first
    of the sentence; `commitments` sorted) is one of the customer's (`duties`)."""
    if not duties:
        return False
    before = [s for s in commitments if s <= start]
    governing = before[-1] if before else (commitments[0] if commitments else -1)
    return governing in duties


def _title_run(span: Span) -> str:
    """The Capitalised words around `span` ("other than during Permitted Maintenance" ->
    "Permitted Maintenance")."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and doc[start - 1].is_title:
        start -= 1
    while end < len(doc) and doc[end].is_title:
        end += 1
    return doc[start:end].text


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


@lru_cache(maxsize=1)
def default_checker() -> MeasurabilityChecker:
    """The checker over the packaged patterns (built once). It shares the extractor's
    tokenizer and vocab (`spacy.blank("en")` underneath): the documents it reads come from
    the extractor, whose pipeline is built anyway, and a second English tokenizer would
    cost ~0.2 s to build and re-learn the same words."""
    return MeasurabilityChecker(load_patterns(), nlp=get_nlp())


def assess(sentence: str) -> tuple[VagueHit, ...]:
    return default_checker().assess(sentence)


def is_measurable(sentence: str) -> bool:
    """True when `sentence` states its commitment measurably (nothing vague in it)."""
    return not assess(sentence)
