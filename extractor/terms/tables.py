"""Terms read from table rows ("cell | cell | cell" lines): credit tier tables, severity
matrices (priority x response / resolution) and per-service availability tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.normalize import Duration, clean_number, normalize_period, priority_rank
from extractor.terms.credits import _bounds
from extractor.terms.model import Found, Item, Sent
from extractor.terms.targets import for_joined_priorities, heading_kind


@dataclass(slots=True)
class Cell:
    start: int
    end: int
    text: str
    items: list[Item]


def row_cells(row: Sent) -> list[Cell]:
    cells = []
    pos = 0
    for part in row.text.split("|"):
        start = row.start + pos
        end = start + len(part)
        lead = len(part) - len(part.lstrip())
        items = [q for q in row.quantities if q.start >= start and q.end <= end]
        trail = len(part) - len(part.rstrip())
        cells.append(Cell(start + lead, end - trail, part.strip(), items))
        pos += len(part) + 1
    return [c for c in cells if c.text or len(cells) > 1]


def group_tables(sents: Sequence[Sent], text: str) -> list[list[Sent]]:
    """Consecutive table rows (block ids -1-i for consecutive i, no blank line between,
    the same number of cells) form one table."""
    tables: list[list[Sent]] = []
    last = None
    for s in sents:
        if s.block >= 0:
            continue
        idx = -1 - s.block
        prev = tables[-1][-1] if tables else None
        if (
            prev is not None and last is not None and idx == last + 1
            and text[prev.end : s.start].count("\n") <= 1
            and s.text.count("|") == prev.text.count("|")
        ):  # fmt: skip
            tables[-1].append(s)
        else:
            tables.append([s])
        last = idx
    return tables


def _col_kind(text: str) -> str | None:
    t = text.lower()
    if re.search(r"credit|refund|rebate|discount|days\s+of\s+service|service\s+days", t):
        return "credit"
    if re.search(r"maintenance|downtime\s+window|^windows?$", t):
        return "maintenance"
    if re.search(r"^(?:advance\s+|prior\s+)?notice|notification", t):
        return "notice"
    if re.search(r"coverage|hours\s+of|support\s+hours|clock|support\s+window|availability\s+of\s+"
                 r"support", t):  # fmt: skip
        return "coverage"
    if re.search(r"update|status|frequency|escalat|example|description|definition", t):
        return None
    if re.search(r"resol|restor|fix|repair|recover", t):
        return "resolution_time"
    if re.search(r"workaround|work-around", t):
        return "workaround"
    if re.search(r"respon|acknowledg|reaction|first\s+contact|initial|reply|answer", t):
        return "response_time"
    if re.search(r"uptime|availab|service\s+level|sla\b", t):
        return "availability"
    if re.search(r"priorit|severity|level|impact|category|^p\d", t):
        return "priority"
    if re.search(r"\b(?:tiers?|plans?|editions?|packages?|options?|deployments?)\b", t):
        return None  # 'Service tier': the rows name plans, not services
    if re.search(r"service|product|component|module|offering|system", t):
        return "service"
    if re.search(r"target|attainment|compliance|goal", t):
        return "attainment"
    return None


@dataclass(slots=True)
class Table:
    header: list[str | None]
    htexts: list[str]
    body: list[Sent]
    hprio: list[Item | None]

    def cells(self, row: Sent, kind: str) -> list[Cell]:
        return [c for k, c in zip(self.header, row_cells(row), strict=False) if k == kind]


_TARGET_HEADER = re.compile(r"^(?:kpi\s+|sla\s+|service\s+level\s+)?(?:target|threshold|"
                            r"commitment)s?(?:\s+(?:level|value)s?)?$")  # fmt: skip
_READ_COLUMNS = {"response_time", "resolution_time", "workaround", "credit", "maintenance",
                 "coverage"}  # fmt: skip


def kpi_table(table: Table) -> bool:
    """'KPI | Performance Measure | Target' rows: each row is a statement in words."""
    if set(table.header) & _READ_COLUMNS:
        return False
    return any(_TARGET_HEADER.match(h) for h in table.htexts)


def table_to_terms(rows: list[Sent]) -> list[Found]:
    table = make_table(rows)
    kinds = set(table.header)
    out: list[Found] = []
    if kpi_table(table):
        return out  # read as sentences (free_cells)
    if _transposed_credit(table):
        return _credit_columns(rows[0], table.body)
    if sum(p is not None for p in table.hprio) >= 2 and not kinds - {"priority", None}:
        return _priority_columns(table)
    if "credit" in kinds and ("availability" in kinds or "response_time" in kinds):
        return _credit_rows(table)
    if {"response_time", "resolution_time", "workaround"} & kinds:
        out.extend(_matrix_rows(table))
    if "availability" in kinds:
        out.extend(_availability_rows(table))
    if "maintenance" in kinds:
        out.extend(_maintenance_rows(table))
    return out


def make_table(rows: list[Sent]) -> Table:
    hcells = row_cells(rows[0])
    htexts = [c.text.lower() for c in hcells]
    hprio = [next((q for q in c.items if q.label == "PRIORITY"), None) for c in hcells]
    header = [_col_kind(t) for t in htexts]
    kind = heading_kind(rows[0].ctx.heading)
    times = {"response_time", "resolution_time", "workaround"} & set(header)
    if kind and not times and _first_column_priorities(rows[1:]):
        # 'Response Times' section: a priority table whose other columns are plans
        header = [h if h is not None or i == 0 else kind for i, h in enumerate(header)]
    return Table(header, htexts, rows[1:], hprio)


def _first_column_priorities(body: list[Sent]) -> bool:
    firsts = [row_cells(r)[0] for r in body if row_cells(r)]
    hits = sum(any(q.label == "PRIORITY" for q in c.items) for c in firsts)
    return bool(firsts) and hits * 2 > len(firsts)


def free_cells(rows: list[Sent]) -> list[Sent]:
    """Cells of columns no table rule reads, as sentences for the prose rules
    ('24/7 phone support with a 30-minute response for P1 incidents'); the whole rows of a
    table whose header names nothing we read ('Item | Detail' / 'Uptime SLA | 99.9%')."""
    table = make_table(rows)
    if not any(table.header):
        return list(rows)
    if kpi_table(table):
        return list(table.body)
    out = []
    theirs = [bool(_CUSTOMER_COLUMN.search(h)) for h in table.htexts]
    for row in table.body:
        for kind, c, their in zip(table.header, row_cells(row), theirs, strict=False):
            if kind is None and c.items and len(c.text) > 12 and not their:
                out.append(_cell_sent(row, c))
    return out


_CUSTOMER_COLUMN = re.compile(r"\b(?:your|customer'?s?|client'?s?)\b.*\b(?:commitment|effort|"
                              r"responsibilit|obligation|action)", re.I)  # fmt: skip


def _cell_sent(row: Sent, c: Cell) -> Sent:
    cues = [q for q in row.cues if q.start >= c.start and q.end <= c.end]
    sent = Sent(c.start, c.end, c.text, c.items, cues, row.ctx)
    sent.block = row.block
    return sent


_METRIC_NAME = re.compile(r"availab|uptime|latency|response|resolution|temperature|humidity|"
                          r"packet|jitter", re.I)  # fmt: skip


def _row_service(table: Table, row: Sent) -> str | None:
    """The row's service name ('Power availability (A+B feeds)' names a metric, not one)."""
    for c in table.cells(row, "service"):
        if c.text and not c.items:
            return None if _METRIC_NAME.search(c.text) else c.text
    return None


