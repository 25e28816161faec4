"""The registry of output formats, by name: each a pure ``render(report) -> str``."""

from __future__ import annotations

from typing import Callable

from privlint.findings import Report
from privlint.report import json_format, sarif, text

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
}
