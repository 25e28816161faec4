"""Which disclosures a document makes, where, and whether each is complete for a rule."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from privlint.policy.blocks import Block
from privlint.policy.nlp import Hit, Sentence
from privlint.policy.packs import Catalogue, PolicyRule
from privlint.policy.reader import ABSENT, UNSURE

if TYPE_CHECKING:
    from privlint.policy.judgement import Judgement

LOG = logging.getLogger(__name__)

MISSING = "missing"
PARTIAL = "partial"
UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Located:
    """A hit with the block it is in, its source line and its section."""

    hit: Hit
    block: int
    line: int
    section: int
    qualified: bool
    in_heading: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Status:
    """The outcome of one rule on one document: missing, partial, unconfirmed (the reader is not sure; `quote` is
    the closest passage), or None when the disclosure is complete."""

    status: str | None
    line: int
    missing_details: tuple[str, ...] = ()
    quote: str = ""


def sections(blocks: Sequence[Block]) -> list[int]:
    """Section number of each block: a heading starts a new section."""
    numbers, current = [], 0
    for block in blocks:
        current += 1 if block.heading else 0
        numbers.append(current)
    return numbers


def locate(blocks: Sequence[Block], sentences: Sequence[Sentence]) -> list[Located]:
    """Every hit of every sentence, with line and section."""
    section_of = sections(blocks)
    return [
        Located(hit=hit, block=s.block, line=blocks[s.block].line_at(hit.start), section=section_of[s.block],
                qualified=s.qualified, in_heading=blocks[s.block].heading)
        for s in sentences for hit in s.hits
    ]


def evidence(catalogue: Catalogue, located: Sequence[Located]) -> dict[str, list[Located]]:
    """Hits that count as each disclosure: heading phrases only in headings, and a negated, unqualified
    hit of a `negation: claim` item not at all."""
    found: dict[str, list[Located]] = {}
    for item in located:
        kind, _, name = item.hit.label.partition(":")
        if kind not in ("disclosure", "heading") or (kind == "heading" and not item.in_heading):
            continue
        if item.hit.negated and not item.qualified and catalogue.disclosures[name].negation == "claim":
            continue
        found.setdefault(name, []).append(item)
    return found


def evidence_lines(found: Mapping[str, list[Located]]) -> dict[str, list[int]]:
    """Lines that satisfy each disclosure, JSON-ready."""
    return {name: sorted({item.line for item in items}) for name, items in sorted(found.items())}


def details_in_scope(disclosure: str, scope: set[int], located: Sequence[Located]) -> set[str]:
    """Detail groups of `disclosure` found in the sections where it is disclosed (recipient names count too)."""
    prefix = f"detail:{disclosure}:"
    found: set[str] = set()
    for item in located:
        if item.section not in scope or (item.hit.negated and not item.qualified):
            continue
        if item.hit.label.startswith(prefix):
            found.add(item.hit.label[len(prefix):])
        elif item.hit.label.startswith("recipient-names:"):
            found.add("claims:recipients")
    return found


def rule_status(rule: PolicyRule, catalogue: Catalogue, found: Mapping[str, list[Located]],
                located: Sequence[Located], blocks: Sequence[Block], judgement: Judgement) -> Status:
    """Missing (reported at the document's first line) when the judgement is absent; unconfirmed when the reader
    is unsure; otherwise partial when the rule's detail groups are not all in the sections that disclose it."""
    passage = judgement.passage
    if judgement.state == ABSENT:
        return Status(status=MISSING, line=blocks[0].line)
    if judgement.state == UNSURE and passage is not None:
        return Status(status=UNCONFIRMED, line=blocks[passage.block].line_at(passage.start), quote=passage.text)
    items = found.get(rule.disclosure, [])
    scope = {item.section for item in items}
    lines = [item.line for item in items]
    if passage is not None:
        scope.add(passage.section)
        lines.append(blocks[passage.block].line_at(passage.start))
    first = min(lines, default=blocks[0].line)
    if not (rule.requires_any or rule.requires_all) or (items and _only_denied(items)):
        return Status(status=None, line=first)
    present = details_in_scope(rule.disclosure, scope, located)
    details = catalogue.disclosures[rule.disclosure].details
    if any(details[name].claims for name in details) and "claims:recipients" in present:
        present |= {name for name in details if details[name].claims}
    lacking = tuple(name for name in rule.requires_all if name not in present)
    if rule.requires_any and not any(name in present for name in rule.requires_any):
        lacking += rule.requires_any
    return Status(status=PARTIAL if lacking else None, line=first, missing_details=lacking)


def _only_denied(items: Sequence[Located]) -> bool:
    """True when every statement outside headings denies the item ("we do not transfer data abroad")."""
    body = [item for item in items if not item.in_heading]
    return bool(body) and all(item.hit.negated and not item.qualified for item in body)