def _credit_rows(table: Table) -> list[Found]:
    header = table.header
    metric = "response_time" if "response_time" in header and "availability" not in header \
        else "availability"  # fmt: skip
    out = []
    for row in table.body:
        thr = table.cells(row, "availability") or table.cells(row, "response_time")
        cred = table.cells(row, "credit")
        if not thr or not cred:
            continue
        pct = [q for q in thr[0].items if q.label == "PERCENT"]
        credit = [q for q in cred[0].items if q.label == "PERCENT"]
        if not pct or not credit:
            continue
        lower, upper = _bounds(row, pct[:2])
        if lower is None and upper is None and len(pct) == 1:
            lower = clean_number(pct[0].value)
        if upper is None and len(pct) == 1 and _RELATIVE_UPPER.search(thr[0].text):
            continue  # 'less than the regional commitment but at least 99.0%': no fixed upper end
        if lower is None and upper is None:
            continue
        attrs = {"metric": metric, "lower": lower, "upper": upper,
                 "credit_percent": clean_number(credit[0].value)}  # fmt: skip
        service = _row_service(table, row)
        if service:
            attrs["service"] = service
        out.append(row.found("credit_tier", attrs, 0.85, *pct[:2], credit[0]))
    return out


def _transposed_credit(table: Table) -> bool:
    """'Monthly Uptime | < 99.9% | < 99.0%' over 'Service Credit | 10% | 25%': the tiers are
    columns, the first column names what each row holds."""
    if not table.body or table.header[:1] != ["availability"]:
        return False
    firsts = [row_cells(r)[0].text for r in table.body if row_cells(r)]
    return any(_col_kind(f) == "credit" for f in firsts)


