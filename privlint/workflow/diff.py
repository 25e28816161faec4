"""Diff scans: the lines of the working tree changed since a git ref, and the findings on them."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Mapping, Sequence

from privlint.errors import ConfigError
from privlint.findings import Report

_FILE = re.compile(r"^\+\+\+ (.*)$")
_QUOTED_ESCAPE = re.compile(rb"\\([0-7]{3}|.)")
_C_ESCAPES = {b"a": b"\a", b"b": b"\b", b"t": b"\t", b"n": b"\n", b"v": b"\v", b"f": b"\f", b"r": b"\r",
              b'"': b'"', b"\\": b"\\"}
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
            current = _new_side_path(file_match.group(1))
            if current is not None:
                changed.setdefault(current, set())
            continue
        hunk = _HUNK.match(line)
        if hunk and current is not None:
            start, count = int(hunk.group(1)), int(hunk.group(2) if hunk.group(2) is not None else 1)
            changed[current].update(range(start, start + count))
    return changed


def _new_side_path(header: str) -> str | None:
    """The path of a ``+++`` header: ``b/x.py``, ``"b/x\\tab.py"`` (C-quoted), ``b/my file.py<TAB>``."""
    if header == "/dev/null":
        return None
    if header.startswith('"') and header.endswith('"'):
        raw = header[1:-1].encode("utf-8", "surrogateescape")
        header = _QUOTED_ESCAPE.sub(_unescape, raw).decode("utf-8", "surrogateescape")
    else:
        header = header.removesuffix("\t")
    return header.removeprefix("b/")


def _unescape(match: re.Match[bytes]) -> bytes:
    code = match.group(1)
    return bytes([int(code, 8)]) if code[:1].isdigit() else _C_ESCAPES.get(code, code)


def changed_lines(ref: str, start: Path) -> dict[Path, frozenset[int] | None]:
    """Changed lines of the working tree since ``ref``, by absolute path; untracked files count whole (None)."""
    if ref.startswith("-"):
        raise ConfigError(f"--diff takes a git revision, not an option: {ref!r}")
    top = Path(_git(["rev-parse", "--show-toplevel"], start).strip()).resolve()
    commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top,
                  failure=f"--diff: {ref!r} is not a commit in this repository").strip()
    diff = _git(["-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", "--no-renames", "--src-prefix=a/",
                 "--dst-prefix=b/", "--unified=0", commit, "--"], top)
    changes: dict[Path, frozenset[int] | None] = {
        (top / name).resolve(): frozenset(lines) for name, lines in parse_unified_zero(diff).items()}
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], top)
    for name in untracked.split("\0"):
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


def _git(args: Sequence[str], cwd: Path, failure: str | None = None) -> str:
    """Standard output of git (file names decoded as the file system does), or a ConfigError."""
    folder = cwd if cwd.is_dir() else cwd.parent
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, check=False,
                              stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise ConfigError("--diff needs git, which is not installed") from None
    if done.returncode != 0:
        if failure is not None:
            raise ConfigError(failure)
        stderr = done.stderr.decode("utf-8", "replace").strip()
        message = stderr.splitlines()[-1] if stderr else f"exit code {done.returncode}"
        raise ConfigError(f"--diff: `git {' '.join(args)}` failed: {message}")
    return done.stdout.decode("utf-8", "surrogateescape")
