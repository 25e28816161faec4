"""Split identifiers (snake_case, camelCase, kebab-case, digits, Chinese) into lower-case tokens."""

from __future__ import annotations

import re
from collections.abc import Collection

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[\u3400-\u9fff]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_MAX_CJK_WORD = 6


def split_identifier(name: str, cjk_words: Collection[str] = ()) -> tuple[str, ...]:
    """Return the lower-case tokens of ``name``; runs of Chinese are cut into the known ``cjk_words``.

    >>> split_identifier("userEmailAddress2")
    ('user', 'email', 'address', '2')
    >>> split_identifier("HTTPResponse_code")
    ('http', 'response', 'code')
    """
    if name.isascii():  # no Chinese to segment: most names, and every built-in pattern but the Chinese ones
        return tuple(word.lower() for word in _WORD.findall(name))
    tokens: list[str] = []
    for word in _WORD.findall(name):
        if _CJK.match(word):
            tokens.extend(segment_chinese(word, cjk_words))
        else:
            tokens.append(word.lower())
    return tuple(tokens)


def segment_chinese(run: str, words: Collection[str]) -> list[str]:
    """Cut a run of Chinese characters by forward longest match against ``words``; unknown characters stand alone."""
    out: list[str] = []
    i = 0
    while i < len(run):
        for size in range(min(_MAX_CJK_WORD, len(run) - i), 0, -1):
            piece = run[i : i + size]
            if size == 1 or piece in words:
                out.append(piece)
                i += size
                break
    return out


def singular(token: str) -> str:
    """A crude singular, applied alike to names and patterns: ``phones`` -> ``phone``, ``ids`` -> ``id``,
    ``addresses`` -> ``address``, ``allergies`` -> ``allergy``; ``address``, ``status``, ``diagnosis`` stay."""
    if len(token) < 3 or not token.endswith("s") or token.endswith(("ss", "us", "is")):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("sses", "xes", "ches", "shes")):
        return token[:-2]
    return token[:-1]
