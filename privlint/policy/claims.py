"""A policy's own claims as data: categories it collects, recipients and countries it names, what it denies."""

from __future__ import annotations

import logging
from typing import Any, Mapping, Sequence

from privlint.policy.blocks import Block
from privlint.policy.disclosures import Located, sections
from privlint.policy.nlp import Sentence

LOG = logging.getLogger(__name__)

PROCESSOR = "processor"
THIRD_PARTY = "third-party"


def extract_claims(blocks: Sequence[Block], sentences: Sequence[Sentence], located: Sequence[Located],
                   vocabulary: Mapping[str, Any]) -> dict[str, Any]:
    """The categories it collects (and those its sensitive-data sections name), the recipients and countries it
    names (and where it says data is stored), its negative claims, and the statements that give recipients a
    role, JSON-ready."""
    headings = vocabulary.get("section-headings", {})
    collecting = _scope(blocks, located, "data-categories", headings)
    sensitive = _scope(blocks, located, "sensitive-data", headings)
    positive = [item for item in located if not item.hit.negated]
    return {
        "data_categories": _names(positive, "category", collecting),
        "sensitive_categories": _names(positive, "category", sensitive),
        "recipients": _names(positive, "recipient-names"),
        "recipient_categories": _names(positive, "recipient-categories"),
        "countries": _names(positive, "country"),
        "storage_countries": _storage_countries(blocks, sentences, vocabulary.get("storage", ())),
        "negative_claims": negative_claims(blocks, sentences, vocabulary.get("negation", {}).get("kinds", {})),
        "statements": statements(blocks, sentences, vocabulary.get("roles", {})),
    }


def _scope(blocks: Sequence[Block], located: Sequence[Located], disclosure: str,
           headings: Mapping[str, Sequence[str]]) -> set[int]:
    """The sections that make ``disclosure`` or whose heading is one of its ``headings``, and the untitled
    subsections after each, up to the next heading that names a disclosure: "### 1. 注册与登录" under
    "## 一、我们如何收集和使用您的个人信息" belongs to it."""
    labels = (f"disclosure:{disclosure}", f"heading:{disclosure}")
    section_of = sections(blocks)
    titles = {section_of[index]: block.text for index, block in enumerate(blocks) if block.heading}
    started = {item.section for item in located if item.hit.label in labels and not item.hit.negated}
    started |= {section for section, title in titles.items() if _says_any(title, headings.get(disclosure, ()))}
    titled = started | {item.section for item in located
                        if item.in_heading and item.hit.label.startswith(("heading:", "disclosure:"))}
    titled |= {section for section, title in titles.items()
               if any(_says_any(title, names) for names in headings.values())}
    last = section_of[-1] if blocks else 0
    scope: set[int] = set()
    for section in sorted(started):
        scope.add(section)
        following = section + 1
        while following <= last and following not in titled:
            scope.add(following)
            following += 1
    return scope


def _names(items: Sequence[Located], kind: str, only_sections: set[int] | None = None) -> list[str]:
    prefix = kind + ":"
    return sorted({
        item.hit.label[len(prefix):] for item in items
        if item.hit.label.startswith(prefix) and (only_sections is None or item.section in only_sections)
    })


def negative_claims(blocks: Sequence[Block], sentences: Sequence[Sentence],
                    kinds: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    """Sentences that deny sharing, selling or collecting, without an exception: their text, line, what they
    deny (``kinds``: sell, share, collect; disclose for any other verb) and the data categories they name."""
    kind_of = {str(word).lower(): kind for kind, words in kinds.items() for word in words}
    claims = []
    for sentence in sentences:
        denied = [hit for hit in sentence.hits if hit.label == "verb" and hit.negated]
        if sentence.qualified or not denied:
            continue
        block = blocks[sentence.block]
        denies = sorted({kind_of.get(block.text[hit.start:hit.end].lower(), "disclose") for hit in denied})
        categories = sorted({hit.label.partition(":")[2] for hit in sentence.hits if hit.label.startswith("category:")})
        claims.append({"text": _text(block, sentence), "line": block.line_at(sentence.start), "denies": denies,
                       "categories": categories})
    return claims


def statements(blocks: Sequence[Block], sentences: Sequence[Sentence],
               roles: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    """Sentences whose own words or heading say what role the recipients they name have: an entrusted
    processor or service provider (``processor``, which wins) or a third party given the data."""
    headings = _headings(blocks)
    found = []
    for sentence in sentences:
        block = blocks[sentence.block]
        if block.heading:
            continue
        text = _text(block, sentence)
        role = _role(text, roles) or _role(headings[sentence.block], roles)
        if role:
            found.append({"text": text, "line": block.line_at(sentence.start), "role": role})
    return found


def _storage_countries(blocks: Sequence[Block], sentences: Sequence[Sentence], cues: Sequence[str]) -> list[str]:
    """Countries named in sentences that say where data is stored or hosted."""
    countries = set()
    for sentence in sentences:
        named = {hit.label.partition(":")[2] for hit in sentence.hits
                 if hit.label.startswith("country:") and not hit.negated}
        if named and _says_any(_text(blocks[sentence.block], sentence), cues):
            countries |= named
    return sorted(countries)


def _role(text: str, roles: Mapping[str, Sequence[str]]) -> str:
    return next((role for role in (PROCESSOR, THIRD_PARTY) if _says_any(text, roles.get(role, ()))), "")


def _says_any(text: str, words: Sequence[Any]) -> bool:
    """Whether ``text`` contains one of ``words``, in any letter case."""
    lowered = text.lower()
    return any(str(word).lower() in lowered for word in words)


def _headings(blocks: Sequence[Block]) -> list[str]:
    """The nearest heading above each block (its own text for a heading)."""
    current, found = "", []
    for block in blocks:
        current = block.text if block.heading else current
        found.append(current)
    return found


def _text(block: Block, sentence: Sentence) -> str:
    return " ".join(block.text[sentence.start:sentence.end].split())