def _credit_columns(head: Sent, body: list[Sent]) -> list[Found]:
    credit_row = next(r for r in body if _col_kind(row_cells(r)[0].text) == "credit")
    out = []
    for thr, cred in zip(row_cells(head)[1:], row_cells(credit_row)[1:], strict=False):
        pct = [q for q in thr.items if q.label == "PERCENT"]
        credit = [q for q in cred.items if q.label == "PERCENT"]
        if not pct or not credit:
            continue
        lower, upper = _bounds(head, pct[:2])
        if lower is None and upper is None:
            continue
        attrs = {"metric": "availability", "lower": lower, "upper": upper,
                 "credit_percent": clean_number(credit[0].value)}  # fmt: skip
        out.append(head.found("credit_tier", attrs, 0.8, *pct[:2], credit[0]))
    return out


def _priority_columns(table: Table) -> list[Found]:
    """'Measure | P1 | P2' over 'Mean Time to Acknowledge | 5 minutes | 15 minutes': each row
    names the target kind, each column its priority."""
    out = []
    for row in table.body:
        cells = row_cells(row)
        kind = _col_kind(cells[0].text) if cells else None
        kind = "resolution_time" if kind == "workaround" else kind
        if kind not in ("response_time", "resolution_time"):
            continue
        for hp, htext, c in zip(table.hprio[1:], table.htexts[1:], cells[1:], strict=False):
            found = _matrix_cell(row, c, kind, htext, False) if hp is not None else None
            if found is not None:
                found.attrs.update({"priority": hp.text.strip(" :()-"), "priority_rank": hp.value})
                out.append(found)
    return out


def _row_priority(table: Table, row: Sent) -> Item | tuple[str, int] | None:
    cells = row_cells(row)
    ordered = table.cells(row, "priority") + cells[:1]
    for cell in ordered:
        for q in cell.items:
            if q.label == "PRIORITY":
                return q
        label = re.split(r"\s[-\u2013(]|\(", cell.text)[0].strip()
        rank = priority_rank(label)
        if rank is None and re.fullmatch(r"[1-5]", label) and cell in ordered[:-1]:
            rank = int(label)  # a bare number in a Priority column
        if rank is not None:
            return label, rank
    return None


