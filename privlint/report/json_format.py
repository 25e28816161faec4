"""JSON output: the findings, notifications and policy data as plain data."""

from __future__ import annotations

import dataclasses
import enum
import json
from typing import Any

from privlint import __version__
from privlint.report.formats import DEFAULT_OPTIONS, RenderOptions
from privlint.findings import Report


def render(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The report as a JSON document with stable key order."""
    document = {
        "tool": {"name": "privlint", "version": __version__},
        "filesScanned": report.files_scanned,
        "findings": [_plain(finding) for finding in report.findings],
        "notifications": [_plain(note) for note in report.notifications],
        **{key: _plain(value) for key, value in report.extra.items()},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {_camel(field.name): _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.name.lower() if isinstance(value, enum.IntEnum) else value.value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)
