"""Inline suppressions: ``# privlint: ignore[rule-id, ...]`` on a finding's line or the line above."""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field

MARKER = "privlint:"
_PATTERN = re.compile(r"#\s*privlint:\s*ignore\[([^\]]*)\]")


@dataclass(slots=True)
class Suppression:
    """One suppression comment and whether a finding used it."""

    line: int
    rule_ids: frozenset[str]
    used: set[str] = field(default_factory=set)


def find_suppressions(text: str) -> dict[int, Suppression]:
    """Suppression comments by line; only real comments count, not text inside strings."""
    if MARKER not in text:
        return {}
    found: dict[int, Suppression] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                match = _PATTERN.search(token.string)
                if match:
                    ids = frozenset(part.strip() for part in match.group(1).split(",") if part.strip())
                    found[token.start[0]] = Suppression(token.start[0], ids)
    except (tokenize.TokenError, SyntaxError):
        return found
    return found


def is_suppressed(suppressions: dict[int, Suppression], rule_id: str, line: int) -> bool:
    """Whether a finding of ``rule_id`` at ``line`` is suppressed; marks the suppression used."""
    for candidate in (line, line - 1):
        suppression = suppressions.get(candidate)
        if suppression is not None and rule_id in suppression.rule_ids:
            suppression.used.add(rule_id)
            return True
    return False


def unused(suppressions: dict[int, Suppression]) -> list[tuple[int, str]]:
    """(line, rule id) of every suppression entry that suppressed nothing."""
    return sorted((s.line, rule_id) for s in suppressions.values() for rule_id in s.rule_ids - s.used)