def _matrix_rows(table: Table) -> list[Found]:
    has_resolution = "resolution_time" in table.header
    out = []
    for row in table.body:
        prio = _row_priority(table, row)
        label, rank = (prio.text.strip(" :()-"), prio.value) if isinstance(prio, Item) \
            else (prio or (None, None))  # fmt: skip
        business_clock = any(
            re.search(r"business|working|hours|office", c.text, re.I)
            and not re.search(r"24|around|round|always|any\s+time", c.text, re.I)
            for c in table.cells(row, "coverage")
        )  # 'Service Desk Hours' / 'Business Hours' but not '24 hours a day'
        for k, htext, c in zip(table.header, table.htexts, row_cells(row), strict=False):
            kind = "resolution_time" if k == "workaround" and not has_resolution else k
            if kind not in ("response_time", "resolution_time"):
                continue
            found = _matrix_cell(row, c, kind, htext, business_clock)
            if found is None:
                continue
            hp = table.hprio[table.htexts.index(htext)]
            if hp is not None:
                found.attrs.update({"priority": hp.text.strip(" :()-"), "priority_rank": hp.value})
            else:
                found.attrs.update({"priority": label, "priority_rank": rank})
            found.confidence = 0.85 if found.attrs["priority_rank"] is not None else 0.6
            service = _row_service(table, row)
            if service:
                found.attrs["service"] = service
            out.append(found)
            if hp is None and isinstance(prio, Item):
                out.extend(for_joined_priorities(row, prio, found))
    return out




_RELATIVE_UPPER = re.compile(
    r"(?:less|lower|fewer)\s+than\s+(?:the|its|our|your|that)|below\s+(?:the|its|our|your)|"
    r"<\s*(?:the|sla|target)",
    re.I,
)
_RANGE_CELL = re.compile(r"[<\u2264]|less|below|under|between|\d\s*%?\s*(?:-|\u2013|to)\s*\d", re.I)
_BUSINESS_CELL = re.compile(r"(?:business|working)\s+(?:hours?|days?)", re.I)


def _matrix_cell(row: Sent, c: Cell, kind: str, htext: str, business_clock: bool) -> Found | None:
    durs = [q for q in c.items if q.label == "DURATION"]
    if not durs:
        return None
    d: Duration = durs[0].value
    if d.unit not in ("minutes", "hours", "days", "business_hours", "business_days"):
        return None
    business = d.business or business_clock or bool(
        re.search(r"business|working", htext) or _BUSINESS_CELL.search(c.text)
    )
    unit = d.unit
    if business and unit == "hours":
        unit = "business_hours"
    elif business and unit == "days":
        unit = "business_days"
    d = Duration(d.value, unit)
    attrs = {"value": d.value, "unit": d.unit, "minutes": d.minutes, "business": business}
    return row.found(kind, attrs, 0.85, durs[0])


def _availability_rows(table: Table) -> list[Found]:
    out = []
    period = None
    for htext in table.htexts:
        period = period or normalize_period(htext)
    for row in table.body:
        for c in table.cells(row, "availability"):
            pct = [q for q in c.items if q.label == "PERCENT"]
            if len(pct) != 1 or not 80 <= pct[0].value <= 100 or _RANGE_CELL.search(c.text):
                continue
            attrs = {"value": clean_number(pct[0].value), "unit": "percent", "period": period}
            service = _row_service(table, row)
            if service:
                attrs["service"] = service
            out.append(row.found("availability", attrs, 0.8, pct[0]))
    return out


def _maintenance_rows(table: Table) -> list[Found]:
    out = []
    for row in table.body:
        for c in table.cells(row, "maintenance"):
            tr = [q for q in c.items if q.label == "TIME_RANGE"]
            if not tr:
                continue
            days = [q for q in c.items if q.label == "DAY_RANGE"]
            zones = [q for q in c.items if q.label == "ZONE"]
            attrs = {"days": days[0].value if days else None, "start": tr[0].value[0],
                     "end": tr[0].value[1], "time_zone": zones[0].value if zones else None,
                     "notice_hours": _row_notice(table, row)}  # fmt: skip
            service = _row_service(table, row)
            if service:
                attrs["service"] = service
            out.append(row.found("maintenance_window", attrs, 0.8, tr[0], *days[:1], *zones[:1]))
    return out


def table_service_names(rows: list[Sent]) -> list[str]:
    """The cells of a table's "Service" column (names the document gives its services)."""
    table = make_table(rows)
    return [n for row in table.body if (n := _row_service(table, row))]


def _row_notice(table: Table, row: Sent) -> int | float | None:
    for c in table.cells(row, "notice"):
        for q in c.items:
            if q.label == "DURATION" and q.value.minutes is not None:
                return clean_number(q.value.minutes / 60)
    return None
