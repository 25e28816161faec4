"""The registry of output formats, by name: each a pure ``render(report) -> str``, imported when used."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from privlint.findings import Report


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderOptions:
    """How a report is presented; never what it contains."""

    srcroot: Path | None = None     # SARIF: the folder result URIs are relative to (originalUriBaseIds SRCROOT)
    color: bool = False             # text: ANSI colours (a terminal)
    verbose: bool = False           # text: every note listed, not summarised in one line
    hidden_by_baseline: int = 0     # text: findings a baseline hid, for the summary
    link_base: Path | None = None   # html: the folder links to source files are relative to


DEFAULT_OPTIONS = RenderOptions()
Renderer = Callable[[Report, RenderOptions], str]

# Formats by name and the module whose ``render`` produces them; a format's module (the HTML template, say)
# is imported only when that format is asked for.
FORMATS: dict[str, str] = {
    "text": "privlint.report.text",
    "json": "privlint.report.json_format",
    "sarif": "privlint.report.sarif",
    "datamap": "privlint.report.datamap",
    "html": "privlint.report.html",
}


def renderer(name: str) -> Renderer:
    """The render function of the format called ``name``."""
    return importlib.import_module(FORMATS[name]).render
