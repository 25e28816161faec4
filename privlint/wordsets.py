"""Regular expressions that match any word of a list: longest first, escaped, never matching when empty."""

from __future__ import annotations

import re
from typing import Iterable

NEVER = re.compile(r"(?!x)x")


def alternation(words: Iterable[str]) -> str:
    """``a|b|c`` of the escaped words, longest first so that a longer word wins over its prefix."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def any_of(words: Iterable[str], template: str = "{}", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A pattern matching any of ``words`` placed in ``template`` (e.g. ``r"\\b(?:{})\\b"``); NEVER when empty."""
    joined = alternation(words)
    return re.compile(template.format(joined), flags) if joined else NEVER
