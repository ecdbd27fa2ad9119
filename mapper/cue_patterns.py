"""The measurability pattern file (mapper/patterns/measurability.yaml) as typed records:
cues (vague phrases and what satisfies them) and structural rules over anchors."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from mapper.errors import PatternError

PATTERN_SCHEMA = "slareg.measurability/1"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~7x faster


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    rule: str
    message: str
    suggestion: str
    severity: str = "error"
    satisfied_by: tuple[str, ...] = ()
    satisfied_by_all: tuple[frozenset[str], ...] = ()  # any group wholly present
    requires: tuple[str, ...] = ()
    requires_any: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    context_not: tuple[str, ...] = ()
    skip_in_definitions: bool = False
    not_after_number: bool = False
    not_followed_by: tuple[str, ...] = ()
    defined_term_ok: bool = False
    neutral: bool = False  # a set phrase that only shadows shorter cues inside it
    label_ok: bool = False  # a Capitalised word after the sentence's first names a label
    not_preceded_by: tuple[str, ...] = ()
    skip_customer_subject: bool = False  # the customer's own duty ("Customer shall … promptly")
    keep_when_negated: bool = False  # vague under a negation too ("not significantly degraded")


@dataclass(frozen=True, slots=True)
class StructuralRule:
    """A rule over the anchors of a sentence: raised when any `when` group is wholly
    present and no `unless` group is (`alone`: only when nothing else was raised)."""

    name: str
    when: tuple[frozenset[str], ...]
    unless: tuple[frozenset[str], ...] = ()
    alone: bool = False
    skip_customer_subject: bool = False
    skip_negated: bool = False
    standalone_only: bool = False  # only for a sentence judged on its own (`assess`)


def phrases_of(spec: Mapping[str, Any]) -> list[str]:
    """`phrases` plus every combination of the word lists in `phrase_product`."""
    out = list(spec.get("phrases") or ())
    for lists in spec.get("phrase_product") or ():
        out += [" ".join(words) for words in itertools.product(*lists)]
    return out


def _groups(value: Any) -> tuple[frozenset[str], ...]:
    """A list of anchor names (one group) or a list of lists (alternatives)."""
    items = list(value or ())
    if items and all(isinstance(i, str) for i in items):
        return (frozenset(items),)
    return tuple(frozenset([i] if isinstance(i, str) else i) for i in items)


def structural_from_dict(name: str, r: Mapping[str, Any]) -> StructuralRule:
    return StructuralRule(
        name=name,
        when=_groups(r.get("when")),
        unless=_groups(r.get("unless")),
        alone=bool(r.get("alone", False)),
        skip_customer_subject=bool(r.get("skip_customer_subject", False)),
        skip_negated=bool(r.get("skip_negated", False)),
        standalone_only=bool(r.get("standalone_only", False)),
    )


def cue_from_dict(c: Mapping[str, Any]) -> Cue:
    return Cue(
        id=str(c["id"]),
        rule=str(c["rule"]),
        message=str(c["message"]),
        suggestion=str(c["suggestion"]),
        severity=str(c.get("severity", "error")),
        satisfied_by=tuple(c.get("satisfied_by") or ()),
        satisfied_by_all=_groups(c.get("satisfied_by_all")),
        requires=tuple(c.get("requires") or ()),
        requires_any=tuple(c.get("requires_any") or ()),
        context=tuple(c.get("context") or ()),
        context_not=tuple(c.get("context_not") or ()),
        skip_in_definitions=bool(c.get("skip_in_definitions", False)),
        not_after_number=bool(c.get("not_after_number", False)),
        defined_term_ok=bool(c.get("defined_term_ok", False)),
        not_followed_by=tuple(c.get("not_followed_by") or ()),
        neutral=bool(c.get("neutral", False)),
        label_ok=bool(c.get("label_ok", False)),
        not_preceded_by=tuple(c.get("not_preceded_by") or ()),
        skip_customer_subject=bool(c.get("skip_customer_subject", False)),
        keep_when_negated=bool(c.get("keep_when_negated", False)),
    )


def load_patterns(text: str | None = None) -> Mapping[str, Any]:
    """Parse a pattern file's text; None reads the packaged patterns."""
    try:
        if text is None:
            ref = resources.files("mapper").joinpath("patterns/measurability.yaml")
            text = ref.read_text("utf-8")
        data = yaml.load(text, Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise PatternError(f"cannot read measurability patterns: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != PATTERN_SCHEMA:
        raise PatternError(f"measurability patterns must declare schema '{PATTERN_SCHEMA}'")
    return data
