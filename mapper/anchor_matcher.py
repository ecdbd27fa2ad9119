"""Where spaCy Matcher token patterns start a match, without spaCy's per-token objects.

The measurability anchors only need to know *that* a pattern matches from a token (the
anchor and its first token), not every match. `StartMatcher` answers exactly that for
the simple patterns they use - token attributes LOWER, ORTH/TEXT and LIKE_NUM compared
to a value or `{IN: [...]}`, each token once or optional (`OP: "?"`) - on an array of the
doc's attributes, which is several times cheaper than `spacy.matcher.Matcher` on many
short docs. `supports(patterns)` says whether a pattern list is within that subset (the
caller keeps a spaCy Matcher for the rest).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.attrs import LIKE_NUM, LOWER, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc

COLUMNS = {"LOWER": 0, "ORTH": 1, "TEXT": 1, "LIKE_NUM": 2}
ATTRS = [LOWER, ORTH, LIKE_NUM]
Test = tuple[int, frozenset[int]]  # (column, accepted values)
Spec = tuple[tuple[Test, ...], bool]  # (tests, optional)


def supports(patterns: Sequence[Sequence[Mapping[str, Any]]]) -> bool:
    """True when every pattern is within the subset `StartMatcher` handles."""
    return all(_pattern_ok(p) for p in patterns)


def _pattern_ok(pattern: Sequence[Mapping[str, Any]]) -> bool:
    if not pattern or all(spec.get("OP") == "?" for spec in pattern):
        return False  # nothing required: leave it to spaCy
    return all(_spec_ok(spec) for spec in pattern)


def _spec_ok(spec: Mapping[str, Any]) -> bool:
    for key, value in spec.items():
        if key == "OP":
            if value != "?":
                return False
        elif key not in COLUMNS:
            return False
        elif key == "LIKE_NUM":
            if not isinstance(value, bool):
                return False
        elif isinstance(value, dict):
            if set(value) != {"IN"} or not all(isinstance(v, str) for v in value["IN"]):
                return False
        elif not isinstance(value, str):
            return False
    return bool(set(spec) - {"OP"})


class StartMatcher:
    """(name, first token) of every token pattern that matches; see the module doc."""

    def __init__(self, strings: StringStore) -> None:
        self.strings = strings
        self.patterns: list[tuple[str, tuple[Spec, ...]]] = []
        # per column: value of a required first token -> patterns that can start there
        self.entries: list[dict[int, list[int]]] = [{} for _ in ATTRS]
        self.anywhere: list[int] = []  # patterns with an optional first token

    def __len__(self) -> int:
        return len(self.patterns)

    def add(self, name: str, patterns: Sequence[Sequence[Mapping[str, Any]]]) -> None:
        for pattern in patterns:
            specs = tuple(self._spec(spec) for spec in pattern)
            index = len(self.patterns)
            self.patterns.append((name, specs))
            tests, optional = specs[0]
            if optional:
                self.anywhere.append(index)
                continue
            column, values = tests[0]  # every match starts with a token passing this test
            for value in values:
                self.entries[column].setdefault(value, []).append(index)

    def _spec(self, spec: Mapping[str, Any]) -> Spec:
        tests = []
        for key, value in spec.items():
            if key == "OP":
                continue
            if isinstance(value, bool):
                accepted = frozenset({int(value)})
            elif isinstance(value, dict):
                accepted = frozenset(self.strings.add(v) for v in value["IN"])
            else:
                accepted = frozenset({self.strings.add(value)})
            tests.append((COLUMNS[key], accepted))
        return tuple(tests), spec.get("OP") == "?"

    def __call__(self, doc: Doc) -> list[tuple[str, int]]:
        if not self.patterns or not len(doc):
            return []
        rows = doc.to_array(ATTRS).tolist()
        candidates = [(i, self.anywhere) for i in range(len(rows))] if self.anywhere else []
        for column, starting in zip(zip(*rows, strict=True), self.entries, strict=True):
            hit = starting.keys() & set(column) if starting else ()
            if hit:
                candidates += [(i, starting[v]) for i, v in enumerate(column) if v in hit]
        found = []
        for i, indices in candidates:
            for index in indices:
                name, specs = self.patterns[index]
                if _match(specs, 0, rows, i):
                    found.append((name, i))
        return found


def _match(specs: tuple[Spec, ...], k: int, rows: list[list[int]], j: int) -> bool:
    """Whether specs[k:] match from token j on (optional specs may match or be skipped)."""
    while k < len(specs):
        tests, optional = specs[k]
        ok = j < len(rows)
        if ok:
            row = rows[j]
            for column, accepted in tests:
                if row[column] not in accepted:
                    ok = False
                    break
        if optional:
            if ok and _match(specs, k + 1, rows, j + 1):
                return True
            k += 1
            continue
        if not ok:
            return False
        k += 1
        j += 1
    return True
