"""Customer and service names: a normaliser and a fuzzy matcher (rapidfuzz).

"ACME Corp." = "Acme Corporation"; "Core API" = "API Platform (Core)". Legal-form
suffixes are dropped, punctuation and case folded, word order ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process, utils

LEGAL_FORMS = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "sarl",
        "bv",
        "nv",
        "srl",
        "spa",
        "oy",
        "ab",
        "as",
        "kk",
        "pty",
        "pvt",
        "group",
        "holdings",
    ]
)
FILLER = frozenset(["the", "a", "an", "of", "and", "platform", "service", "services"])
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    """Lower case, punctuation removed, legal forms dropped: 'ACME Corp.' -> 'acme'."""
    words = _WORD.findall(utils.default_process(name.replace("&", " and ")))
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)


def _core_words(norm: str) -> str:
    words = [w for w in norm.split() if w not in FILLER]
    return " ".join(words or norm.split())


def name_score(a: str, b: str) -> float:
    """0–100 similarity of two names after normalisation (order-insensitive)."""
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 100.0
    ca, cb = _core_words(na), _core_words(nb)
    if ca == cb:
        return 98.0
    sorted_score = fuzz.token_sort_ratio(ca, cb)
    set_score = fuzz.token_set_ratio(ca, cb)
    # a subset match ("core api" within "api core platform") counts only when the shorter
    # side has more than one word, else "API" would equal every API product
    shorter = min(len(ca.split()), len(cb.split()))
    return float(max(sorted_score, set_score if shorter > 1 else sorted_score))


def same_name(a: str, b: str, *, threshold: float = 88.0) -> bool:
    return name_score(a, b) >= threshold


@dataclass(frozen=True, slots=True)
class NameMatch:
    query: str
    match: str
    score: float


def best_match(
    query: str, candidates: Sequence[str], *, threshold: float = 88.0
) -> NameMatch | None:
    """The candidate that names the same thing as `query`, or None."""
    if not candidates:
        return None
    found = process.extractOne(query, list(candidates), scorer=_scorer, score_cutoff=threshold)
    return NameMatch(query, found[0], float(found[1])) if found else None


def _scorer(a: str, b: str, **_: object) -> float:
    return name_score(a, b)


def group_names(names: Iterable[str], *, threshold: float = 88.0) -> list[list[str]]:
    """Group names that refer to the same entity; the first seen name leads each group."""
    groups: list[list[str]] = []
    for name in names:
        for group in groups:
            if same_name(group[0], name, threshold=threshold):
                group.append(name)
                break
        else:
            groups.append([name])
    return groups


def service_key(service: str | None, known: Sequence[str] = ()) -> str | None:
    """The canonical form of a service name for term keys: matched to a known name or
    normalised. None stays None (a term for every service)."""
    if not service:
        return None
    found = best_match(service, known) if known else None
    return normalise_name(found.match if found else service)


def service_canon(names: Iterable[str | None]) -> Callable[[str | None], str | None]:
    """A function mapping each of `names` (and any other name) to one canonical key:
    names of one fuzzy group share the normalised form of the group's first name."""
    canon: dict[str, str] = {}
    for group in group_names(dict.fromkeys(n for n in names if n)):
        for name in group:
            canon[name] = normalise_name(group[0])

    def service_of(service: str | None) -> str | None:
        if not service:
            return None
        return canon.get(service) or normalise_name(service)

    return service_of
