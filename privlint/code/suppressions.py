"""Inline suppressions: ``# privlint: ignore[rule-id, ...]`` on a finding's line or the line above."""

from __future__ import annotations

import io
import re
import tokenize
from typing import Mapping

MARKER = "privlint:"
_PATTERN = re.compile(r"#\s*privlint:\s*ignore\[([^\]]*)\]")


def find_suppressions(text: str) -> dict[int, frozenset[str]]:
    """Suppressed rule ids by line; only real comments count, not text inside strings."""
    if MARKER not in text:
        return {}
    found: dict[int, frozenset[str]] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                match = _PATTERN.search(token.string)
                if match:
                    found[token.start[0]] = frozenset(
                        part.strip() for part in match.group(1).split(",") if part.strip())
    except (tokenize.TokenError, SyntaxError):
        return found
    return found


class SuppressionTracker:
    """Answers whether a finding is suppressed and remembers which suppressions were used."""

    def __init__(self, by_file: Mapping[str, Mapping[int, frozenset[str]]]) -> None:
        self._by_file = by_file
        self._used: set[tuple[str, int, str]] = set()

    def suppresses(self, path: str, rule_id: str, line: int) -> bool:
        lines = self._by_file.get(path, {})
        for candidate in (line, line - 1):
            if rule_id in lines.get(candidate, ()):
                self._used.add((path, candidate, rule_id))
                return True
        return False

    def unused(self) -> list[tuple[str, int, str]]:
        """(path, line, rule id) of every suppression entry that suppressed nothing."""
        return sorted((path, line, rule_id) for path, lines in self._by_file.items()
                      for line, ids in lines.items() for rule_id in ids if (path, line, rule_id) not in self._used)
