"""Scans one Python file: read, parse once, walk the flow, and return the facts it found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import libcst as cst

from privlint.code.context import AnalysisContext, CollectionHit, SinkHit
from privlint.code.imports import module_name
from privlint.code.positions import expression_spans
from privlint.code.source_file import check_syntax, parse_module, read_source
from privlint.code.statements import StatementWalker
from privlint.code.summaries import CallSite, FunctionSummary, PendingHit
from privlint.code.suppressions import find_suppressions
from privlint.findings import Notification


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What one file's analysis found; small, so that it crosses process boundaries cheaply."""

    path: str
    hits: tuple[SinkHit, ...] = ()
    pending: tuple[PendingHit, ...] = ()
    summaries: tuple[FunctionSummary, ...] = ()
    call_sites: tuple[CallSite, ...] = ()
    collections: tuple[CollectionHit, ...] = ()
    suppressions: Mapping[int, frozenset[str]] = field(default_factory=dict)
    notifications: tuple[Notification, ...] = ()
    screened_out: bool = False


def scan_file(path: Path, display: str, context: AnalysisContext, *, force: bool = False) -> FileFacts:
    """The facts of one file; never raises for bad input.

    Unless ``force`` is set, a file whose text names no personal data is only checked for syntax: it cannot
    produce a finding by itself, and it is analysed later if a flow reaches one of its functions.
    """
    source = read_source(path, display)
    if source.text is None:
        return FileFacts(display, notifications=(source.notification,) if source.notification else ())
    if not force and context.screen is not None and not context.screen.might_hold_personal_data(source.text):
        problem = check_syntax(source.text, display)
        return FileFacts(display, notifications=(problem,) if problem else (), screened_out=True)
    parsed = parse_module(source.text, display)
    if isinstance(parsed, Notification):
        return FileFacts(display, notifications=(parsed,))
    walker = analyse(parsed, source.text, display, context)
    return FileFacts(
        display, hits=tuple(walker.hits), pending=tuple(walker.pending), summaries=tuple(walker.summaries),
        call_sites=tuple(walker.call_sites), collections=tuple(walker.collections),
        suppressions=find_suppressions(source.text),
    )


def analyse(module: cst.Module, text: str, display: str, context: AnalysisContext) -> StatementWalker:
    """Run the flow analysis over a parsed module: one position pass, one walk."""
    walker = StatementWalker(context, module_name=module_name(display), path=display,
                             positions=expression_spans(module), lines=text.splitlines())
    walker.walk_module(module)
    return walker
