"""Performance data held as numpy columns (epoch seconds); io.py fills them from CSV."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from measurement.intervals import I64

MISSING = np.iinfo(np.int64).min  # an absent timestamp (no first_response, not resolved)


@dataclass(frozen=True, eq=False)
class Outages:
    service: list[str]
    start: I64
    end: I64
    category: list[str]

    def __len__(self) -> int:
        return len(self.service)

    def for_service(self, service: str) -> Outages:
        idx = [i for i, s in enumerate(self.service) if s == service]
        return self.take(np.asarray(idx, dtype=np.int64))

    def take(self, idx: I64) -> Outages:
        return Outages(
            [self.service[i] for i in idx],
            self.start[idx],
            self.end[idx],
            [self.category[i] for i in idx],
        )


@dataclass(frozen=True, eq=False)
class Tickets:
    id: list[str]
    customer: list[str]
    service: list[str]
    priority: list[str]
    created: I64
    first_response: I64  # MISSING where empty
    resolved: I64  # MISSING where empty

    def __len__(self) -> int:
        return len(self.id)

    def for_service(self, customer: str, service: str) -> Tickets:
        idx = [
            i
            for i in range(len(self.id))
            if self.customer[i] == customer and self.service[i] == service
        ]
        return self.take(np.asarray(idx, dtype=np.int64))

    def take(self, idx: I64) -> Tickets:
        def pick(col: list[str]) -> list[str]:
            return [col[i] for i in idx]

        return Tickets(
            pick(self.id),
            pick(self.customer),
            pick(self.service),
            pick(self.priority),
            self.created[idx],
            self.first_response[idx],
            self.resolved[idx],
        )


@dataclass(frozen=True, eq=False)
class Pauses:
    ticket_id: list[str]
    start: I64
    end: I64

    def __len__(self) -> int:
        return len(self.ticket_id)

    def for_tickets(self, ids: set[str]) -> Pauses:
        idx = np.asarray([i for i, t in enumerate(self.ticket_id) if t in ids], dtype=np.int64)
        return Pauses([self.ticket_id[i] for i in idx], self.start[idx], self.end[idx])

    def by_ticket(self) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for t, s, e in zip(self.ticket_id, self.start.tolist(), self.end.tolist(), strict=True):
            out.setdefault(t, []).append((s, e))
        return out


def empty_outages() -> Outages:
    return Outages([], np.empty(0, np.int64), np.empty(0, np.int64), [])


def empty_tickets() -> Tickets:
    z = np.empty(0, np.int64)
    return Tickets([], [], [], [], z, z.copy(), z.copy())


def empty_pauses() -> Pauses:
    return Pauses([], np.empty(0, np.int64), np.empty(0, np.int64))
