"""A token-pattern matcher for the cue phrases that finds exactly what spaCy's `Matcher`
finds for the pattern kinds `patterns/cues.yaml` can express, in the same order.

The kinds: a literal token (`{"LOWER": "word"}`), a token whose lower-case text matches a
regex (`{"LOWER": {"REGEX": "..."}}`) and an optional wildcard (`{"OP": "?"}`).

spaCy's Matcher starts every pattern at every token and calls the regex predicates once
per token and pattern state. Here each predicate runs once per distinct lower-case word
(the results are kept, like spaCy keeps lexemes), a pattern starts only at a token its
first element accepts, and the state machine is spaCy's own (`find_matches` /
`transition_states` / `finish_states` in spacy/matcher/matcher.pyx), so the matches and
their order are the same. tests/extractor/test_token_patterns.py checks that against
spaCy's Matcher on random token sequences.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from extractor.caseless import first_chars

Predicate = Callable[[str], bool]
State = tuple[int, int, int, int]  # pattern, element, start token, length

_CACHE_LIMIT = 200_000


def _literal(word: str) -> Predicate:
    return lambda lower: lower == word


def _regex(rx: re.Pattern[str]) -> Predicate:
    return lambda lower: rx.search(lower) is not None


def _any_of(regexes: Sequence[str]) -> re.Pattern[str] | None:
    """One regex that finds a match where any of `regexes` does (a quick no for most words),
    or None when they do not combine (groups referenced by number or name)."""
    if not regexes or any(re.search(r"\\\d|\(\?P[<=]", rx) for rx in regexes):
        return None
    try:
        return re.compile("|".join(f"(?:{rx})" for rx in regexes))
    except re.error:
        return None


class TokenPatterns:
    """Patterns per label, compiled once; `find(lowers, strings)` gives (label, start, end)."""

    def __init__(self, patterns: Mapping[str, Sequence[Sequence[Mapping[str, Any]]]]) -> None:
        self.labels: list[str] = []
        # per pattern and element: (optional, bit of its predicate or 0 for any token, final)
        self.steps: list[tuple[tuple[bool, int, bool], ...]] = []
        self.predicates: list[Predicate] = []
        self._pred_index: dict[tuple[str, str], int] = {}
        for label, pats in patterns.items():
            for pattern in pats:
                self._add(label, pattern)
        # per pattern: (bit of its last element, its length) when it starts with a required
        # token and ends with one, so that last token lies in the next length - 1 tokens
        self._last = [
            (steps[-1][1], len(steps))
            if len(steps) > 1 and not steps[0][0] and not steps[-1][0]
            else (0, 0)
            for steps in self.steps
        ]
        self._any_regex = _any_of([rx for kind, rx in self._pred_index if kind == "re"])
        self._literal_mask: dict[str, int] = {}
        for (kind, word), k in self._pred_index.items():
            if kind == "eq":
                self._literal_mask[word] = self._literal_mask.get(word, 0) | 1 << k
        self._by_lower: dict[int, tuple[int, tuple[int, ...]]] = {}
        # regex predicates (bit, regex, the characters a match starts with or None), and
        # per first character of a word the ones that may match it
        self._regexes = [
            (k, re.compile(rx), first_chars(rx))
            for (kind, rx), k in self._pred_index.items()
            if kind == "re"
        ]
        self._by_first: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        # patterns that may start at any token (first element optional or a wildcard), and
        # per predicate bit the patterns whose first element needs it
        self._open_starts: list[int] = []
        self._starts_by_bit: dict[int, list[int]] = {}
        for j, steps in enumerate(self.steps):
            optional, bit, _final = steps[0]
            if optional or not bit:
                self._open_starts.append(j)
            else:
                self._starts_by_bit.setdefault(bit, []).append(j)

    def _add(self, label: str, pattern: Sequence[Mapping[str, Any]]) -> None:
        if not pattern:
            raise ValueError(f"cue pattern of {label!r} is empty")
        elements = [self._element(label, spec) for spec in pattern]
        self.labels.append(label)
        self.steps.append(tuple(
            (opt, 0 if p < 0 else 1 << p, k == len(elements) - 1)
            for k, (opt, p) in enumerate(elements)
        ))  # fmt: skip

    def _element(self, label: str, spec: Mapping[str, Any]) -> tuple[bool, int]:
        op = spec.get("OP", "1")
        rest = {k: v for k, v in spec.items() if k != "OP"}
        if op not in ("1", "?") or set(rest) - {"LOWER"} or (op == "?" and rest):
            raise ValueError(f"cue pattern of {label!r}: token spec {dict(spec)!r} not supported")
        if not rest:
            return op == "?", -1
        value = rest["LOWER"]
        if isinstance(value, str):
            return False, self._predicate(("eq", value), lambda: _literal(value))
        if isinstance(value, Mapping) and set(value) == {"REGEX"}:
            rx = str(value["REGEX"])
            return False, self._predicate(("re", rx), lambda: _regex(re.compile(rx)))
        raise ValueError(f"cue pattern of {label!r}: token spec {dict(spec)!r} not supported")

    def _predicate(self, key: tuple[str, str], make: Callable[[], Predicate]) -> int:
        if key not in self._pred_index:
            self._pred_index[key] = len(self.predicates)
            self.predicates.append(make())
        return self._pred_index[key]

    def _learn(self, key: int, lower: str) -> tuple[int, tuple[int, ...]]:
        """The predicates a lower-case word satisfies (bit mask), the patterns it starts."""
        mask = self._literal_mask.get(lower, 0)
        if self._any_regex is None or self._any_regex.search(lower):
            for k, rx in self._regex_candidates(lower[:1]):
                if rx.search(lower):
                    mask |= 1 << k
        starts = self._starts_of(mask)
        if len(self._by_lower) >= _CACHE_LIMIT:
            self._by_lower.clear()
        self._by_lower[key] = (mask, starts)
        return mask, starts

    def _starts_of(self, mask: int) -> tuple[int, ...]:
        """The patterns a word with predicate bits `mask` can start, in pattern order."""
        found = list(self._open_starts)
        while mask:
            low = mask & -mask
            found += self._starts_by_bit.get(low, ())
            mask ^= low
        return tuple(sorted(found))

    def _regex_candidates(self, first: str) -> list[tuple[int, re.Pattern[str]]]:
        """The regex predicates a word starting with `first` may satisfy."""
        found = self._by_first.get(first)
        if found is None:
            found = [(k, rx) for k, rx, chars in self._regexes if chars is None or first in chars]
            self._by_first[first] = found
        return found

    def find(self, lowers: Sequence[int], strings: Any) -> list[tuple[str, int, int]]:
        """Matches over tokens given by their LOWER ids (`strings[id]` is the text), as
        spaCy's Matcher returns them: deduplicated (label, start, end), no empty match."""
        by_lower = self._by_lower
        entries = [by_lower.get(key) or self._learn(key, strings[key]) for key in lowers]
        masks = [mask for mask, _starts in entries]
        last = self._last
        states: list[State] = []
        raw: list[tuple[int, int, int]] = []
        for i, (mask, starts) in enumerate(entries):
            if not states and not starts:
                continue
            reach: dict[int, int] = {}  # window size -> the predicates its tokens satisfy
            for j in starts:
                bit, size = last[j]
                if bit:  # a start whose last element matches no token in reach cannot match
                    if size not in reach:
                        reach[size] = functools.reduce(operator.or_, masks[i + 1 : i + size], 0)
                    if not reach[size] & bit:
                        continue
                states.append((j, 0, i, 0))
            states = self._transition(states, mask, raw)
        self._finish(states, raw)
        return self._dedup(raw)

    def _transition(
        self, states: list[State], mask: int, raw: list[tuple[int, int, int]]
    ) -> list[State]:
        kept: list[State] = []
        new: list[State] = []
        steps = self.steps
        for j, idx, start, length in states:
            pattern = steps[j]
            optional, bit, final = pattern[idx]
            while optional and not final:
                if not bit or mask & bit:  # RETRY_ADVANCE: also the token with the next element
                    new.append((j, idx + 1, start, length + 1))
                idx += 1  # RETRY
                optional, bit, final = pattern[idx]
            is_match = not bit or mask & bit
            if optional:  # final optional element: MATCH_DOUBLE or MATCH_REJECT
                if is_match and length > 0:
                    raw.append((j, start, length))
                raw.append((j, start, length + 1 if is_match else length))
            elif is_match and final:  # MATCH
                raw.append((j, start, length + 1))
            elif is_match:  # ADVANCE
                kept.append((j, idx + 1, start, length + 1))
        kept.extend(new)
        return kept

    def _finish(self, states: list[State], raw: list[tuple[int, int, int]]) -> None:
        """States waiting on optional elements at the end of the doc end there."""
        for j, idx, start, length in states:
            while self.steps[j][idx][0]:
                if self.steps[j][idx][2]:
                    raw.append((j, start, length))
                    break
                idx += 1

    def _dedup(self, raw: list[tuple[int, int, int]]) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        seen: set[tuple[str, int, int]] = set()
        for j, start, length in raw:
            match = (self.labels[j], start, start + length)
            if length > 0 and match not in seen:
                seen.add(match)
                out.append(match)
        return out
