"""Finds the Python files to scan under the given paths, honouring include and exclude globs."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from privlint.code.gitignore import ignored_under, tracked_under
from privlint.config import DEFAULT_EXCLUDES
from privlint.errors import ConfigError
from privlint.findings import Notification
from privlint.globs import glob_match


@dataclass(frozen=True, slots=True)
class Discovery:
    """The files found, and the paths that could not be walked."""

    files: tuple[Path, ...]
    notifications: tuple[Notification, ...]


def discover(paths: Iterable[Path], *, root: Path, include: Iterable[str], exclude: Iterable[str],
             gitignore: bool = True, tracked_only: bool = False) -> Discovery:
    """Files under ``paths`` (explicit files are kept whatever their suffix), sorted and without duplicates.
    With ``gitignore``, walks skip what git ignores in a work tree (explicit files are scanned anyway); with
    ``tracked_only``, they keep only files in git's index (committed or staged)."""
    include = tuple(include)
    exclude = tuple(exclude)
    found: dict[Path, None] = {}
    notes: list[Notification] = []
    for path in paths:
        if path.is_symlink() and not path.exists():
            notes.append(Notification(message="broken symbolic link", path=_named(path, root)))
        elif not path.exists():
            notes.append(Notification(message="no such file or directory", path=_named(path, root)))
        elif path.is_dir():
            ignored = ignored_under(path) if gitignore else frozenset()
            tracked = _tracked(path) if tracked_only else None
            for file in _walk(path, root, include, exclude, notes, ignored):
                if tracked is None or os.path.abspath(file) in tracked:
                    found.setdefault(file, None)
        elif not _excluded(path, root, exclude):
            found.setdefault(path, None)
    return Discovery(files=tuple(sorted(found)), notifications=tuple(notes))


def _tracked(folder: Path) -> frozenset[str]:
    tracked = tracked_under(folder)
    if tracked is None:
        raise ConfigError("scanning tracked files only needs git and a git work tree", path=str(folder))
    return tracked


def _walk(top: Path, root: Path, include: tuple[str, ...], exclude: tuple[str, ...],
          notes: list[Notification], ignored: frozenset[str]) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        notes.append(Notification(message=f"cannot read directory: {error.strerror}",
                                  path=_named(Path(str(error.filename)), root)))

    tree = top.resolve()
    endings = _required_endings(include)
    for folder, dirs, files in os.walk(top, followlinks=True, onerror=on_error):
        here = Path(folder)
        try:
            identity = _identity(here)
        except OSError as error:
            notes.append(Notification(message=f"cannot read directory: {error.strerror}", path=_named(here, root)))
            dirs[:] = []
            continue
        if identity in seen:
            notes.append(Notification(message="symbolic link loop: directory already visited",
                                      path=_named(here, root)))
            dirs[:] = []
            continue
        seen.add(identity)
        absolute = os.path.abspath(folder)
        dirs[:] = sorted(d for d in dirs if not _excluded(here / d, root, exclude, directory=True)
                         and os.path.join(absolute, d) not in ignored and _inside(here / d, tree, root, notes))
        try:
            prefix = _folder_under(absolute, os.path.abspath(root))
        except (OSError, RuntimeError):
            prefix = None
        for name in sorted(files):
            if endings is not None and not os.path.normcase(name).endswith(endings):
                continue
            file = here / name
            if os.path.join(absolute, name) in ignored:
                continue
            relative = prefix + name if prefix is not None else _relative(file, root).as_posix()
            if (_included_relative(relative, name, include) and not _excluded_relative(relative, exclude)
                    and _inside(file, tree, root, notes)):
                yield file


def _required_endings(include: tuple[str, ...]) -> tuple[str, ...] | None:
    """The literal endings of the include patterns (``.py`` of ``**/*.py``): a file name with none of them is not
    included, whatever folder it is in. None when a pattern ends in a wildcard or a folder."""
    endings = []
    for pattern in include:
        ending = re.split(r"[*?\[\]]", pattern)[-1]
        if not ending or "/" in ending:
            return None
        endings.append(os.path.normcase(ending))
    return tuple(endings)


