"""Glob patterns over POSIX relative paths, where ``**/`` spans folders and ``*`` stays within one."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKENS = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(\*\*/|\*\*|\*|\?)", pattern)
    return re.compile("".join(_TOKENS.get(part, re.escape(part)) for part in parts) + r"\Z")


def glob_match(relative: str, pattern: str) -> bool:
    """Whether a POSIX relative path matches a glob pattern (``docs/**/privacy*``, ``legacy/*``)."""
    return bool(_glob_regex(pattern).match(relative))
