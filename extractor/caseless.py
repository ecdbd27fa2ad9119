"""Run case-insensitive regexes on lower-cased text, where Python's engine is ~2-3x faster.

`lowered(rx)` rewrites a regex compiled with `re.IGNORECASE` into a case-sensitive one
over lower-case text: literals become lower case, character classes gain the lower-case
image of their upper-case letters. `lower_text(text)` gives `text.lower()` when that is
safe: same length, and every character outside ASCII is uncased (so lower-casing changes
only ASCII letters, for which IGNORECASE means exactly "same lower case"). The rewritten
regex also tells the engine the characters a match can start with. Then
`lowered(rx).finditer(lower_text(text))` finds the same spans as `rx.finditer(text)`,
and skips the text at once when it lacks every string that each match must contain.
A regex this cannot rewrite (scoped case flags, back-references, cased non-ASCII
literals) gives None, and a text that is not safe gives None: callers use `rx` on `text`.
tests/extractor/test_caseless.py checks the equivalence on generated texts.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

try:  # Python >= 3.11
    from re import _compiler as sre_compile  # type: ignore[attr-defined]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_compile  # type: ignore[no-redef]
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_C = sre_constants
_UPPER = (ord("A"), ord("Z"))
_CASE_FLAGS = re.IGNORECASE | re.LOCALE | re.ASCII
_COMPILE_LOCK = threading.Lock()


class _Unsupported(Exception):
    pass


@functools.lru_cache(maxsize=4096)
def _uncased(code: int) -> bool:
    ch = chr(code)
    return ch.lower() == ch == ch.upper() and ch.casefold() == ch


def _literal(code: int) -> int:
    if code < 128:
        return ord(chr(code).lower())
    if _uncased(code):
        return code
    raise _Unsupported(f"cased non-ASCII literal {chr(code)!r}")


def _charset(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is _C.LITERAL:
            out.append((op, _literal(av)))
        elif op is _C.RANGE:
            lo, hi = av
            if hi >= 128 and (hi - max(lo, 128) > 4096
                              or not all(map(_uncased, range(max(lo, 128), hi + 1)))):  # fmt: skip
                raise _Unsupported("character range with cased non-ASCII characters")
            out.append((op, av))
            a, b = max(lo, _UPPER[0]), min(hi, _UPPER[1])
            if a <= b:
                out.append((op, (a + 32, b + 32)))
        elif op in (_C.NEGATE, _C.CATEGORY):
            out.append((op, av))
        else:
            raise _Unsupported(f"character set item {op}")
    return out


def _rewrite(sub: Any) -> None:
    """Rewrite a parsed (sub)pattern in place for lower-case text."""
    for k, (op, av) in enumerate(sub.data):
        if op in (_C.LITERAL, _C.NOT_LITERAL):
            sub.data[k] = (op, _literal(av))
        elif op is _C.IN:
            sub.data[k] = (op, _charset(av))
        elif op is _C.BRANCH:
            for branch in av[1]:
                _rewrite(branch)
        elif op is _C.SUBPATTERN:
            _group, add_flags, del_flags, inner = av
            if (add_flags | del_flags) & _CASE_FLAGS:
                raise _Unsupported("scoped case flag")
            _rewrite(inner)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            _rewrite(av[2])
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            _rewrite(av[1])
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            _rewrite(av)
        elif op not in (_C.AT, _C.ANY):
            raise _Unsupported(f"regex operator {op}")


def _needs(sub: Any) -> frozenset[str] | None:
    """Strings one of which occurs in every match of a parsed pattern (None: no such set):
    a run of literals, a small set of characters, a needed part of each branch."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in sub.data:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        found = _item_needs(op, av)
        if found:
            options.append(found)
    if run:
        options.append(frozenset([run]))
    best = max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)
    # a string holding another of the set is present only where that one is: drop it
    return best and frozenset(s for s in best if not any(t != s and t in s for t in best))


def _item_needs(op: Any, av: Any) -> frozenset[str] | None:
    if op is _C.IN and len(av) <= 8 and all(o is _C.LITERAL for o, _a in av):
        return frozenset(chr(a) for _o, a in av)
    if op is _C.BRANCH:
        branches = [_needs(b) for b in av[1]]
        return frozenset().union(*branches) if all(branches) else None  # type: ignore[arg-type]
    if op is _C.SUBPATTERN:
        return _needs(av[3])
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
        return _needs(av[2])
    return None


class _AnyChar(Exception):
    pass


