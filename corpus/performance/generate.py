"""Generate a year (2025-11 … 2026-10) of sample performance data for the demo customers.

    python corpus/performance/generate.py [OUT_DIR]

Fixed seed: the output is identical on every run (the committed CSVs are its output).
Writes outages.csv, tickets.csv and ticket_pauses.csv (DESIGN.md formats); timestamps are
written with the UTC offset of each service's own time zone, to exercise offset handling.
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

SEED = 20251101
START = datetime(2025, 11, 1, tzinfo=UTC)
END = datetime(2026, 11, 1, tzinfo=UTC)
CATEGORIES = [
    ("", 70),
    ("scheduled_maintenance", 10),
    ("third_party", 8),
    ("customer_caused", 7),
    ("force_majeure", 3),
    ("internet_or_network_outside_provider", 2),
]


@dataclass(frozen=True)
class Service:
    customer: str
    name: str
    zone: str
    outages_per_month: float
    tickets_per_month: float
    priorities: tuple[str, ...]  # most to least severe
    prefix: str


SERVICES = (
    Service(
        "Acme Corporation", "Core API", "America/New_York", 4, 14, ("P1", "P2", "P3", "P4"), "ACM"
    ),
    Service(
        "Acme Corporation",
        "Analytics Dashboard",
        "America/New_York",
        3,
        6,
        ("P1", "P2", "P3", "P4"),
        "ACA",
    ),
    Service(
        "Globex Ltd",
        "Managed Hosting",
        "Europe/London",
        3,
        16,
        ("Critical", "High", "Medium", "Low"),
        "GLX",
    ),
    Service(
        "Initech Inc",
        "Helpdesk Support",
        "America/Chicago",
        0.5,
        45,
        ("Severity 1", "Severity 2", "Severity 3", "Severity 4"),
        "INI",
    ),
)


def stamp(t: datetime, zone: str) -> str:
    return t.astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")


def pick_category(rng: random.Random) -> str:
    return rng.choices([c for c, _ in CATEGORIES], [w for _, w in CATEGORIES])[0]


def random_instant(rng: random.Random, zone: str, business_bias: float) -> datetime:
    """Mostly within 08:00-18:00 local on weekdays when business_bias is high."""
    span = (END - START).total_seconds()
    while True:
        t = START + timedelta(seconds=rng.uniform(0, span))
        local = t.astimezone(ZoneInfo(zone))
        in_hours = local.weekday() < 5 and 8 <= local.hour < 18
        if in_hours or rng.random() > business_bias:
            return t


def outages_for(rng: random.Random, s: Service) -> list[list[str]]:
    rows = []
    for _ in range(round(s.outages_per_month * 12 * rng.uniform(0.8, 1.2))):
        start = random_instant(rng, s.zone, 0.3)
        minutes = min(rng.lognormvariate(2.0, 1.1), 600)
        end = start + timedelta(seconds=round(minutes * 60))
        rows.append([s.name, stamp(start, s.zone), stamp(end, s.zone), pick_category(rng)])
        if rng.random() < 0.15:  # an overlapping second report of the same incident
            s2 = start + timedelta(seconds=rng.uniform(0, minutes * 60))
            e2 = s2 + timedelta(minutes=rng.uniform(1, 30))
            rows.append([s.name, stamp(s2, s.zone), stamp(e2, s.zone), ""])
    return rows


def ticket_for(rng: random.Random, s: Service, n: int) -> tuple[list[str], list[list[str]]]:
    tid = f"{s.prefix}-{1000 + n}"
    created = random_instant(rng, s.zone, 0.8)
    prio = rng.choices(s.priorities, [8, 22, 40, 30])[0]
    severity = s.priorities.index(prio)
    response = created + timedelta(minutes=rng.lognormvariate(3.2 + 0.6 * severity, 1.0))
    resolved = response + timedelta(minutes=rng.lognormvariate(5.0 + 0.5 * severity, 1.0))
    first = "" if rng.random() < 0.03 else stamp(response, s.zone)
    done = "" if rng.random() < 0.06 or resolved >= END else stamp(resolved, s.zone)
    pauses = []
    if rng.random() < 0.15:
        cursor = created
        for _ in range(rng.randint(1, 2)):
            p0 = cursor + timedelta(minutes=rng.uniform(5, 240))
            p1 = p0 + timedelta(minutes=rng.lognormvariate(4.0, 1.0))
            pauses.append([tid, stamp(p0, s.zone), stamp(p1, s.zone)])
            cursor = p1
    row = [tid, s.customer, s.name, prio, stamp(created, s.zone), first, done]
    return row, pauses


def generate(out_dir: Path) -> None:
    rng = random.Random(SEED)
    outages: list[list[str]] = []
    tickets: list[list[str]] = []
    pauses: list[list[str]] = []
    for s in SERVICES:
        outages += outages_for(rng, s)
        for n in range(round(s.tickets_per_month * 12)):
            row, ps = ticket_for(rng, s, n)
            tickets.append(row)
            pauses += ps
    outages.sort(key=lambda r: (r[0], datetime.fromisoformat(r[1])))
    tickets.sort(key=lambda r: datetime.fromisoformat(r[4]))
    write(out_dir / "outages.csv", ["service", "start", "end", "category"], outages)
    write(
        out_dir / "tickets.csv",
        ["id", "customer", "service", "priority", "created", "first_response", "resolved"],
        tickets,
    )
    write(out_dir / "ticket_pauses.csv", ["ticket_id", "start", "end"], pauses)


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
