"""Inline suppressions: ``# privlint: ignore[rule-id, ...]`` on a finding's line or the line above."""

from __future__ import annotations

import io
import re
import tokenize
from typing import Iterator, Mapping

from privlint.findings import Notification

MARKER = "privlint:"
_PATTERN = re.compile(r"#\s*privlint:\s*ignore\[([^\]]*)\]")
_MENTION = re.compile(r"privlint\s*:", re.IGNORECASE)
_WELL_FORMED = re.compile(r"#\s*privlint:\s*ignore\[\s*[\w.-]+(?:\s*,\s*[\w.-]+)*\s*,?\s*\]")


def find_suppressions(text: str) -> dict[int, frozenset[str]]:
    """Suppressed rule ids by line; only real comments count, not text inside strings."""
    if MARKER not in text:
        return {}
    found: dict[int, frozenset[str]] = {}
    for line, comment in _comments(text):
        match = _PATTERN.search(comment)
        if match:
            found[line] = frozenset(part.strip() for part in match.group(1).split(",") if part.strip())
    return found


def malformed_suppressions(text: str, display: str) -> tuple[Notification, ...]:
    """A warning for every comment that mentions ``privlint:`` but is not ``# privlint: ignore[rule-id, ...]``
    (``# privlint: ignore`` naming no rule, ``# privlint: disable=x``, ``# noqa privlint: x``): it hides
    nothing, and saying so beats a gate that looks green for the wrong reason."""
    if "privlint" not in text.lower():
        return ()
    return tuple(
        Notification(message=f"malformed suppression {comment.strip()!r} hides nothing; write "
                             f"`# privlint: ignore[rule-id]`", path=display, line=line, level="warning",
                     unreadable=False)
        for line, comment in _comments(text)
        if _MENTION.search(comment) and not _WELL_FORMED.search(comment))


def _comments(text: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every real comment, not of text inside strings; stops quietly at a tokenizer error."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string
    except (tokenize.TokenError, SyntaxError):
        return


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
