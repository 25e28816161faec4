"""A per-file cache of analysis facts, so that scanning an unchanged tree again is nearly free.

An entry is keyed by the file's bytes and path, and by a salt covering everything else that shapes the
analysis: privlint's own code, every rule pack file, and the configuration. Entries live in a folder per
salt, so entries a newer privlint or another configuration can no longer use are removed as a whole; they
are written atomically, one file each, so worker processes can share the folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from privlint.code.scanner import FileFacts

LOG = logging.getLogger(__name__)
CACHE_FOLDER = ".privlint_cache"


class FactsCache:
    """Facts of files by content hash, in a folder of pickles this process or its siblings wrote."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.root = folder
        self.folder = folder / salt[:16]
        self.salt = salt

    def key(self, display: str, data: bytes, force: bool) -> str:
        digest = hashlib.sha256(self.salt.encode())
        digest.update(f"\0{display}\0{force}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> FileFacts | None:
        try:
            with open(self._path(key), "rb") as handle:
                facts = pickle.load(handle)  # noqa: S301 - entries are written by privlint into its own folder
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return facts if isinstance(facts, FileFacts) else None

    def put(self, key: str, facts: FileFacts) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._ignore_in_git()
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(facts, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError as error:
            LOG.debug("cannot write cache entry %s: %s", path, error)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def prune(self) -> None:
        """Remove the entries of other salts (an older privlint, other rule packs or settings)."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder.is_dir() and folder != self.folder:
                shutil.rmtree(folder, ignore_errors=True)

    def _ignore_in_git(self) -> None:
        marker = self.root / ".gitignore"
        if not marker.exists():
            marker.write_text("# Written by privlint: a cache, safe to delete.\n*\n", encoding="utf-8")


def salt_of(files: Iterable[Path], settings: str) -> str:
    """A digest of privlint's own modules, the given rule pack files and the settings text."""
    digest = hashlib.sha256(settings.encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")) + sorted(files):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
