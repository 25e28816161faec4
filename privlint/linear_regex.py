"""Regular expressions read from rule packs and configuration, compiled for RE2's linear-time engine.

A pattern a repository supplies must not be able to hang a scan through catastrophic backtracking, so such
patterns are matched by RE2 (``google-re2``), which has no backtracking; look-around and back-references,
which need it, are refused with the reason.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

import re2

_OPTIONS = re2.Options()
_OPTIONS.max_mem = 8 << 20
_OPTIONS.log_errors = False
_SURROGATE = re.compile("[\ud800-\udfff]")


class LinearPattern:
    """An RE2 pattern matched on text where lone surrogates (which UTF-8 cannot hold) read as U+FFFD, so
    offsets stay those of the original text."""

    def __init__(self, compiled: Any) -> None:
        self._compiled = compiled

    def fullmatch(self, text: str) -> Any:
        return self._compiled.fullmatch(_encodable(text))

    def search(self, text: str) -> Any:
        return self._compiled.search(_encodable(text))

    def finditer(self, text: str) -> Iterator[Any]:
        return self._compiled.finditer(_encodable(text))


def _encodable(text: str) -> str:
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def compile_linear(pattern: str) -> LinearPattern:
    """The compiled pattern; ValueError saying why it is refused."""
    try:
        return LinearPattern(re2.compile(pattern, _OPTIONS))
    except re2.error as error:
        reason = error.args[0].decode("utf-8", "replace") if error.args and isinstance(error.args[0], bytes) else error
        raise ValueError(f"{reason} (patterns run on a linear-time engine: no look-around or back-references)"
                         ) from None
