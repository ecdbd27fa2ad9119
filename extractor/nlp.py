"""The spaCy rule pipeline: `spacy.blank("en")` plus our own components.

Components (each `__call__` is `matches = self.match(doc); self.set_annotations(doc, matches)`):
- `sla_line_breaks`: a line that starts a list item or follows a line ending in
  `.`, `:` or `;` starts a sentence (runs before the sentencizer, which keeps it).
- `sentencizer`: spaCy's punctuation sentencizer (`FastSentencizer`, same rules).
- `sla_quantities`: regexes from `patterns/quantities.yaml` -> `doc.spans["sla_quantities"]`,
  each span's normalised value on `Span._.sla_value`.
- `sla_cues`: token patterns from `patterns/cues.yaml` (`token_patterns.TokenPatterns`) ->
  `doc.spans["sla_cues"]`, matched over the words with whitespace tokens left out (a phrase
  broken across lines matches; `_` stands for a word, never for a line break).

Patterns are read in `initialize`; `get_nlp()` builds and initialises the pipeline once.

Speed (bench/extract_speed.py; the results are the same as the plain spaCy way, which
tests/extractor/test_{token_patterns,caseless,nlp_speed}.py check):
- `make_doc` keeps the text on the doc (spaCy rebuilds `doc.text` from the tokens on
  every call) and lets the tokenizer cache repeated words (`warm_tokenizer`, which the
  terms stage calls once on the whole document before tokenizing its blocks);
- line starts are set in one array write, not token by token (each Token setter scans
  the whole doc: quadratic on long lists of short lines);
- quantity regexes run on lower-cased text as case-sensitive regexes that skip texts
  lacking a word every match needs (`caseless.lowered`);
- cue patterns run on `TokenPatterns`, which checks each word once, not once per token
  and pattern state as spaCy's Matcher does with regex predicates;
- both components also leave their spans as plain tuples (`span_rows`) for the rules.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from extractor import normalize
from extractor.caseless import Lowered, compile_fast, lower_text, lowered
from extractor.token_patterns import TokenPatterns

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available

PATTERNS_DIR = Path(__file__).parent / "patterns"
QUANTITIES = "sla_quantities"
CUES = "sla_cues"

_TEXT = "sla_text"
ROWS = "sla_rows"  # doc.user_data[(ROWS, group)]: the spans of a group as SpanRow tuples

# token start, token end, label, start_char, end_char, value (quantities) or None (cues)
SpanRow = tuple[int, int, str, int, int, Any]

if not Span.has_extension("sla_value"):
    Span.set_extension("sla_value", default=None)


_CHUNKS_SEEN: dict[int, tuple[Any, set[str]]] = {}


def warm_tokenizer(tokenizer: Any, text: str) -> None:
    """spaCy's tokenizer keeps the tokens of a whitespace-delimited chunk in its cache only
    while no special case ("'s", "a.m.") has occurred earlier in the same text (spaCy
    #1250), so in a long text most repeated words are split by the affix regexes again
    and again. Tokenizing each new chunk on its own once lets spaCy cache it (when it
    holds no special case itself). Chunks are tokenized independently of each other, so
    the tokens are the same either way."""
    _tok, seen = _CHUNKS_SEEN.setdefault(id(tokenizer), (tokenizer, set()))
    limit = getattr(tokenizer, "max_cache_size", 0)
    if len(seen) >= limit:
        return
    for chunk in set(text.split()) - seen:
        tokenizer(chunk)
        seen.add(chunk)


def span_rows(doc: Doc, group: str) -> list[SpanRow]:
    """The spans of `doc.spans[group]` as plain tuples (read from the doc's cache, when our
    components filled it, without building a Span object per span)."""
    rows = doc.user_data.get((ROWS, group))
    if rows is None:
        rows = [(sp.start, sp.end, sp.label_, sp.start_char, sp.end_char, sp._.sla_value)
                for sp in doc.spans[group]]  # fmt: skip
    return list(rows)


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)` that keeps `text` on the doc (so the components need not
    rebuild it from the tokens) and lets the tokenizer cache the words of long texts."""
    if len(text) > 2000:
        warm_tokenizer(nlp.tokenizer, text)
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text` (which spaCy joins from the tokens on every call), kept on the doc."""
    text = doc.user_data.get(_TEXT)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT] = text
    return text


_UNIT_NEXT = (
    r"(?!(?:business|calendar|working)?\s*"
    r"(?:minutes?|hours?|days?|months?|years?|weeks?|per\s?cent|percent|%))"
)
_LIST_START = re.compile(
    r"^\s*(?:[-\u2022*\u25aa\u25cf\u2013]\s|\(?[a-z][.)]\s|\([a-z]{1,2}\)\s|\(?[ivx]{1,4}[.)]\s|"
    rf"\d{{1,2}}(?:\.\d{{1,2}})*[.)]?\s+{_UNIT_NEXT}(?-i:[A-Z])|\(\d{{1,2}}\)\s+{_UNIT_NEXT}|"
    r"(?:P|Sev|Severity|Priority|Level)\s*\d)",
    re.I,
)


_ABBREV_END = re.compile(r"(?:\b[ap]\.\s?m|\be\.g|\bi\.e|\betc|\bno|\binc|\bltd|\bvs)\.$", re.I)


_LINE_START = re.compile(r"\n[ \t]*(?=\S)")


def _nl_starts(doc: Doc) -> list[int]:
    """Token indices that start a sentence because of the line layout."""
    starts: list[int] = []
    text = doc_text(doc)
    token_starts: list[int] = []
    for m in _LINE_START.finditer(text):
        token_starts = token_starts or doc.to_array(IDX).tolist()
        first = bisect.bisect_right(token_starts, m.end()) - 1  # the token holding m.end()
        if first <= 0:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        last_line = text[line_start : m.start()].strip()
        line_after = text[m.end() : m.end() + 40]
        ends = last_line[-1:] in (".", ":", ";", "|") if last_line else True
        ends = ends and not _ABBREV_END.search(last_line)
        ends = ends or (len(last_line) < 40 and text[token_starts[first]].isupper())
        blank = not last_line
        if ends or blank or _LIST_START.match(line_after) or " | " in line_after:
            starts.append(first)
    return starts


@Language.factory("sla_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[int]:
        return _nl_starts(doc)

    def set_annotations(self, doc: Doc, matches: list[int]) -> None:
        """`doc[i].is_sent_start = True` for each match, at once (the Token setter checks
        the whole doc for a parse on every call)."""
        if not matches:
            return
        if doc.has_annotation("DEP"):
            raise ValueError("sentence starts cannot be set on a parsed doc")
        values = doc.to_array([SENT_START])
        values[matches] = 1
        doc.from_array([SENT_START], values)


@functools.lru_cache(maxsize=64)
def _normalizer(label: str) -> Callable[[str], Any]:
    def time_range(text: str) -> tuple[str, str] | None:
        text = re.sub(r"^between\s+", "", text, flags=re.I)
        parts = re.split(r"\s*(?:-|\u2013|\u2014|\bto\b|\band\b|through|thru|until|till)\s*", text)
        parts = [p for p in parts if p.strip()]
        if len(parts) != 2:
            return None
        start, end = normalize.parse_clock(parts[0]), normalize.parse_clock(parts[1])
        if start and end and not re.search(r"[ap]\.?\s?m", parts[0], re.I):
            # "8-6 pm": a bare first hour takes the meridiem that keeps the range forward
            m = re.search(r"([ap])\.?\s?m", parts[1], re.I)
            if m and m.group(1).lower() == "p" and start > end:
                start = normalize.parse_clock(parts[0] + "pm")
        return (start, end) if start and end else None

    table: dict[str, Callable[[str], Any]] = {
        "PERCENT": normalize.parse_percent,
        "DURATION": normalize.parse_duration,
        "TIME_RANGE": time_range,
        "DAY_RANGE": normalize.normalize_days,
        "ZONE": normalize.normalize_zone,
        "ALWAYS": lambda text: True,
        "PRIORITY": normalize.priority_rank,
        "PERIOD": normalize.normalize_period,
    }
    return table.get(label, lambda text: text)


def load_quantity_patterns(path: Path) -> list[tuple[str, re.Pattern[str]]]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    blocks: dict[str, str] = {}
    for name, body in data.get("blocks", {}).items():
        blocks[name] = re.sub(r"\{([a-z]\w*)\}", lambda m: blocks[m.group(1)], body)
    out: list[tuple[str, re.Pattern[str]]] = []
    for label, regexes in data["labels"].items():
        for rx in regexes:
            full = re.sub(r"\{([a-z]\w*)\}", lambda m: blocks[m.group(1)], rx)
            out.append((label, re.compile(full, re.I | re.X | re.M)))
    return out


@Language.factory("sla_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder()


def _fast_variants(
    patterns: list[tuple[str, re.Pattern[str]]],
) -> list[tuple[Lowered | None, re.Pattern[str]]]:
    return [(lowered(rx), compile_fast(rx.pattern, rx.flags)) for _label, rx in patterns]


class QuantityFinder:
    """Finds percentages, durations, clock ranges, days, zones, priorities and periods."""

    def __init__(self) -> None:
        self.patterns: list[tuple[str, re.Pattern[str]]] = []
        # each pattern for lower-cased text (None if it cannot be) and for the text itself
        self.fast: list[tuple[Lowered | None, re.Pattern[str]]] = []

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
        nlp: Language | None = None, path: str | None = None,
    ) -> None:  # fmt: skip
        self.patterns = load_quantity_patterns(Path(path or PATTERNS_DIR / "quantities.yaml"))
        self.fast = _fast_variants(self.patterns)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        text = doc_text(doc)
        low = lower_text(text)
        if len(self.fast) != len(self.patterns):
            self.fast = _fast_variants(self.patterns)
        for (label, _rx), (fast, rx) in zip(self.patterns, self.fast, strict=True):
            matches = fast.finditer(low) if fast and low is not None else rx.finditer(text)
            found.extend((label, m.start(), m.end()) for m in matches if m.end() > m.start())
        # per label keep the longest of overlapping matches
        found.sort(key=lambda x: (x[0], x[1], -(x[2] - x[1])))
        kept: list[tuple[str, int, int]] = []
        for label, start, end in found:
            if kept and kept[-1][0] == label and start < kept[-1][2]:
                continue
            kept.append((label, start, end))
        return kept

    def set_annotations(self, doc: Doc, matches: list[tuple[str, int, int]]) -> None:
        spans = []
        text_of = doc_text(doc)
        # spans of one label over the same tokens share one value (the last set), as they
        # share one `sla_value` slot; a span of another label keeps its own ("one month"
        # is a DURATION and a PERIOD, and spaCy's slot may not tell them apart)
        values: dict[tuple[str, int, int], Any] = {}
        for label, start, end in matches:
            text = text_of[start:end]
            value = _normalizer(label)(text)
            if value is None:
                continue
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                continue
            span._.sla_value = value
            values[(label, span.start, span.end)] = value
            spans.append(span)
        doc.spans[QUANTITIES] = spans
        rows = [(sp.start, sp.end, sp.label_, sp.start_char, sp.end_char,
                 values[(sp.label_, sp.start, sp.end)]) for sp in spans]  # fmt: skip
        doc.user_data[(ROWS, QUANTITIES)] = rows


def _token_spec(piece: str, tokenize: Callable[[str], Doc]) -> list[dict[str, Any]]:
    if piece.startswith("re:"):
        return [{"LOWER": {"REGEX": f"^(?:{piece[3:]})$"}}]
    if piece == "_":
        return [{"OP": "?"}]
    if re.fullmatch(r"_\d", piece):
        return [{"OP": "?"}] * int(piece[1:])
    if re.search(r"[|?*+()\[\]\\]", piece):
        raise ValueError(f"cue pattern piece {piece!r} looks like a regex: prefix it with 're:'")
    return [{"LOWER": tok.lower_} for tok in tokenize(piece)]


def load_cue_patterns(path: Path, tokenize: Callable[[str], Doc]) -> dict[str, list[Any]]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    out: dict[str, list[Any]] = {}
    for label, phrases in data.items():
        out[label] = [
            [spec for piece in phrase.split() for spec in _token_spec(piece, tokenize)]
            for phrase in phrases
        ]
    return out


@Language.factory("sla_cues")
def make_cues(nlp: Language, name: str) -> CueMatcher:
    return CueMatcher(nlp)


class CueMatcher:
    """Cue phrases (what a sentence talks about) from token patterns (`TokenPatterns`
    finds what a spaCy Matcher over the same patterns finds, faster)."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.patterns = TokenPatterns({})

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
        nlp: Language | None = None, path: str | None = None,
    ) -> None:  # fmt: skip
        path_ = Path(path or PATTERNS_DIR / "cues.yaml")
        self.patterns = TokenPatterns(load_cue_patterns(path_, self.tokenizer))

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Matches over the doc's words with its whitespace tokens left out (a line break
        inside "force\nmajeure" is a token of its own), at the doc's token indices."""
        if not len(doc):
            return []
        lowers, spaces = doc.to_array([LOWER, IS_SPACE]).T.tolist()
        words = [i for i, space in enumerate(spaces) if not space]
        found = self.patterns.find([lowers[i] for i in words], self.vocab.strings)
        return [(label, words[start], words[end - 1] + 1) for label, start, end in found]

    def set_annotations(self, doc: Doc, matches: list[tuple[str, int, int]]) -> None:
        doc.spans[CUES] = [Span(doc, start, end, label=label) for label, start, end in matches]
        if matches:
            idx, length = doc.to_array([IDX, LENGTH]).T.tolist()
        doc.user_data[(ROWS, CUES)] = [
            (start, end, label, idx[start], idx[end - 1] + length[end - 1], None)
            for label, start, end in matches
        ]


class FastSentencizer(Sentencizer):
    """spaCy's punctuation sentencizer, its `predict` reading token arrays (spaCy's makes a
    Token object per token). Added under the name "sentencizer"."""

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        chars = frozenset(self.punct_chars)
        if getattr(self, "_punct", (None,))[0] != chars:
            self._punct = (chars, {get_string_id(c) for c in chars})
        return [_sentence_guesses(doc, self._punct[1]) for doc in docs]


def _sentence_guesses(doc: Doc, punct: set[int]) -> list[bool]:
    """spacy.pipeline.Sentencizer.predict for one doc."""
    guesses = [False] * len(doc)
    if not guesses:
        return guesses
    start, seen_period = 0, False
    guesses[0] = True
    orths, puncts = doc.to_array(ORTH).tolist(), doc.to_array(IS_PUNCT).tolist()
    for i, (orth, is_punct) in enumerate(zip(orths, puncts, strict=True)):
        in_punct = orth in punct
        if seen_period and not is_punct and not in_punct:
            guesses[start] = True
            start, seen_period = i, False
        elif in_punct:
            seen_period = True
    guesses[start] = True
    return guesses


@Language.factory("sla_sentencizer", default_config={"punct_chars": None, "overwrite": False})
def make_sentencizer(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool
) -> FastSentencizer:
    return FastSentencizer(name, punct_chars=punct_chars, overwrite=overwrite)


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built and initialised once per process."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sla_line_breaks")
    nlp.add_pipe("sla_sentencizer", name="sentencizer")
    nlp.add_pipe("sla_quantities")
    nlp.add_pipe("sla_cues")
    nlp.initialize()
    return nlp
