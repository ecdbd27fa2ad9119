"""Word automatic numbering (numbering.xml) reconstructed as text labels such as "4.2" or "(a)".

Pure lxml over the parts python-docx hands us; no python-docx import here. Counters are
kept per abstract numbering definition (Word continues a list across `w:num` instances
that share one), or per `w:num` when that instance overrides its start values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
MAX_LEVELS = 9
_BULLET = "•"


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False


@dataclass
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)


def _val(element: Any, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return None if child is None else child.get(W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _roman(number: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letter(number: int) -> str:
    if number < 1:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    """One counter in a Word number format (unknown formats fall back to decimal)."""
    if fmt == "lowerLetter":
        return _letter(number)
    if fmt == "upperLetter":
        return _letter(number).upper()
    if fmt == "lowerRoman":
        return _roman(min(number, 3999))
    if fmt == "upperRoman":
        return _roman(min(number, 3999)).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


class Numbering:
    """Turns (numId, ilvl) of successive paragraphs into their labels, in document order."""

    def __init__(self, numbering_root: Any | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        if numbering_root is not None:
            self._load(numbering_root)

    def _load(self, root: Any) -> None:
        for abstract in root.iterfind(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iterfind(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0)
                levels[ilvl] = Level(
                    start=_int(_val(lvl, "start"), 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    legal=lvl.find(W + "isLgl") is not None,
                )
            self._abstract[abstract.get(W + "abstractNumId") or ""] = levels
        for num in root.iterfind(W + "num"):
            starts = {}
            for override in num.iterfind(W + "lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    starts[_int(override.get(W + "ilvl"), 0)] = _int(start, 1)
            abstract = _val(num, "abstractNumId") or ""
            self._instances[num.get(W + "numId") or ""] = _Instance(abstract, starts)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counters for one numbered paragraph and return its label ('' if none)."""
        instance = self._instances.get(num_id)
        if instance is None or not 0 <= ilvl < MAX_LEVELS:
            return ""
        levels = self._abstract.get(instance.abstract, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = f"n{num_id}" if instance.starts else f"a{instance.abstract}"
        counters = self._counters.setdefault(key, [None] * MAX_LEVELS)
        start = instance.starts.get(ilvl, level.start)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counters[deeper] = None
        for shallower in range(ilvl):
            if counters[shallower] is None:
                outer = levels.get(shallower, Level())
                counters[shallower] = instance.starts.get(shallower, outer.start)
        if level.fmt == "bullet":
            return _BULLET
        return self._render(level, levels, counters)

    @staticmethod
    def _render(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
        text = level.text
        for k in range(MAX_LEVELS, 0, -1):
            placeholder = f"%{k}"
            if placeholder in text:
                value = counters[k - 1] or 0
                fmt = "decimal" if level.legal else levels.get(k - 1, Level()).fmt
                text = text.replace(placeholder, format_number(value, fmt))
        return text.strip()