def _inside(path: Path, tree: Path, root: Path, notes: list[Notification]) -> bool:
    """Whether ``path`` may be read: not a link that is broken or leads out of the scanned tree (reported)."""
    if not os.path.islink(path):
        return True
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        notes.append(Notification(message="broken symbolic link", path=_named(path, root)))
        return False
    if target == tree or tree in target.parents:
        return True
    notes.append(Notification(message="symbolic link to a path outside the scanned tree; not followed",
                              path=_named(path, root), level="warning", unreadable=False))
    return False


def _named(path: Path, root: Path) -> str:
    """How a path is named in a notification: relative to the project root when inside it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return absolute.as_posix()


def _identity(folder: Path) -> tuple[int, int]:
    stat = folder.stat()
    return stat.st_dev, stat.st_ino


def _relative(path: Path, root: Path) -> PurePosixPath:
    try:
        prefix = _folder_under(os.path.abspath(path.parent), os.path.abspath(root))
    except (OSError, RuntimeError):
        prefix = None
    if prefix is not None and path.name:
        return PurePosixPath(prefix + path.name)
    try:
        return PurePosixPath((resolved_folder(path.parent) / path.name).relative_to(resolved_folder(root)).as_posix())
    except (ValueError, OSError, RuntimeError):
        return PurePosixPath(path.as_posix())


@functools.lru_cache(maxsize=4096)
def _folder_under(folder: str, root: str) -> str | None:
    """The real path of the absolute ``folder`` relative to that of ``root`` as a POSIX prefix for the names in
    it (empty for the root itself, else ending in a slash); None when it is outside. Once per folder and run:
    the path work of naming every file of a project otherwise costs more than the walk."""
    try:
        relative = _resolved(folder).relative_to(_resolved(root)).as_posix()
    except ValueError:
        return None
    return "" if relative == "." else f"{relative}/"


def resolved_folder(folder: Path) -> Path:
    """A folder's real path, resolved once per run however many files it holds."""
    return _resolved(os.path.abspath(folder))


@functools.lru_cache(maxsize=4096)
def _resolved(absolute: str) -> Path:
    return Path(absolute).resolve()


def _included_relative(relative: str, name: str, include: tuple[str, ...]) -> bool:
    """Whether a file named ``relative`` to the root (``name`` in its folder) matches an include pattern."""
    return any(glob_match(relative, pattern) or fnmatch.fnmatch(name, pattern) for pattern in include)


def _excluded(path: Path, root: Path, exclude: tuple[str, ...], *, directory: bool = False) -> bool:
    if directory and any(fnmatch.fnmatch(path.name, pattern) for pattern in DEFAULT_EXCLUDES):
        return True
    if directory and os.path.exists(path / "pyvenv.cfg"):
        return True
    return bool(exclude) and _excluded_relative(_relative(path, root).as_posix(), exclude)


def _excluded_relative(relative: str, exclude: tuple[str, ...]) -> bool:
    """Whether a path named ``relative`` to the root matches an exclude pattern (a folder's: anything in it)."""
    return any(glob_match(relative, pattern) or glob_match(relative, pattern.rstrip("/") + "/**")
               for pattern in exclude)


def module_name(relative_path: str) -> str:
    """``pkg/sub/mod.py`` -> ``pkg.sub.mod``; ``pkg/__init__.py`` -> ``pkg``."""
    parts = relative_path.removesuffix(".py").replace("\\", "/").split("/")
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(part for part in parts if part not in {"", "."})


def display_path(path: Path, root: Path) -> str:
    """The path shown in results: relative to the project root when inside it, else absolute; POSIX separators.
    The file's own name is kept as written: a symbolic link is named, not its target."""
    if path.name:
        try:
            prefix = _folder_under(os.path.abspath(path.parent), os.path.abspath(root))
        except (OSError, RuntimeError):
            prefix = None
        if prefix is not None:
            return prefix + path.name
    try:
        full = resolved_folder(path.parent) / path.name
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path)).as_posix()
    try:
        return full.relative_to(resolved_folder(root)).as_posix()
    except (ValueError, OSError, RuntimeError):
        return full.as_posix()


def project_roots(files: Iterable[Path], root: Path) -> frozenset[str]:
    """The package and module names the scanned project defines: calls into them are the project's own."""
    roots: set[str] = set()
    for file in files:
        parts = module_name(display_path(file, root)).split(".")
        roots.update(parts[:-1] if len(parts) > 1 else parts)
    return frozenset(part for part in roots if part.isidentifier())
