"""Glob patterns over POSIX relative paths, where ``**/`` spans folders and ``*`` stays within one.

A pattern with at most two wildcards of the repeating kind compiles to a regular expression, whose
backtracking is then bounded by the square of the path's length; a pattern with more is matched by a
small automaton in time linear in the path, so no pattern read from a repository can make a scan hang.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

_TOKENS = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
_SPLIT = re.compile(r"(\*\*/|\*\*|\*|\?)")
_REPEATING = frozenset({"**/", "**", "*"})
MAX_REGEX_REPEATS = 2


def glob_match(relative: str, pattern: str) -> bool:
    """Whether a POSIX relative path matches a glob pattern (``docs/**/privacy*``, ``legacy/*``)."""
    return _matcher(pattern)(relative)


@lru_cache(maxsize=256)
def _matcher(pattern: str) -> Callable[[str], bool]:
    parts = [part for part in _SPLIT.split(pattern) if part]
    if sum(part in _REPEATING for part in parts) <= MAX_REGEX_REPEATS:
        regex = re.compile("".join(_TOKENS.get(part, re.escape(part)) for part in parts) + r"\Z", re.DOTALL)
        return lambda relative: regex.match(relative) is not None
    tokens = tuple(token for part in parts for token in ([part] if part in _TOKENS else list(part)))
    return lambda relative: _automaton_match(tokens, relative)


def _automaton_match(tokens: tuple[str, ...], text: str) -> bool:
    """Simulate the pattern one character of ``text`` at a time, as a set of states: a position in
    ``tokens``, or (as ``-1 - position``) the inside of a ``**/`` that still has to read its slash."""
    states = _closure(tokens, {0})
    for char in text:
        following: set[int] = set()
        for state in states:
            if state < 0:
                following.add(state)
                if char == "/":
                    following.add(-state)
                continue
            if state == len(tokens):
                continue
            token = tokens[state]
            if token == "**" or (token == "*" and char != "/"):
                following.add(state)
            elif token == "**/":
                following.add(-1 - state)
                if char == "/":
                    following.add(state + 1)
            elif token == char or (token == "?" and char != "/"):
                following.add(state + 1)
        if not following:
            return False
        states = _closure(tokens, following)
    return len(tokens) in states


def _closure(tokens: tuple[str, ...], states: set[int]) -> set[int]:
    """Add the positions reachable without reading a character: past any repeating wildcard."""
    pending = list(states)
    while pending:
        index = pending.pop()
        if 0 <= index < len(tokens) and tokens[index] in _REPEATING and index + 1 not in states:
            states.add(index + 1)
            pending.append(index + 1)
    return states
