"""CSV readers for outages.csv, tickets.csv, ticket_pauses.csv, and input hashes.

Every row is checked; any problem -> one InputDataError listing `file:line: column 'x': …`
for each bad cell, and nothing of the file is returned (no partial import). Timestamps are
ISO-8601 with a UTC offset (or Z); they are kept as whole epoch seconds (fractions of a
second are dropped).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from measurement.data import MISSING, Outages, Pauses, Tickets
from measurement.errors import InputDataError
from measurement.sla import EXCLUSION_CATEGORIES, SLA, sla_canonical_json

OUTAGE_COLUMNS = ("service", "start", "end", "category")
TICKET_COLUMNS = ("id", "customer", "service", "priority", "created", "first_response", "resolved")
PAUSE_COLUMNS = ("ticket_id", "start", "end")


class _Rows:
    """Row iterator that records problems as `file:line: column 'c': message`."""

    def __init__(self, text: str, name: str, columns: tuple[str, ...]) -> None:
        self.name = name
        self.problems: list[str] = []
        self.reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip() for h in (self.reader.fieldnames or [])]
        self.reader.fieldnames = header
        missing = [c for c in columns if c not in header]
        if missing:
            self.problems.append(
                f"{name}:1: header lacks column(s) {', '.join(missing)}; "
                f"expected {','.join(columns)}"
            )

    def __iter__(self) -> Iterator[dict[str, str]]:
        if self.problems:
            return
        for row in self.reader:
            if None in row:
                self.bad("(row)", "more cells than header columns")
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}

    @property
    def line(self) -> int:
        return self.reader.line_num

    def bad(self, column: str, message: str) -> None:
        self.problems.append(f"{self.name}:{self.line}: column '{column}': {message}")

    def time(self, row: dict[str, str], column: str, *, required: bool = True) -> int:
        value = row.get(column, "")
        if not value:
            if required:
                self.bad(column, "empty; a timestamp such as 2026-10-01T09:00:00+00:00 is needed")
            return MISSING
        try:
            dt = datetime.fromisoformat(value)
        except ValueError:
            self.bad(column, f"'{value}' is not an ISO-8601 timestamp")
            return MISSING
        if dt.tzinfo is None:
            self.bad(column, f"'{value}' has no UTC offset; add one, e.g. {value}+00:00")
            return MISSING
        return int(dt.timestamp() // 1)

    def text(self, row: dict[str, str], column: str) -> str:
        value = row.get(column, "")
        if not value:
            self.bad(column, "empty")
        return value

    def order(self, row: dict[str, str], a: str, b: str, ta: int, tb: int) -> None:
        if ta != MISSING and tb != MISSING and tb < ta:
            self.bad(b, f"{row[b]} is before {a} {row[a]}")

    def finish(self) -> None:
        if self.problems:
            raise InputDataError(self.problems)


def _i64(values: list[int]) -> np.ndarray:
    return np.asarray(values, dtype=np.int64)


def parse_outages(text: str, name: str = "outages.csv") -> Outages:
    rows = _Rows(text, name, OUTAGE_COLUMNS)
    svc: list[str] = []
    start: list[int] = []
    end: list[int] = []
    cat: list[str] = []
    for row in rows:
        s, e = rows.time(row, "start"), rows.time(row, "end")
        rows.order(row, "start", "end", s, e)
        c = row.get("category", "")
        if c and c not in EXCLUSION_CATEGORIES:
            rows.bad("category", f"'{c}' is not empty or one of {', '.join(EXCLUSION_CATEGORIES)}")
        svc.append(rows.text(row, "service"))
        start.append(s)
        end.append(e)
        cat.append(c)
    rows.finish()
    return Outages(svc, _i64(start), _i64(end), cat)


def parse_tickets(text: str, name: str = "tickets.csv") -> Tickets:
    rows = _Rows(text, name, TICKET_COLUMNS)
    cols: dict[str, list[str]] = {c: [] for c in ("id", "customer", "service", "priority")}
    times: dict[str, list[int]] = {c: [] for c in ("created", "first_response", "resolved")}
    seen: set[str] = set()
    for row in rows:
        for c in cols:
            cols[c].append(rows.text(row, c))
        if row.get("id") in seen:
            rows.bad("id", f"ticket '{row['id']}' appears twice")
        seen.add(row.get("id", ""))
        created = rows.time(row, "created")
        times["created"].append(created)
        for c in ("first_response", "resolved"):
            t = rows.time(row, c, required=False)
            rows.order(row, "created", c, created, t)
            times[c].append(t)
    rows.finish()
    return Tickets(
        cols["id"],
        cols["customer"],
        cols["service"],
        cols["priority"],
        _i64(times["created"]),
        _i64(times["first_response"]),
        _i64(times["resolved"]),
    )


def parse_pauses(
    text: str, name: str = "ticket_pauses.csv", known_tickets: set[str] | None = None
) -> Pauses:
    rows = _Rows(text, name, PAUSE_COLUMNS)
    ids: list[str] = []
    start: list[int] = []
    end: list[int] = []
    for row in rows:
        tid = rows.text(row, "ticket_id")
        if known_tickets is not None and tid and tid not in known_tickets:
            rows.bad("ticket_id", f"'{tid}' is not a ticket in tickets.csv")
        s, e = rows.time(row, "start"), rows.time(row, "end")
        rows.order(row, "start", "end", s, e)
        ids.append(tid)
        start.append(s)
        end.append(e)
    rows.finish()
    return Pauses(ids, _i64(start), _i64(end))


def _read(path: str | Path, parse: Callable[[str, str], object]) -> object:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputDataError([f"{p}: cannot read the file: {exc.strerror}"]) from None
    return parse(text, str(p))


def read_outages(path: str | Path) -> Outages:
    return _read(path, parse_outages)  # type: ignore[return-value]


def read_tickets(path: str | Path) -> Tickets:
    return _read(path, parse_tickets)  # type: ignore[return-value]


def read_pauses(path: str | Path, known_tickets: set[str] | None = None) -> Pauses:
    return _read(path, lambda t, n: parse_pauses(t, n, known_tickets))  # type: ignore[return-value]


# ---- hashes of a canonical form ---------------------------------------------------------


def _iso(t: int) -> str | None:
    if t == MISSING:
        return None
    return datetime.fromtimestamp(int(t), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _digest(rows: list[list[object]]) -> str:
    rows = sorted(rows, key=lambda r: json.dumps(r))
    h = hashlib.sha256()
    for r in rows:
        h.update(json.dumps(r, separators=(",", ":"), ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()


def outages_hash(o: Outages) -> str:
    return _digest(
        [
            [s, _iso(a), _iso(b), c]
            for s, a, b, c in zip(
                o.service, o.start.tolist(), o.end.tolist(), o.category, strict=True
            )
        ]
    )


def tickets_hash(t: Tickets) -> str:
    return _digest(
        [
            [
                t.id[i],
                t.customer[i],
                t.service[i],
                t.priority[i],
                _iso(t.created[i]),
                _iso(t.first_response[i]),
                _iso(t.resolved[i]),
            ]
            for i in range(len(t))
        ]
    )


def pauses_hash(p: Pauses) -> str:
    return _digest(
        [
            [k, _iso(a), _iso(b)]
            for k, a, b in zip(p.ticket_id, p.start.tolist(), p.end.tolist(), strict=True)
        ]
    )


def input_hashes(sla: SLA, outages: Outages, tickets: Tickets, pauses: Pauses) -> dict[str, str]:
    """sha256 of the canonical inputs that matter to this SLA (rows of its service only).

    Row order, timestamp spelling/offsets and other services' rows do not change a hash;
    `inputs` covers the three data tables, `combined` also the SLA: it changes whenever
    anything that can change the measurement changes.
    """
    out = outages.for_service(sla.service)
    tix = tickets.for_service(sla.customer, sla.service)
    pau = pauses.for_tickets(set(tix.id))
    parts = {
        "sla": hashlib.sha256(sla_canonical_json(sla).encode()).hexdigest(),
        "outages": outages_hash(out),
        "tickets": tickets_hash(tix),
        "pauses": pauses_hash(pau),
    }
    data = {k: parts[k] for k in ("outages", "tickets", "pauses")}
    inputs = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
    combined = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
    return {**parts, "inputs": inputs, "combined": combined}
