"""Diff scans: the lines of the working tree changed since a git ref, and the findings on them."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Mapping, Sequence

from privlint.errors import ConfigError
from privlint.findings import Report

_FILE = re.compile(r"^\+\+\+ (?:b/)?(.*)$")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
WHOLE_FILE = None

Changes = Mapping[Path, "frozenset[int] | None"]


def parse_unified_zero(text: str) -> dict[str, set[int]]:
    """Added or changed line numbers per new-side path from ``git diff --unified=0`` output."""
    changed: dict[str, set[int]] = {}
    current: str | None = None
    for line in text.splitlines():
        file_match = _FILE.match(line)
        if file_match:
            current = None if file_match.group(1) == "/dev/null" else file_match.group(1)
            if current is not None:
                changed.setdefault(current, set())
            continue
        hunk = _HUNK.match(line)
        if hunk and current is not None:
            start, count = int(hunk.group(1)), int(hunk.group(2) if hunk.group(2) is not None else 1)
            changed[current].update(range(start, start + count))
    return changed


def changed_lines(ref: str, start: Path) -> dict[Path, frozenset[int] | None]:
    """Changed lines of the working tree since ``ref``, by absolute path; untracked files count whole (None)."""
    top = Path(_git(["rev-parse", "--show-toplevel"], start).strip()).resolve()
    diff = _git(["-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", "--src-prefix=a/",
                 "--dst-prefix=b/", "--unified=0", ref, "--"], top)
    changes: dict[Path, frozenset[int] | None] = {
        (top / name).resolve(): frozenset(lines) for name, lines in parse_unified_zero(diff).items()}
    untracked = _git(["-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard"], top)
    for name in untracked.splitlines():
        if name:
            changes[(top / name).resolve()] = WHOLE_FILE
    return changes


def on_changed_lines(report: Report, changes: Changes, root: Path) -> Report:
    """The report without the findings whose line did not change (notifications are kept)."""
    def changed(path: str, line: int) -> bool:
        absolute = Path(path) if Path(path).is_absolute() else root / path
        key = absolute.resolve()
        if key not in changes:
            return False
        lines = changes[key]
        return lines is WHOLE_FILE or line in lines

    kept = tuple(finding for finding in report.findings if changed(finding.location.path, finding.location.line))
    return replace(report, findings=kept)


def _git(args: Sequence[str], cwd: Path) -> str:
    folder = cwd if cwd.is_dir() else cwd.parent
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ConfigError("--diff needs git, which is not installed") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit code {done.returncode}"
        raise ConfigError(f"--diff: `git {' '.join(args)}` failed: {message}")
    return done.stdout
