"""The full analysis of one file with libcst: parse once, one position pass, one walk."""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Iterator

import libcst as cst
from libcst import CSTNode

from privlint.code.context import AnalysisContext
from privlint.code.discovery import module_name
from privlint.code.positions import expression_spans
from privlint.code.scanner import FileFacts
from privlint.code.source_file import check_syntax
from privlint.code.statements import StatementWalker
from privlint.code.suppressions import find_suppressions
from privlint.findings import Notification


def analyse(text: str, display: str, context: AnalysisContext) -> FileFacts:
    """Facts of a file's text; a syntax error becomes a notification."""
    parsed = parse_module(text, display)
    if isinstance(parsed, Notification):
        return FileFacts(display, notifications=(parsed,))
    walker = StatementWalker(context, module_name=module_name(display), path=display,
                             positions=expression_spans(parsed), lines=text.splitlines())
    walker.walk_module(parsed)
    return FileFacts(
        display, hits=tuple(walker.hits), pending=tuple(walker.pending), summaries=tuple(walker.summaries),
        call_sites=tuple(walker.call_sites), collections=tuple(walker.collections), schemas=tuple(walker.schemas),
        suppressions=find_suppressions(text), constants=walker.constants, class_bases=tuple(walker.class_bases),
        answered_exceptions=tuple(walker.answered),
        command_line=is_command_line_tool(display, text),
    )


_COMMAND_LINE_IMPORT = re.compile(r"^\s*(?:import|from)\s+(?:argparse|click|typer|getpass|django\.core\.management)\b",
                                  re.MULTILINE)
_COMMAND_LINE_PATH = re.compile(r"(?:^|/)(?:management/commands|cli|commands)/|(?:^|/)(?:__main__|manage|cli)\.py$")


def is_command_line_tool(display: str, text: str) -> bool:
    """Whether a module is a command-line tool (a Django management command, a click, typer or argparse
    program, one that prompts with input()): what it prints goes to the operator who ran it."""
    return bool(_COMMAND_LINE_PATH.search(display) or _COMMAND_LINE_IMPORT.search(text)
                or re.search(r"(?<![\w.])input\(", text))


def parse_module(text: str, display: str) -> cst.Module | Notification:
    """Parse with libcst; a syntax error (including Python 2 code) becomes a notification with its line."""
    try:
        with _unvalidated_nodes():
            return cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        # The standard library's parser words errors for people ("Missing parentheses in call to 'print'").
        return check_syntax(text, display) or Notification(
            message=f"cannot parse file (syntax error): {error.message}", path=display, line=error.raw_line)
    except (RecursionError, MemoryError) as error:
        return Notification(message=f"cannot parse file: {type(error).__name__}", path=display)


@contextmanager
def _unvalidated_nodes() -> Iterator[None]:
    """libcst checks every node it builds (``CSTNode.__post_init__`` calls ``_validate``), which is for trees
    edited by hand: what its parser builds from source is valid by construction (libcst says as much beside
    that method). Parsing without the checks takes about a sixth less time."""
    check = CSTNode.__dict__.get("__post_init__")
    if check is None:
        yield
        return
    CSTNode.__post_init__ = _no_check  # type: ignore[method-assign]
    try:
        yield
    finally:
        CSTNode.__post_init__ = check  # type: ignore[method-assign]


def _no_check(node: CSTNode) -> None:
    """A node built by the parser: nothing to check."""