def _first_seq(items: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """(the character-set items a match of `items` can start with, may it be empty)."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        first, nullable = _first_item(op, av)
        out += first
        if not nullable:
            return out, False
    return out, True


def _first_item(op: Any, av: Any) -> tuple[list[tuple[Any, Any]], bool]:
    if op is _C.LITERAL:
        return [(op, av)], False
    if op is _C.IN and not any(o is _C.NEGATE for o, _a in av):
        return list(av), False
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return [], True
    if op is _C.BRANCH:
        firsts = [_first_seq(b.data) for b in av[1]]
        return [i for f, _n in firsts for i in f], any(n for _f, n in firsts)
    if op is _C.SUBPATTERN:
        first, nullable = _first_seq(av[3].data)
        return (_case_closed(first) if av[1] & re.IGNORECASE else first), nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
        first, nullable = _first_seq(av[2].data)
        return first, nullable or av[0] == 0
    raise _AnyChar


def _start_set(parsed: Any) -> list[tuple[Any, Any]]:
    """The characters a match of a (case-sensitive) parsed pattern starts with, or []."""
    try:
        if parsed.getwidth()[0] > 0:
            chars, nullable = _first_seq(parsed.data)
            return [] if nullable else chars
    except _AnyChar:
        pass
    return []


def _compile(parsed: Any, flags: int, first: list[tuple[Any, Any]]) -> re.Pattern[str]:
    """Compile a parsed pattern, telling the engine which characters a match starts with
    (sre finds a start-set only when the pattern begins with a character class, not after
    a look-behind or \\b; with it, the search skips other positions in C)."""
    original = getattr(sre_compile, "_get_charset_prefix", None)
    if not first or original is None:
        return sre_compile.compile(parsed, flags)  # type: ignore[no-any-return]

    def charset_prefix(pattern: Any, flags: int) -> Any:
        return first if pattern is parsed else original(pattern, flags)

    with _COMPILE_LOCK:
        sre_compile._get_charset_prefix = charset_prefix
        try:
            return sre_compile.compile(parsed, flags)  # type: ignore[no-any-return]
        finally:
            sre_compile._get_charset_prefix = original


# the characters outside ASCII that IGNORECASE matches to an ASCII letter (checked by
# tests/extractor/test_caseless.py against every code point)
ASCII_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _case_closed(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A start set for a case-insensitive regex: every character IGNORECASE matches."""
    letters: set[str] = set()
    out = list(items)
    for op, av in items:
        if op is _C.LITERAL or op is _C.RANGE:
            lo, hi = (av, av) if op is _C.LITERAL else av
            if hi >= 128 and (hi - max(lo, 128) > 4096
                              or not all(map(_uncased, range(max(lo, 128), hi + 1)))):  # fmt: skip
                raise _AnyChar
            letters |= {chr(c).lower() for c in range(lo, min(hi, 127) + 1) if chr(c).isalpha()}
        elif op is not _C.CATEGORY:
            raise _AnyChar
    for letter in sorted(letters):
        for ch in letter + letter.upper() + ASCII_FOLDS.get(letter, ""):
            out.append((_C.LITERAL, ord(ch)))
    return out


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, told which characters a match can start with when
    sre cannot see it (a pattern opening with \\b, a look-behind or a group): the search
    then skips other positions in C. Finds the same matches (tests/extractor/test_caseless.py)."""
    rx = re.compile(pattern, flags)
    if not isinstance(pattern, str) or flags & (re.LOCALE | re.ASCII):
        return rx
    try:
        parsed = sre_parse.parse(pattern, rx.flags)
        first, nullable = _first_seq(parsed.data)
        if nullable or not first or parsed.getwidth()[0] == 0:
            return rx
        if rx.flags & re.IGNORECASE:
            first = _case_closed(first)
    except (_AnyChar, re.error, AttributeError, TypeError, ValueError):
        return rx
    return _compile(parsed, rx.flags, first)


def first_chars(pattern: str, flags: int = 0, limit: int = 512) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None when that is not a
    small known set (a match may be empty or start with any character, a class such as
    \\w, more than `limit` characters)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
        if parsed.getwidth()[0] == 0:
            return None
        first, nullable = _first_seq(parsed.data)
        if nullable or not first:
            return None
        if flags & re.IGNORECASE:
            first = _case_closed(first)
    except (_AnyChar, re.error, AttributeError, TypeError, ValueError):
        return None
    chars: set[str] = set()
    for op, av in first:
        if op is _C.LITERAL:
            chars.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < limit:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
        if len(chars) > limit:
            return None
    return frozenset(chars)


@dataclass(frozen=True)
class Lowered:
    """A case-insensitive regex rewritten for lower-cased text (see the module doc)."""

    regex: re.Pattern[str]
    needs: frozenset[str] | None  # one of these occurs in (the lower case of) every match

    def finditer(self, low: str) -> Iterator[re.Match[str]]:
        """`regex.finditer(low)`, skipped at once when `low` lacks every needed string."""
        if self.needs is not None and not any(s in low for s in self.needs):
            return iter(())
        return self.regex.finditer(low)


def lowered(rx: re.Pattern[str]) -> Lowered | None:
    """`rx` (case-insensitive) as a case-sensitive regex over lower-cased text, or None."""
    flags = rx.flags
    if not isinstance(rx.pattern, str) or not flags & re.IGNORECASE or flags & re.LOCALE:
        return None
    if flags & re.ASCII:
        return None
    try:
        parsed = sre_parse.parse(rx.pattern, flags)
        _rewrite(parsed)
        parsed.state.flags &= ~re.IGNORECASE
        needs = _needs(parsed)
        compiled = _compile(parsed, flags & ~re.IGNORECASE, _start_set(parsed))
    except (_Unsupported, re.error, AttributeError, TypeError, ValueError):
        return None
    return Lowered(compiled, needs)


def lower_text(text: str) -> str | None:
    """`text.lower()` when a `lowered` regex may run on it in place of `text`, else None."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if not text.isascii() and not all(map(_uncased, {ord(c) for c in text if ord(c) >= 128})):
        return None
    return low
