"""Rendering for the command line: paths rebased for their reader, colour only on a terminal."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import IO

from privlint.config import Config
from privlint.findings import Report
from privlint.report.formats import RenderOptions, renderer
from privlint.report.paths import rebase


def render(report: Report, config: Config, first: Path, output_format: str, output: Path | None,
           options: RenderOptions) -> str:
    """The report in ``output_format`` with paths as people and tools open them: relative to the current
    folder; for SARIF relative to the repository root (git's top level, else the project root) that
    ``originalUriBaseIds`` names; JSON keeps them relative to the project root, like baselines and fingerprints."""
    options = replace(options, link_base=Path(os.path.abspath(output.parent if output is not None else ".")))
    if output_format == "sarif":
        srcroot = sarif_root(first, config.root)
        return renderer(output_format)(rebase(report, config.root, srcroot), replace(options, srcroot=srcroot))
    if output_format != "json":
        report = rebase(report, config.root, Path.cwd())
    return renderer(output_format)(report, options)


def sarif_root(first: Path, project_root: Path) -> Path:
    """The folder SARIF URIs are relative to: the git work tree holding the scan, else the project root when
    the scan is inside it, else the first folder scanned."""
    from privlint.code.gitignore import toplevel

    start = Path(os.path.abspath(first))
    folder = start if start.is_dir() else start.parent
    top = toplevel(folder) if folder.is_dir() else None
    if top is not None:
        return top
    root = Path(os.path.abspath(project_root))
    if start == root or root in start.parents:
        return root
    return folder


def wants_colour(stream: IO[str]) -> bool:
    """ANSI colour on a terminal that is not dumb; NO_COLOR (https://no-color.org) turns it off, FORCE_COLOR on."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
