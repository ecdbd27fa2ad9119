"""The spaCy rule pipeline: `spacy.blank("en")` plus our own components.

Components (each `__call__` is `matches = self.match(doc); self.set_annotations(doc, matches)`):
- `sla_line_breaks`: a line that starts a list item or follows a line ending in
  `.`, `:` or `;` starts a sentence (runs before the sentencizer, which keeps it).
- `sentencizer`: spaCy's punctuation sentencizer.
- `sla_quantities`: regexes from `patterns/quantities.yaml` -> `doc.spans["sla_quantities"]`,
  each span's normalised value on `Span._.sla_value`.
- `sla_cues`: token patterns from `patterns/cues.yaml` (a spaCy Matcher) ->
  `doc.spans["sla_cues"]`.

Patterns are read in `initialize`; `get_nlp()` builds and initialises the pipeline once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from extractor import normalize

PATTERNS_DIR = Path(__file__).parent / "patterns"
QUANTITIES = "sla_quantities"
CUES = "sla_cues"

if not Span.has_extension("sla_value"):
    Span.set_extension("sla_value", default=None)

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


def _nl_starts(doc: Doc) -> list[int]:
    """Token indices that start a sentence because of the line layout."""
    starts: list[int] = []
    text = doc.text
    for m in re.finditer(r"\n[ \t]*(?=\S)", text):
        nxt = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if nxt is None or nxt.start == 0:
            continue
        first = nxt[0]
        line_start = text.rfind("\n", 0, m.start()) + 1
        last_line = text[line_start : m.start()].strip()
        line_after = text[m.end() : m.end() + 40]
        ends = last_line[-1:] in (".", ":", ";", "|") if last_line else True
        ends = ends and not _ABBREV_END.search(last_line)
        ends = ends or (len(last_line) < 40 and first.text[:1].isupper())
        blank = not last_line
        if ends or blank or _LIST_START.match(line_after) or " | " in line_after:
            starts.append(first.i)
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
        for i in matches:
            doc[i].is_sent_start = True


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
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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


class QuantityFinder:
    """Finds percentages, durations, clock ranges, days, zones, priorities and periods."""

    def __init__(self) -> None:
        self.patterns: list[tuple[str, re.Pattern[str]]] = []

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
        nlp: Language | None = None, path: str | None = None,
    ) -> None:  # fmt: skip
        self.patterns = load_quantity_patterns(Path(path or PATTERNS_DIR / "quantities.yaml"))

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        text = doc.text
        for label, rx in self.patterns:
            found.extend((label, m.start(), m.end()) for m in rx.finditer(text) if m.group())
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
        doc_text = doc.text
        for label, start, end in matches:
            text = doc_text[start:end]
            value = _normalizer(label)(text)
            if value is None:
                continue
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                continue
            span._.sla_value = value
            spans.append(span)
        doc.spans[QUANTITIES] = spans


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
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
    """Cue phrases (what a sentence talks about) from a token Matcher."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.matcher = Matcher(nlp.vocab)

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
        nlp: Language | None = None, path: str | None = None,
    ) -> None:  # fmt: skip
        self.matcher = Matcher(self.vocab)
        patterns = load_cue_patterns(Path(path or PATTERNS_DIR / "cues.yaml"), self.tokenizer)
        for label, pats in patterns.items():
            self.matcher.add(label, pats)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        return list(self.matcher(doc))

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        doc.spans[CUES] = [Span(doc, start, end, label=key) for key, start, end in matches]


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built and initialised once per process."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sla_line_breaks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sla_quantities")
    nlp.add_pipe("sla_cues")
    nlp.initialize()
    return nlp
