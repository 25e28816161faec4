"""What git says about a folder: the top of its work tree, and the untracked files its ignore rules exclude."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

LOG = logging.getLogger(__name__)
GIT_TIMEOUT_SECONDS = 60
# A scanned tree is untrusted: its git configuration must not run programs (core.fsmonitor) or pagers.
_SAFE = ("-c", "core.fsmonitor=false", "-c", "core.quotepath=off")


def _git(args: list[str], folder: Path) -> bytes | None:
    """git's standard output, or None when git is missing, fails, or the folder is not in a work tree."""
    try:
        done = subprocess.run(["git", *_SAFE, *args], cwd=folder, capture_output=True, check=False,
                              stdin=subprocess.DEVNULL, timeout=GIT_TIMEOUT_SECONDS,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"})
    except (OSError, subprocess.SubprocessError) as error:
        LOG.debug("git %s in %s: %s", args[0], folder, error)
        return None
    return done.stdout if done.returncode == 0 else None


def toplevel(start: Path) -> Path | None:
    """The root of the git work tree holding ``start`` (a file or folder), or None."""
    folder = start if start.is_dir() else start.parent
    out = _git(["rev-parse", "--show-toplevel"], folder)
    if not out or not out.strip():
        return None
    return Path(os.fsdecode(out.rstrip(b"\n")))


def ignored_under(folder: Path) -> frozenset[str]:
    """Absolute paths under ``folder`` that git ignores (.gitignore files, .git/info/exclude, the user's
    core.excludesFile) and that are not tracked; a wholly ignored folder is one entry, never descended into.
    Empty when ``folder`` is not in a git work tree or git is not installed."""
    out = _git(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"], folder)
    if not out:
        return frozenset()
    base = os.path.abspath(folder)
    return frozenset(os.path.normpath(os.path.join(base, os.fsdecode(name)))
                     for name in out.split(b"\0") if name)


def tracked_under(folder: Path) -> frozenset[str] | None:
    """Absolute paths of the files under ``folder`` in git's index (committed or staged), or None when
    ``folder`` is not in a git work tree or git is not installed."""
    out = _git(["ls-files", "-z", "--cached"], folder)
    if out is None:
        return None
    base = os.path.abspath(folder)
    return frozenset(os.path.normpath(os.path.join(base, os.fsdecode(name))) for name in out.split(b"\0") if name)
