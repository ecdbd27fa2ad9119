"""Sets of half-open time intervals [start, end) in integer epoch seconds, vectorised.

An `Intervals` is always normalised: sorted, positive lengths, disjoint and not touching
(touching intervals are merged). Every operation is numpy work, no Python loop per interval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

I64 = npt.NDArray[np.int64]
_FAR = np.iinfo(np.int64).max // 4


def as_i64(values: object) -> I64:
    return np.asarray(values, dtype=np.int64).reshape(-1)


@dataclass(frozen=True, eq=False)
class Intervals:
    starts: I64
    ends: I64

    @staticmethod
    def empty() -> Intervals:
        return Intervals(np.empty(0, np.int64), np.empty(0, np.int64))

    @staticmethod
    def of(starts: object, ends: object) -> Intervals:
        """Normalise any interval list (unsorted, overlapping, empty ones allowed)."""
        s, e = as_i64(starts), as_i64(ends)
        keep = e > s
        s, e = s[keep], e[keep]
        if s.size == 0:
            return Intervals.empty()
        order = np.argsort(s, kind="stable")
        s, e = s[order], e[order]
        reach = np.maximum.accumulate(e)
        new = np.empty(s.size, dtype=bool)
        new[0] = True
        new[1:] = s[1:] > reach[:-1]
        first = np.flatnonzero(new)
        last = np.append(first[1:] - 1, s.size - 1)
        return Intervals(s[first], reach[last])

    def __len__(self) -> int:
        return int(self.starts.size)

    def total(self) -> int:
        return int((self.ends - self.starts).sum())

    def clip(self, lo: int, hi: int) -> Intervals:
        s = np.maximum(self.starts, lo)
        e = np.minimum(self.ends, hi)
        keep = e > s
        return Intervals(s[keep], e[keep])

    def intersect(self, other: Intervals) -> Intervals:
        if len(self) == 0 or len(other) == 0:
            return Intervals.empty()
        lo = np.searchsorted(other.ends, self.starts, side="right")
        hi = np.searchsorted(other.starts, self.ends, side="left")
        counts = np.maximum(hi - lo, 0)
        total = int(counts.sum())
        if total == 0:
            return Intervals.empty()
        a_idx = np.repeat(np.arange(len(self)), counts)
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        b_idx = np.repeat(lo, counts) + offsets
        s = np.maximum(self.starts[a_idx], other.starts[b_idx])
        e = np.minimum(self.ends[a_idx], other.ends[b_idx])
        keep = e > s
        return Intervals(s[keep], e[keep])

    def complement(self, lo: int, hi: int) -> Intervals:
        s = np.concatenate(([lo], self.ends))
        e = np.concatenate((self.starts, [hi]))
        return Intervals.of(s, e).clip(lo, hi)

    def subtract(self, other: Intervals) -> Intervals:
        if len(self) == 0 or len(other) == 0:
            return self
        lo, hi = int(self.starts[0]), int(self.ends[-1])
        return self.intersect(other.complement(lo, hi))

    def union(self, other: Intervals) -> Intervals:
        return Intervals.of(
            np.concatenate((self.starts, other.starts)), np.concatenate((self.ends, other.ends))
        )


@dataclass(frozen=True, eq=False)
class Timeline:
    """Prefix sums over an Intervals: seconds inside it before any instant, vectorised."""

    intervals: Intervals
    cum: I64  # cum[i] = seconds in intervals[:i]
    padded_starts: I64  # starts + a far sentinel

    @staticmethod
    def of(iv: Intervals) -> Timeline:
        cum = np.concatenate(([0], np.cumsum(iv.ends - iv.starts))).astype(np.int64)
        return Timeline(iv, cum, np.append(iv.starts, _FAR).astype(np.int64))

    def position(self, t: object) -> I64:
        """Seconds of the interval set lying before each instant t."""
        t = np.asarray(t, dtype=np.int64)
        i = np.searchsorted(self.intervals.ends, t, side="right")
        return self.cum[i] + np.maximum(t - self.padded_starts[i], 0)

    def measure_between(self, a: object, b: object) -> I64:
        """Seconds of the interval set inside [a, b) for each pair (0 when b <= a)."""
        return np.maximum(self.position(b) - self.position(a), 0)

    def measure_of(self, other: Intervals) -> int:
        """Seconds of `other` (normalised) that lie inside this interval set."""
        if len(other) == 0:
            return 0
        return int((self.position(other.ends) - self.position(other.starts)).sum())

    def advance(self, t: object, seconds: object) -> I64:
        """Earliest instant at which `seconds` inside the set have passed since t.

        Returns -1 where the answer lies beyond the last interval.
        """
        t = np.asarray(t, dtype=np.int64)
        secs = np.asarray(seconds, dtype=np.int64)
        if len(self.intervals) == 0:
            return np.where(secs == 0, t, -1).astype(np.int64)
        target = self.position(t) + secs
        j = np.searchsorted(self.cum[1:], target, side="left")
        inside = j < len(self.intervals)
        jj = np.minimum(j, len(self.intervals) - 1)
        out = np.maximum(self.intervals.starts[jj] + (target - self.cum[jj]), t)
        return np.where(secs == 0, t, np.where(inside, out, -1)).astype(np.int64)
