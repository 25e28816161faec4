"""A policy's own claims as data: categories it collects, recipients and countries it names, what it denies."""

from __future__ import annotations

import logging
from typing import Any, Sequence

from privlint.policy.blocks import Block
from privlint.policy.disclosures import Located
from privlint.policy.nlp import Sentence

LOG = logging.getLogger(__name__)


def extract_claims(blocks: Sequence[Block], sentences: Sequence[Sentence], located: Sequence[Located]) -> dict[str, Any]:
    """data_categories, recipients, recipient_categories, countries and negative_claims, JSON-ready."""
    collecting = {item.section for item in located
                  if item.hit.label in ("disclosure:data-categories", "heading:data-categories") and not item.hit.negated}
    positive = [item for item in located if not item.hit.negated]
    return {
        "data_categories": _names(positive, "category", collecting),
        "recipients": _names(positive, "recipient-names"),
        "recipient_categories": _names(positive, "recipient-categories"),
        "countries": _names(positive, "country"),
        "negative_claims": negative_claims(blocks, sentences),
    }


def _names(items: Sequence[Located], kind: str, only_sections: set[int] | None = None) -> list[str]:
    prefix = kind + ":"
    return sorted({
        item.hit.label[len(prefix):] for item in items
        if item.hit.label.startswith(prefix) and (only_sections is None or item.section in only_sections)
    })


def negative_claims(blocks: Sequence[Block], sentences: Sequence[Sentence]) -> list[dict[str, Any]]:
    """Sentences that deny sharing, selling, transferring or collecting, without an exception."""
    claims = []
    for sentence in sentences:
        if sentence.qualified or not any(hit.label == "verb" and hit.negated for hit in sentence.hits):
            continue
        block = blocks[sentence.block]
        text = " ".join(block.text[sentence.start:sentence.end].split())
        claims.append({"text": text, "line": block.line_at(sentence.start)})
    return claims

