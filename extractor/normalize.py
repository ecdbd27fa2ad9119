"""Normalisers for the quantities SLA text states: numbers in words, percentages,
durations, clock times, day ranges, time zones, priorities and periods.

Each function takes a short string (already located by a pattern) and returns a plain
value or None when the string does not say what the function reads. Nothing here raises
on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.types import UNIT_MINUTES

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "single": 1,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
    "twentieth": 20, "thirtieth": 30, "next": 1,
}  # fmt: skip
_FRACTION_DENOMS = {
    "half": 2, "halves": 2, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000, "quarter": 4, "quarters": 4,
}  # fmt: skip

NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES)


def _int_words(tokens: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for tok in tokens:
        if tok in ("and",):
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _point_number(tokens: list[str]) -> float | None:
    cut = tokens.index("point")
    whole = _int_words(tokens[:cut])
    digits = [_UNITS.get(t) for t in tokens[cut + 1 :]]
    if whole is None or not digits or any(d is None or d > 9 for d in digits):
        return None
    return float(f"{whole}." + "".join(str(d) for d in digits))


def words_to_number(text: str) -> float | None:
    """'thirty' -> 30, 'twenty-four' -> 24, 'ninety-nine and nine-tenths' -> 99.9,
    '99.95' -> 99.95, 'one (1)' -> 1. None when the text is not a number."""
    s = text.strip().lower().replace(",", "")
    paren = re.search(r"\((\d+(?:\.\d+)?)\)", s)
    if paren:
        return float(paren.group(1))
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    s = re.sub(r"[-\u2010-\u2014]", " ", s)
    tokens = s.split()
    if not tokens:
        return None
    if "point" in tokens:  # 'ninety-nine point nine five' -> 99.95
        return _point_number(tokens)
    # "<int words> and <fraction words>" e.g. ninety nine and nine tenths
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i] in _FRACTION_DENOMS and "and" in tokens[:i]:
            cut = len(tokens[:i]) - 1 - tokens[:i][::-1].index("and")
            whole = _int_words(tokens[:cut])
            numer = _int_words(tokens[cut + 1 : i])
            if whole is not None and numer is not None:
                return whole + numer / _FRACTION_DENOMS[tokens[i]]
    if len(tokens) == 1 and tokens[0] in _ORDINALS:
        return float(_ORDINALS[tokens[0]])
    value = _int_words(tokens)
    return float(value) if value is not None else None


def clean_number(value: float) -> int | float:
    """99.0 -> 99 when whole, else the float rounded to 4 places."""
    return int(value) if float(value).is_integer() else round(value, 4)


_PCT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent|pct)", re.I)


def parse_percent(text: str) -> float | None:
    """'99.9%', '99.95 per cent', 'ninety-nine and nine-tenths percent (99.9%)' -> float."""
    m = _PCT_RE.search(text)
    if m:
        return float(m.group(1))
    words = re.sub(r"\s*(?:%|per\s*cent|percent)\s*$", "", text.strip(), flags=re.I)
    return words_to_number(words)


_UNIT_ALIASES = {
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "m": "minutes", "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours",
    "h": "hours", "day": "days", "days": "days", "calendar day": "days",
    "calendar days": "days", "business hour": "business_hours",
    "business hours": "business_hours", "working hour": "business_hours",
    "business hr": "business_hours", "business hrs": "business_hours",
    "working hours": "business_hours", "support hours": "business_hours",
    "support hour": "business_hours", "support hr": "business_hours",
    "support hrs": "business_hours", "working hr": "business_hours",
    "working hrs": "business_hours", "support day": "business_days",
    "support days": "business_days",
    "business day": "business_days", "business days": "business_days",
    "working day": "business_days", "working days": "business_days",
    "week": "weeks", "weeks": "weeks", "month": "months", "months": "months",
    "billing cycle": "billing_cycles", "billing cycles": "billing_cycles",
    "billing period": "billing_cycles", "billing periods": "billing_cycles",
}  # fmt: skip


def normalize_unit(text: str) -> str | None:
    """'hrs' -> 'hours', 'Business Days' -> 'business_days', 'mins' -> 'minutes'."""
    key = re.sub(r"\s+", " ", text.strip().lower().rstrip("."))
    key = key.replace("(s)", "s")
    return _UNIT_ALIASES.get(key)


@dataclass(frozen=True, slots=True)
class Duration:
    value: int | float
    unit: str

    @property
    def minutes(self) -> int | float | None:
        per = UNIT_MINUTES.get(self.unit)
        return clean_number(self.value * per) if per is not None else None

    @property
    def business(self) -> bool:
        return self.unit.startswith("business")


_DUR_RE = re.compile(
    r"(?P<num>[a-z\d][a-z\d.\- ]*?(?:\s*\(\d+(?:\.\d+)?\))?)\s*[-\s]?"
    r"(?P<unit>(?:business|working|calendar|support)\s+(?:hour|day|hr)s?|"
    r"billing\s+(?:cycle|period)s?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|h|m)\.?$",
    re.I,
)


def parse_duration(text: str) -> Duration | None:
    """'one (1) hour', '4 business hours', '15 mins', 'next business day', 'NBD',
    'thirty (30) minutes' -> Duration. None when no number and unit are found."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    s = re.sub(r"^(?:within|in|of|up to|no later than|not more than|less than)\s+", "", s)
    s = re.sub(r"^the\s+|\bfull\s+", "", s)
    if s in ("nbd", "next business day", "next working day"):
        return Duration(1, "business_days")
    if s in ("same business day", "same day"):
        return None
    s = s.replace("'", "").replace("\u2019", "")
    m = _DUR_RE.search(s)
    if not m:
        return None
    unit = normalize_unit(m.group("unit"))
    value = words_to_number(m.group("num").strip(" -"))
    if unit is None or value is None:
        return None
    return Duration(clean_number(value), unit)


