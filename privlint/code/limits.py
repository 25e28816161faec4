"""Per-file limits checked before the full parse: shapes that exhaust or crash libcst's native parser.

libcst's parser recurses without a guard: 2,000 nested brackets, 10,000 unary minus signs or a chain of
lambdas crash the process; a chain of a few thousand operators or f-string fields takes seconds and
gigabytes. Such files are not parsed; the scan reports them and goes on. The shapes are measured on the
text with string literals and comments blanked, in linear time.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

MAX_FILE_BYTES = 5_000_000
MAX_NESTING = 200  # CPython itself refuses more nested brackets ("too many nested parentheses")
MAX_CHAIN = 1_000
MAX_FSTRING_FIELDS = 10_000
MAX_TOKENS = 200_000
MAX_ANALYSIS_SECONDS = 60

_LITERAL = re.compile(r'''([rRbBuUfF]{0,2})("""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
                      r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\#[^\n]*''', re.DOTALL)
_BRACKET_OR_NEWLINE = re.compile(r"[()\[\]{}\n]")
_SEPARATOR = re.compile(r"[,;=\n]")
_OPERATOR = re.compile(r"[-+*/%&|^~@<>.()\[\]{}]|\b(?:and|or|not|if|else|lambda|await|in|is)\b")


def shape_problem(text: str) -> str | None:
    """Why the full parse must not be attempted on ``text``, or None when its shape is safe."""
    fields = 0

    def blank(match: re.Match[str]) -> str:
        nonlocal fields
        prefix, body = match.group(1, 2)
        if prefix and "f" in prefix.lower():
            fields = max(fields, body.count("{") - 2 * body.count("{{"))
        return '""' if body else ""

    code = _LITERAL.sub(blank, text)
    if fields > MAX_FSTRING_FIELDS:
        return f"an f-string has {fields:,} fields (limit {MAX_FSTRING_FIELDS:,})"
    tokens = len(_OPERATOR.findall(code)) + len(_SEPARATOR.findall(code)) if len(code) > MAX_TOKENS else 0
    if tokens > MAX_TOKENS:
        return f"{tokens:,} operators and separators (limit {MAX_TOKENS:,})"
    depth = deepest = 0
    inner_newlines = []
    for match in _BRACKET_OR_NEWLINE.finditer(code):
        char = match.group()
        if char == "\n":
            if depth:
                inner_newlines.append(match.start())
            continue
        depth = depth + 1 if char in "([{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        return f"brackets nested {deepest:,} deep (limit {MAX_NESTING})"
    statements = _join_lines(code, inner_newlines)
    longest = max((len(_OPERATOR.findall(piece)) for piece in _SEPARATOR.split(statements)
                   if len(piece) > MAX_CHAIN), default=0)
    if longest > MAX_CHAIN:
        return f"an expression chains {longest:,} operators (limit {MAX_CHAIN:,})"
    return None


def _join_lines(code: str, positions: list[int]) -> str:
    """``code`` with the newlines at ``positions`` (inside brackets, where a statement goes on) made spaces."""
    if not positions:
        return code
    parts = []
    start = 0
    for position in positions:
        parts.append(code[start:position])
        start = position + 1
    parts.append(code[start:])
    return " ".join(parts)


class AnalysisTimeout(Exception):
    """One file's analysis ran past its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise AnalysisTimeout in the block after ``seconds`` (a real-time timer; only in the main thread, where
    Python delivers signals, and left alone when the caller already uses SIGALRM)."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGALRM) not in (
            signal.SIG_DFL, None):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise AnalysisTimeout()

    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
