"""Scans one Python file: read it, screen it, and hand it to the full analysis only when it may matter."""

from __future__ import annotations

import gc
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator, Mapping

from privlint.code import facts_codec
from privlint.code.catalogue import Sink
from privlint.code.context import AnalysisContext, CollectionHit, SinkHit
from privlint.code.discovery import module_name
from privlint.code.limits import MAX_ANALYSIS_SECONDS, AnalysisTimeout, shape_problem, time_limit
from privlint.code.source_file import check_syntax, read_source
from privlint.code.suppressions import malformed_suppressions
from privlint.code.summaries import CallSite, FunctionSummary, SchemaSummary
from privlint.code.taint import Taint
from privlint.findings import Notification

LOG = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What one file's analysis found; small, so that it crosses process boundaries cheaply."""

    path: str
    hits: tuple[SinkHit, ...] = ()
    pending: tuple[SinkHit, ...] = ()
    summaries: tuple[FunctionSummary, ...] = ()
    call_sites: tuple[CallSite, ...] = ()
    collections: tuple[CollectionHit, ...] = ()
    schemas: tuple[SchemaSummary, ...] = ()
    constants: Mapping[str, str] = field(default_factory=dict)
    suppressions: Mapping[int, frozenset[str]] = field(default_factory=dict)
    class_bases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    answered_exceptions: tuple[tuple[str, str], ...] = ()  # (class, "" or the class whose methods it answers)
    command_line: bool = False
    notifications: tuple[Notification, ...] = ()
    screened_out: bool = False


# What a per-file cache entry is made of.
facts_codec.register(FileFacts, SinkHit, Sink, Taint, FunctionSummary, CallSite, CollectionHit, SchemaSummary)


_STRING_CONSTANT = re.compile(r"""^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*[rRuU]?["']([^"'\n]{2,200})["']\s*$""",
                              re.MULTILINE)


# An except clause that shows the requester what it caught, or a function registered to handle an exception class
# for every request: a file with one is analysed even when it names no personal data, since it decides which
# of the project's exceptions are no leak (privlint.code.handlers).
_ANSWERING_HANDLER = re.compile(
    r"^[ \t]*except[ \t][^\n:]+[ \t]as[ \t]+\w+[ \t]*:[ \t]*\n(?:[^\n]*\n){0,2}?[^\n]*"
    r"\b(?:messages\.(?:error|warning|info|add_message)|render|Response|JsonResponse|jsonify|make_response)\("
    r"|^[ \t]*@[\w.]*(?:errorhandler|exception_handler)\([ \t]*[A-Za-z_]", re.MULTILINE)


def place_constants(text: str, module: str, context: AnalysisContext) -> dict[str, str]:
    """Module-level string constants naming where data goes, read from the text alone: URLs
    (``CRM_URL = "https://..."``) and cloud regions (``EXPORT_REGION = "us-east-1"``)."""
    return {f"{module}.{name}": value for name, value in _STRING_CONSTANT.findall(text)
            if names_a_place(value, context)}


def names_a_place(value: str, context: AnalysisContext) -> bool:
    """Whether a string constant is a URL or a region a client can be built for."""
    return "://" in value or context.catalogue.regions.country_of_text(value) is not None


def scan_file(path: Path, display: str, context: AnalysisContext, *, force: bool = False,
              data: bytes | None = None) -> FileFacts:
    """The facts of one file; never raises for bad input.

    Unless ``force`` is set, a file whose text names no personal data is only checked for syntax: it cannot
    produce a finding by itself, and it is analysed later if a flow reaches one of its functions.
    """
    source = read_source(path, display, data)
    if source.text is None:
        return FileFacts(display, notifications=(source.notification,) if source.notification else ())
    with collector_paused():
        facts = _scan_text(source.text, display, context, force)
    malformed = malformed_suppressions(source.text, display)
    return replace(facts, notifications=(*facts.notifications, *malformed)) if malformed else facts


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while one file is analysed: libcst builds up to hundreds of thousands of
    nodes, alive until the analysis ends and not in cycles, which the collector would traverse again and again
    (a third of a cold scan of Django). Once the file is done they are freed by reference counting, and the
    collector, running again, looks only at what survived. The scan pauses it too while facts and findings
    pile up (``privlint.api``): they are not in cycles either, and each full collection would traverse them all."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _scan_text(text: str, display: str, context: AnalysisContext, force: bool) -> FileFacts:
    """The facts of a file's decoded text (see ``scan_file``)."""
    if (not force and context.screen is not None and not context.screen.might_hold_personal_data(text)
            and not _ANSWERING_HANDLER.search(text)):
        problem = check_syntax(text, display)
        return FileFacts(display, notifications=(problem,) if problem else (), screened_out=True,
                         constants=place_constants(text, module_name(display), context))
    problem = shape_problem(text)
    if problem is not None:
        return FileFacts(display, notifications=(
            Notification(message=f"file not analysed: {problem}; the parser cannot take it safely", path=display),))
    from privlint.code.analysis import analyse

    try:
        with time_limit(MAX_ANALYSIS_SECONDS):
            return analyse(text, display, context)
    except AnalysisTimeout:
        return FileFacts(display, notifications=(
            Notification(message=f"file not analysed: analysis took longer than {MAX_ANALYSIS_SECONDS} s",
                         path=display),))
    except RecursionError:
        return FileFacts(display, notifications=(
            Notification(message="cannot analyse file: expressions nested too deeply", path=display),))
    except Exception as error:  # noqa: BLE001 - one file's analysis failing must not end the scan
        LOG.exception("analysis of %s failed", display)
        return FileFacts(display, notifications=(
            Notification(message=f"internal error while analysing file ({type(error).__name__}: {error}); "
                                 f"please report it", path=display),))