_TIME_RE = re.compile(
    r"^(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)?$", re.I
)


def parse_clock(text: str) -> str | None:
    """'8:00 a.m.' -> '08:00', '6pm' -> '18:00', '17:00' -> '17:00', 'noon' -> '12:00',
    'midnight' -> '00:00'. None for anything else."""
    s = text.strip().lower()
    s = re.sub(r"^(?:the\s+)?hours?\s+of\s+", "", s)  # 'between the hours of 10 p.m. and ...'
    s = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\d)", "", s)
    s = re.sub(r"(?<=[\dm.])\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$", "", s)  # '22:00 Sat'
    if s in ("noon", "midday"):
        return "12:00"
    if s == "midnight":
        return "00:00"
    m = _TIME_RE.match(s) or re.match(r"^(?P<h>[01]\d|2[0-4])(?P<m>[0-5]\d)(?:\s*(?:hrs|hours|h))?$"
                                       r"(?P<ampm>)", s)  # fmt: skip
    if not m:
        return None
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    ampm = (m.group("ampm") or "").replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59 or (not ampm and not m.group("m") and hour > 24):
        return None
    return f"{hour:02d}:{minute:02d}"


_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_TITLES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_index(text: str) -> int | None:
    """'Monday', 'Mon', 'Tues.', 'thursday' -> 0..6."""
    s = text.strip().lower().rstrip(".")[:3]
    return _DAY_NAMES.index(s) if s in _DAY_NAMES else None


def days_label(first: int, last: int) -> str:
    """(0, 4) -> 'Mon-Fri'; (6, 6) -> 'Sun'."""
    if first == last:
        return _DAY_TITLES[first]
    return f"{_DAY_TITLES[first]}-{_DAY_TITLES[last]}"


_DAY_PHRASES = {
    "weekday": (0, 4), "weekdays": (0, 4), "business day": (0, 4), "business days": (0, 4),
    "working day": (0, 4), "working days": (0, 4), "every day": (0, 6), "daily": (0, 6),
    "seven days a week": (0, 6), "7 days a week": (0, 6), "weekend": (5, 6),
    "any day of the week": (0, 6), "every day of the week": (0, 6), "every night": (0, 6),
    "nightly": (0, 6),
    "weekends": (5, 6),
}  # fmt: skip


