"""Context that reaches beyond one sentence: amendments in force, exclusion lists,
and the service a section or sentence names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.caseless import compile_fast as recompile
from extractor.terms.model import Sent

_REF = recompile(
    r"\b(?P<kind>(?i:sections?|clauses?|paragraphs?|articles?|schedules?|exhibits?|annex(?:es)?|"
    r"appendi(?:x|ces)|attachments?))\s+(?P<id>\d+(?:\.\d+)*(?:\s?\([a-z0-9]{1,4}\))*|"
    r"[A-Z](?:-?\d+)?\b|[IVX]+\b)",
)
_NUMBERED_KINDS = ("section", "clause", "paragraph", "article")
_CARRY = recompile(r"following|read as|reads as|:\s*$|as follows|in its entirety", re.I)
_TOP_ITEM = recompile(r"^\d+\.\s+[A-Z]")
_AMEND_VERB = recompile(
    r"\b(?:deleted|replaced|amended|modified|restated|increased|decreased|reduced|changed|"
    r"superseded|substituted|revised|inserted|added|extended|shortened)\b",
    re.I,
)
_EXCL_HEADING = recompile(
    r"exclu|exception|not covered|excused|limitations?\s+(?:on|of)\s+(?:the\s+)?(?:sla|service)|"
    r"what (?:is|isn't|is not) covered|downtime does not",
    re.I,
)
_LIST_ITEM = recompile(r"^\s*(?:[-\u2022*\u25aa\u25cf\u2013]|\(?[a-z0-9]{1,3}[.)]|\(?[ivx]+\))")
_SLA_WORDS = recompile(
    r"downtime|unavailab|availab|uptime|service level|sla\b|credit|outage|incident|"
    r"response time|resolution time|interruption|service commitment",
    re.I,
)


def amendment_ref(sent: Sent) -> str | None:
    """The section or schedule a sentence amends ("Section 4.2 ... is deleted and replaced")."""
    if not _AMEND_VERB.search(sent.text):
        return None
    m = _REF.search(sent.text)
    if not m:
        return None
    kind = m.group("kind").lower().rstrip("s")
    ident = re.sub(r"\s+", "", m.group("id"))
    if kind.startswith(_NUMBERED_KINDS):
        return ident
    word = m.group("kind")
    word = word[:-1] if word.endswith("s") and not word.lower().startswith("annex") else word
    return f"{word.capitalize()} {ident}"


def mark_amendments(sents: Sequence[Sent]) -> None:
    """Set `ctx.amends` on amending sentences and on the replacement text that follows."""
    carry: str | None = None
    carried = 0
    for sent in sents:
        ref = amendment_ref(sent)
        if ref is not None:
            sent.ctx.amends = ref
            carry = ref if _CARRY.search(sent.text) else None
            carried = 0
            continue
        if carry is not None:
            if _TOP_ITEM.match(sent.text) or carried > 3000:
                carry = None
            else:
                sent.ctx.amends = carry
                carried += len(sent.text)


def mark_exclusions(sents: Sequence[Sent]) -> None:
    """`ctx.in_exclusions`: under an exclusions heading, or in the list an exclusion
    sentence introduces ("... does not apply to: (a) ...")."""
    intro_block: int | None = None
    for sent in sents:
        if _EXCL_HEADING.search(sent.ctx.heading or ""):
            sent.ctx.in_exclusions = True
            continue
        if intro_block is not None and (
            sent.block == intro_block or _LIST_ITEM.match(sent.text)
        ):
            sent.ctx.in_exclusions = True
        else:
            intro_block = None
        intro = sent.has("EXCL_TRIGGER") and sent.text.rstrip().endswith((":", "following"))
        if intro and (_SLA_WORDS.search(sent.text) or _SLA_WORDS.search(sent.ctx.heading or "")):
            intro_block = sent.block
            sent.ctx.in_exclusions = True


_PRIORITY_START = recompile(r"^\s*(?:[-\u2022*]\s*)?(?:P\d|S\d|Sev|Severity|Priority|Level|"
                             r"Critical|Urgent|High|Medium|Normal|Low)\b", re.I)  # fmt: skip


def mark_ticket_lists(sents: Sequence[Sent]) -> None:
    """'We will respond to incidents within the following times:' gives its kind to the
    list that follows ('Severity 1: 1 hour')."""
    kind: str | None = None
    block: int | None = None
    for sent in sents:
        if kind and (sent.block == block or _LIST_ITEM.match(sent.text)
                     or _PRIORITY_START.match(sent.text)):  # fmt: skip
            sent.ctx.list_kind = kind
            continue
        kind = None
        if sent.text.rstrip().endswith(":"):
            resp, res = sent.has("RESPONSE"), sent.has("RESOLUTION")
            if resp != res:
                kind, block = ("response_time" if resp else "resolution_time"), sent.block
