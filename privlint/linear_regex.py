"""Regular expressions read from rule packs and configuration, compiled for RE2's linear-time engine.

A pattern a repository supplies must not be able to hang a scan through catastrophic backtracking, so such
patterns are matched by RE2 (``google-re2``), which has no backtracking; look-around and back-references,
which need it, are refused with the reason.
"""

from __future__ import annotations

from typing import Any

import re2

_OPTIONS = re2.Options()
_OPTIONS.max_mem = 8 << 20
_OPTIONS.log_errors = False


def compile_linear(pattern: str) -> Any:
    """The compiled pattern (with ``search``, ``fullmatch``, ``finditer``); ValueError saying why it is refused."""
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as error:
        reason = error.args[0].decode("utf-8", "replace") if error.args and isinstance(error.args[0], bytes) else error
        raise ValueError(f"{reason} (patterns run on a linear-time engine: no look-around or back-references)"
                         ) from None
