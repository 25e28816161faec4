"""Reads one Python file: bytes, declared encoding and text, or why it failed; a cheap syntax check."""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path

from privlint.code.limits import MAX_FILE_BYTES, shape_problem
from privlint.findings import Notification
from privlint.safe_io import read_regular


@dataclass(frozen=True, slots=True)
class SourceText:
    """A file's decoded text, or the notification that says why there is none."""

    text: str | None
    notification: Notification | None = None


def read_source(path: Path, display: str, data: bytes | None = None) -> SourceText:
    """Decode a file (or its ``data``, already read) as Python source (PEP 263 coding cookie, UTF-8 by default)."""
    if data is None:
        try:
            data = read_source_bytes(path)
        except OSError as error:
            return SourceText(None, Notification(message=f"cannot read file: {error.strerror or error}",
                                                 path=display))
    if b"\x00" in data[:8192]:
        return SourceText(None, Notification(message="binary file, not Python source", path=display))
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return SourceText(data.decode(encoding))
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        reason = error.reason if isinstance(error, UnicodeDecodeError) else str(error)
        return SourceText(None, Notification(message=f"cannot decode file: {reason}", path=display))


def read_source_bytes(path: Path) -> bytes:
    """A source file's bytes: a regular file of at most MAX_FILE_BYTES, never blocking on a FIFO or device."""
    return read_regular(path, limit=MAX_FILE_BYTES)


def check_syntax(text: str, display: str) -> Notification | None:
    """The cheap syntax check of a file that needs no analysis. The standard library's parser answers first
    (fast); when it refuses the text, libcst's parser, which knows the grammar of Python 3.0 to 3.14 whatever
    interpreter runs privlint, confirms the error, so PEP 695 generics are not a syntax error on Python 3.11."""
    try:
        ast.parse(text, filename=display)
    except SyntaxError as error:
        problem = Notification(message=f"cannot parse file (syntax error): {error.msg}", path=display,
                               line=error.lineno)
    except (ValueError, RecursionError, MemoryError) as error:
        problem = Notification(message=f"cannot parse file: {error}", path=display)
    else:
        return None
    return None if newer_syntax(text) else problem


def newer_syntax(text: str) -> bool:
    """Whether libcst parses ``text`` (checked only for shapes its parser can take safely)."""
    if shape_problem(text) is not None:
        return False
    import libcst

    try:
        libcst.parse_module(text)
    except (libcst.ParserSyntaxError, RecursionError, MemoryError, ValueError):
        return False
    return True
