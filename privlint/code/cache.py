"""A per-file cache of analysis facts, so that scanning an unchanged tree again is nearly free.

The cache lives in the user's cache directory, never in the scanned tree: a repository cannot ship entries.
Entries are JSON (nothing read can run code), signed with a secret only this user can read, so a forged or
damaged entry is a miss. An entry is keyed by the file's bytes and path and by a salt covering everything
else that shapes the analysis (privlint's own code, the rule packs, the configuration); each project has a
folder, with a folder per salt inside, and only those salt folders are ever pruned. No path of the cache is
followed through a symbolic link. The compiled rule packs (``compiled/``) and whole-scan results (``scans/``)
are kept the same way, in folders of their own.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from privlint.code.facts_codec import InvalidEntry, decode, encode
from privlint.safe_io import read_regular

if TYPE_CHECKING:
    from privlint.config import Config

LOG = logging.getLogger(__name__)
CACHE_ENV = "PRIVLINT_CACHE_DIR"
SECRET_FILE = "secret"
_SIGNATURE_BYTES = 32


def default_cache_root() -> Path:
    """``$PRIVLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/privlint``, else ``~/.cache/privlint``."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "privlint"


class FactsCache:
    """Facts of files by content hash, signed JSON in one project's folder of the user's cache (or, opened
    with ``open_shared``, entries of no one project: the compiled rule packs, whole-scan results)."""

    def __init__(self, root: Path, project_folder: Path, salt: str) -> None:
        self.root = root
        self.project_folder = project_folder
        self.folder = project_folder / salt[:16]
        self.salt = salt
        self._secret: bytes | None = None

    @classmethod
    def open(cls, root: Path, project: Path, salt: str) -> "FactsCache | None":
        """The cache of ``project``, or None (with a debug log) when its folder is not safe to use."""
        name = hashlib.sha256(str(project.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
        return cls._opened(cls(root, root / name, salt))

    @classmethod
    def open_shared(cls, root: Path, name: str, salt: str) -> "FactsCache | None":
        """The cache of entries that belong to no project, in the folder ``name`` of ``root``; None when unsafe."""
        return cls._opened(cls(root, root / name, salt))

    @staticmethod
    def _opened(cache: "FactsCache") -> "FactsCache | None":
        try:
            cache._secret = _read_or_make_secret(cache.root)
        except OSError as error:
            LOG.debug("cache disabled: %s", error)
            return None
        return cache

    def key(self, display: str, data: bytes, force: bool) -> str:
        digest = hashlib.sha256(self.salt.encode())
        digest.update(f"\0{display}\0{force}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str, expected: type) -> Any:
        """The entry's value, an ``expected`` (a file's facts, say); None when it is missing, unsigned, damaged,
        not a regular file or not an ``expected``."""
        try:
            data = read_regular(self._path(key), follow_symlinks=False)
        except OSError:
            return None
        signature, body = data[:_SIGNATURE_BYTES], data[_SIGNATURE_BYTES:]
        if not hmac.compare_digest(signature, self._sign(key, body)):
            LOG.debug("cache entry %s has a bad signature; ignored", key)
            return None
        try:
            return decode(body, expected)
        except InvalidEntry as error:
            LOG.debug("cache entry %s is invalid (%s); ignored", key, error)
            return None

    def put(self, key: str, facts: Any) -> None:
        import tempfile  # written on a miss only: a kept scan reads

        path = self._path(key)
        try:
            body = encode(facts)
            for folder in (self.project_folder, self.folder, path.parent):
                _private_folder(folder)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(self._sign(key, body) + body)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, TypeError) as error:
            LOG.debug("cannot write cache entry %s: %s", path, error)

    def prune(self) -> None:
        """Remove this project's entries of other salts (an older privlint, other rule packs or settings)."""
        try:
            entries = list(os.scandir(_real_folder(self.project_folder)))
        except OSError:
            return
        for entry in entries:
            if entry.name == self.folder.name:
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    import shutil

                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
            except OSError as error:
                LOG.debug("cannot prune %s: %s", entry.path, error)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def _sign(self, key: str, body: bytes) -> bytes:
        assert self._secret is not None, "FactsCache.open reads the secret"
        return hmac.new(self._secret, key.encode() + b"\0" + body, hashlib.sha256).digest()


def _private_folder(folder: Path) -> None:
    """Create ``folder`` (mode 0700) or check that it is a real folder of this user's, not a link."""
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        _real_folder(folder)


def _real_folder(folder: Path) -> Path:
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise OSError(f"{folder} is not a folder of this user's (a symbolic link?)")
    return folder


def _read_or_make_secret(root: Path) -> bytes:
    """The per-user signing key in ``root`` (created with mode 0600 on first use)."""
    root.parent.mkdir(parents=True, exist_ok=True)
    _private_folder(root)
    path = root / SECRET_FILE
    try:
        secret = read_regular(path, follow_symlinks=False)
    except FileNotFoundError:
        import tempfile

        secret = os.urandom(32)
        handle, temporary = tempfile.mkstemp(dir=root)
        with os.fdopen(handle, "wb") as stream:
            stream.write(secret)
        try:
            os.link(temporary, path)
        except FileExistsError:
            secret = read_regular(path, follow_symlinks=False)
        finally:
            os.unlink(temporary)
    if len(secret) != 32 or os.stat(path, follow_symlinks=False).st_mode & 0o077:
        raise OSError(f"{path} is not a private 32-byte key")
    return secret


def project_salt(config: Config, folders: Sequence[Path], project_roots: Iterable[str]) -> str:
    """The salt of a project's entries: privlint's code, every YAML file of the enabled rule pack ``folders``
    and the project's own taxonomy files, and the settings that shape the analysis."""
    pack_yaml = [path for folder in folders for path in sorted(folder.rglob("*.yml"))]
    settings = repr((config.packs, config.rule_paths, config.internal_domains, config.sanitizers,
                     config.data_types, config.taxonomy_paths, config.name_excludes, sorted(project_roots)))
    return salt_of([*pack_yaml, *config.taxonomy_paths], settings)


def salt_of(files: Iterable[Path], settings: str) -> str:
    """A digest of privlint's own modules, the given rule pack files and the settings text."""
    digest = hashlib.sha256(settings.encode())
    digest.update(code_digest().encode())
    for path in sorted(files):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of privlint's own modules: anything cached is stale once they change."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
