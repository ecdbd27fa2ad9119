"""What the rules see: sentences with their quantities and cues, at document offsets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from extractor.types import Clause


@dataclass(frozen=True, slots=True)
class Item:
    """A quantity or a cue: its label, [start, end) in the document text, and value."""

    label: str
    start: int
    end: int
    text: str
    value: Any = None
    token: int = 0  # index of its first token in the sentence (for token distances)


@dataclass(slots=True)
class Context:
    """Where a sentence sits: clause, heading, service named there, amendment in force."""

    clause: Clause | None = None
    heading: str = ""
    service: str | None = None
    amends: str | None = None
    in_exclusions: bool = False
    list_kind: str | None = None  # ticket target kind an introducing sentence gave a list


@dataclass(slots=True)
class Sent:
    start: int
    end: int
    text: str
    quantities: list[Item] = field(default_factory=list)
    cues: list[Item] = field(default_factory=list)
    ctx: Context = field(default_factory=Context)
    block: int = 0

    def q(self, label: str) -> list[Item]:
        return [i for i in self.quantities if i.label == label]

    def c(self, label: str) -> list[Item]:
        return [i for i in self.cues if i.label == label]

    def has(self, *labels: str) -> bool:
        return any(i.label in labels for i in self.cues) or any(
            i.label in labels for i in self.quantities
        )

    def cues_between(self, start: int, end: int, *labels: str) -> Iterator[Item]:
        for cue in self.cues:
            if cue.label in labels and cue.start >= start and cue.end <= end:
                yield cue

    def before(self, item: Item, chars: int) -> str:
        """Lower-case text up to `chars` characters before `item`, inside this sentence."""
        return self.text[max(0, item.start - self.start - chars) : item.start - self.start].lower()

    def after(self, item: Item, chars: int) -> str:
        return self.text[item.end - self.start : item.end - self.start + chars].lower()

    def found(
        self, kind: str, attrs: dict[str, Any], confidence: float, *items: Item | None
    ) -> Found:
        """A term of this sentence whose span covers the evidence `items` (the first is the
        key item that decides which service is meant), or the whole sentence without any."""
        used = [i for i in items if i is not None]
        start = min((i.start for i in used), default=self.start)
        end = max((i.end for i in used), default=self.end)
        key = used[0].start if used else self.start
        return Found(kind, attrs, start, end, confidence, self.ctx, key, self.start)


@dataclass(slots=True)
class Found:
    """A term the rules propose, before it becomes a `Term` (span fixed at the end)."""

    kind: str
    attrs: dict[str, Any]
    start: int
    end: int
    confidence: float
    ctx: Context = field(default_factory=Context)
    key: int = -1  # offset of the key evidence (for choosing among named services)
    sent_start: int = -1  # start of the sentence it came from (-1: a table row)
