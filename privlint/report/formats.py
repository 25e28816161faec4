"""The registry of output formats, by name: each a pure ``render(report) -> str``, imported when used."""

from __future__ import annotations

import importlib
from typing import Callable

from privlint.findings import Report

Renderer = Callable[[Report], str]

# Formats by name and the module whose ``render`` produces them; a format's module (sarif-om for SARIF)
# is imported only when that format is asked for.
FORMATS: dict[str, str] = {
    "text": "privlint.report.text",
    "json": "privlint.report.json_format",
    "sarif": "privlint.report.sarif",
    "datamap": "privlint.report.datamap",
}


def renderer(name: str) -> Renderer:
    """The render function of the format called ``name``."""
    return importlib.import_module(FORMATS[name]).render
