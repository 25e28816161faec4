"""Where a report's paths are written from: the project root inside, the current folder or the repository root out."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from privlint.findings import Finding, FlowStep, Location, Report


def rebase(report: Report, root: Path, base: Path) -> Report:
    """``report`` with every path, written relative to the project ``root`` (or absolute), rewritten relative
    to ``base``; a file outside ``base`` keeps its absolute path. POSIX separators throughout."""
    return map_paths(report, mover(root, base))


def map_paths(report: Report, move: Callable[[str], str]) -> Report:
    """``report`` with ``move`` applied to every path in it: locations, flow steps, notifications, policies."""
    return replace(
        report,
        findings=tuple(_finding(finding, move) for finding in report.findings),
        notifications=tuple(replace(note, path=move(note.path)) for note in report.notifications),
        extra={**report.extra, **({"policies": [{**record, "path": move(record["path"])} if record.get("path")
                                                else record for record in report.extra["policies"]]}
                                  if "policies" in report.extra else {})},
    )


def mover(root: Path, base: Path) -> Callable[[str], str]:
    """A function from a root-relative (or absolute) path to a ``base``-relative (or absolute) one."""
    root_abs = Path(os.path.abspath(root))
    base_abs = Path(os.path.abspath(base))
    resolved_base = base_abs.resolve()

    def move(path: str) -> str:
        if not path:
            return path
        full = Path(path) if os.path.isabs(path) else root_abs / path
        for anchor, candidate in ((base_abs, full), (resolved_base, _resolved_parent(full))):
            try:
                return candidate.relative_to(anchor).as_posix()
            except ValueError:
                continue
        return full.as_posix()

    return move


def _resolved_parent(path: Path) -> Path:
    try:
        return path.parent.resolve() / path.name
    except (OSError, RuntimeError):
        return path


def _finding(finding: Finding, move: Callable[[str], str]) -> Finding:
    properties: dict[str, Any] = dict(finding.properties)
    if isinstance(properties.get("policy"), str):
        properties["policy"] = move(properties["policy"])
    return replace(finding, location=_location(finding.location, move), properties=properties,
                   flow=_steps(finding.flow, move), related=_steps(finding.related, move))


def _steps(steps: tuple[FlowStep, ...], move: Callable[[str], str]) -> tuple[FlowStep, ...]:
    return tuple(replace(step, location=_location(step.location, move)) for step in steps)


def _location(location: Location, move: Callable[[str], str]) -> Location:
    return replace(location, path=move(location.path))