def normalize_days(text: str) -> str | None:
    """'Monday through Friday' -> 'Mon-Fri', 'Mon–Fri' -> 'Mon-Fri', 'Sundays' -> 'Sun',
    'weekdays' -> 'Mon-Fri'."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    if s in _DAY_PHRASES:
        return days_label(*_DAY_PHRASES[s])
    if re.search(r",|\band\b|&", s):
        listed = [day_index(p.strip().rstrip("s")) for p in re.split(r",\s*and\b|,|\band\b|&", s)]
        if listed and all(i is not None for i in listed):
            return ",".join(_DAY_TITLES[i] for i in sorted(set(listed)) if i is not None)
        return None
    parts = re.split(r"\s*(?:-|\u2013|\u2014|to|through|thru|until)\s*", s)
    idx = [day_index(p.rstrip("s")) for p in parts if p]
    if not idx or any(i is None for i in idx) or len(idx) > 2:
        return None
    first, last = idx[0], idx[-1]
    assert first is not None and last is not None
    return days_label(first, last)


ZONES = {
    "eastern": "America/New_York", "eastern time": "America/New_York",
    "eastern standard time": "America/New_York", "eastern daylight time": "America/New_York",
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "est/edt": "America/New_York", "new york": "America/New_York",
    "central": "America/Chicago", "central time": "America/Chicago",
    "central standard time": "America/Chicago", "ct": "America/Chicago",
    "cst": "America/Chicago", "cdt": "America/Chicago", "chicago": "America/Chicago",
    "mountain": "America/Denver", "mountain time": "America/Denver",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "pacific": "America/Los_Angeles", "pacific time": "America/Los_Angeles",
    "pacific standard time": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "gmt/bst": "Europe/London", "uk time": "Europe/London", "uk": "Europe/London",
    "london": "Europe/London", "london time": "Europe/London", "bst": "Europe/London",
    "british time": "Europe/London", "uk local time": "Europe/London",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "cet/cest": "Europe/Berlin",
    "central european time": "Europe/Berlin", "berlin": "Europe/Berlin",
    "utc": "UTC", "gmt": "UTC", "coordinated universal time": "UTC", "z": "UTC",
    "ist": "Asia/Kolkata", "india standard time": "Asia/Kolkata",
    "aest": "Australia/Sydney", "sydney": "Australia/Sydney", "jst": "Asia/Tokyo",
    "sgt": "Asia/Singapore", "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong",
    "hkt": "Asia/Hong_Kong", "tokyo": "Asia/Tokyo", "india": "Asia/Kolkata",
    "eet": "Europe/Helsinki", "wet": "Europe/Lisbon", "paris": "Europe/Paris",
}  # fmt: skip


def normalize_zone(text: str) -> str | None:
    """'Eastern Time' / 'ET' / 'EST' -> America/New_York, 'GMT/BST' -> Europe/London,
    'UTC' -> UTC, 'Pacific' -> America/Los_Angeles. None when unknown."""
    s = re.sub(r"\s+", " ", text.strip().lower().strip("()."))
    s = re.sub(r"\s*/\s*", "/", s)
    s = re.sub(r"^(?:the\s+)?(?:u\.?s\.?\s+)?", "", s)
    s = re.sub(r"\s+(?:zone|\(?us\)?|local)$", "", s)
    if s in ZONES:
        return ZONES[s]
    s2 = re.sub(r"\s+(?:standard\s+time|time|prevailing time)$", "", s)
    return ZONES.get(s2) or ZONES.get(s2 + " time")


_SEVERITY_WORDS = {
    "critical": 1, "urgent": 1, "emergency": 1, "catastrophic": 1, "blocker": 1,
    "high": 2, "major": 2, "serious": 2, "medium": 3, "normal": 3, "moderate": 3,
    "standard": 3, "minor": 3, "low": 4, "informational": 5, "cosmetic": 4,
}  # fmt: skip
_PRIO_RE = re.compile(
    r"^(?:p|s|sev|sv|severity|priority|prio|level|severity\s+level|priority\s+level|"
    r"impact\s+level|l)\s*[-_ ]?\s*(?P<n>[0-5]|one|two|three|four|five|i{1,3}|iv|v)$",
    re.I,
)
_LETTER_PRIO = re.compile(r"^(?:sev|severity|priority|prio)\s*[-_ ]?\s*(?P<l>[a-d])$", re.I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}


def priority_rank(label: str) -> int | None:
    """'P1' / 'Sev 1' / 'Severity Level 1' / 'Priority 1' / 'Critical' -> 1, 'High' -> 2,
    'Medium'/'Normal' -> 3, 'Low' -> 4. P0 / Sev 0 count as 1 (most severe)."""
    s = re.sub(r"\s+", " ", label.strip().lower().strip("():."))
    m = _PRIO_RE.match(s)
    if m:
        n = m.group("n")
        rank = int(n) if n.isdigit() else _ROMAN.get(n) or int(words_to_number(n) or 0)
        return max(rank, 1) if rank is not None else None
    m = _LETTER_PRIO.match(s)
    if m:  # 'Severity A' / 'Sev B': A is the most severe
        return "abcd".index(m.group("l").lower()) + 1
    for word, rank in _SEVERITY_WORDS.items():
        if re.search(rf"\b{word}\b", s):
            return rank
    return None


_PERIODS = (
    (r"billing\s+(?:cycle|period|month)", "billing_cycle"),
    (r"quarter|quarterly|three[- ]months?|3[- ]months?", "quarterly"),
    (r"semi-?annual|half[- ]year|six[- ]months?|6[- ]months?|bi-?annual|twice\s+a\s+year",
     "semiannual"),
    (r"service\s+year|contract\s+year|annual|annually|yearly|year|12[- ]month|twelve[- ]month|"
     r"annum", "yearly"),
    (r"calendar\s+month|monthly|month", "monthly"),
    (r"weekly|week", "weekly"),
    (r"daily|day", "daily"),
)


def normalize_period(text: str) -> str | None:
    """'calendar month' / 'monthly' -> 'monthly', 'billing cycle' -> 'billing_cycle',
    'quarter' -> 'quarterly', 'Service Year' / 'annual' -> 'yearly'."""
    s = text.strip().lower()
    for pattern, value in _PERIODS:
        if re.search(rf"\b(?:{pattern})\b", s):
            return value
    return None
