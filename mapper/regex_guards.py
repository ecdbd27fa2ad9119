"""Which guarded regex groups of the measurability anchors run on a line.

A group of anchor regexes runs on a line only when one of its guard strings is in the
line's lower-cased text (" <digit>" is appended when the line holds a digit); a group
without a guard always runs. `GuardIndex.guarded(text)` decides that for one text;
`GuardIndex.line_groups(lines)` gives the same answer for every line of a document with
one scan per guard string over all the lines, instead of every guard on every line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

DIGIT = re.compile(r"\d")


def guard_text(text: str) -> str:
    """What guards are looked up in: the lower-cased text, plus " <digit>" when it holds
    a digit."""
    lowered = text.lower()
    return lowered + " <digit>" if DIGIT.search(text) else lowered


class GuardIndex:
    """Guard strings of regex groups 0..n-1 (in the caller's order)."""

    def __init__(self, guards: Sequence[tuple[str, ...]]) -> None:
        self.guards = list(guards)
        self.unguarded: list[int] = []  # no guard (or an empty string in it): always open
        self.index: dict[str, list[int]] = {}  # guard string -> groups it opens
        for i, guard in enumerate(self.guards):
            if not guard or not all(guard):
                self.unguarded.append(i)
                continue
            for g in guard:
                if "\n" not in g:  # a line holds no newline: such a guard never holds
                    self.index.setdefault(g, []).append(i)

    def guarded(self, text: str) -> list[int]:
        """The groups whose guard holds in `text`, in order."""
        lowered = guard_text(text)
        return [
            i
            for i, guard in enumerate(self.guards)
            if not guard or any(map(lowered.__contains__, guard))
        ]

    def line_groups(self, lines: Sequence[str]) -> list[list[int]]:
        """`guarded(line)` for each line (none holds a newline)."""
        if not lines:
            return []
        keyed = [guard_text(line) for line in lines]
        joined = "\n".join(keyed)  # no indexed guard holds a newline: a hit is in one line
        starts = list(itertools.accumulate((len(k) + 1 for k in keyed[:-1]), initial=0))
        found: list[set[int]] = [set() for _ in lines]
        for guard, groups in self.index.items():
            at = joined.find(guard)
            while at >= 0:
                line = bisect.bisect_right(starts, at) - 1
                found[line].update(groups)
                end = starts[line + 1] if line + 1 < len(starts) else len(joined)
                at = joined.find(guard, end)
        return [sorted([*self.unguarded, *groups]) for groups in found]
