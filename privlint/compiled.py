"""Rule packs, taxonomy and sink catalogue kept validated in the user's cache, so YAML is parsed only after a change.

What is kept is the checked data the YAML files were read into, as JSON signed like the per-file cache's
entries (``privlint.code.cache``): JSON builds only registered plain data classes, so nothing read can run
code, and an entry that is forged, damaged or written by another privlint is a miss that is read again from
the YAML and replaced. Entries are keyed by every file's path and bytes and stored in a folder per version
of privlint's code, the folders of other versions being pruned when an entry is written.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Callable, Iterable, Protocol, Sequence, TypeVar

LOG = logging.getLogger(__name__)
FOLDER = "compiled"
T = TypeVar("T")


class Readable(Protocol):
    """A file: a path, or an ``importlib.resources`` entry of the built-in pack."""

    def read_bytes(self) -> bytes: ...


def compiled(kind: str, files: Sequence[Readable], read: Callable[[], T], expected: type,
             types: Iterable[type] = ()) -> T:
    """What ``read()`` makes of ``files`` (the ``kind`` of data: ``code-rules``, ``taxonomy``...), taken from the
    user's cache when neither the files nor privlint changed since it was kept there. ``read`` raises for
    invalid files (which are never kept); ``types`` are the data classes and enums its result is made of."""
    from privlint.code import facts_codec
    from privlint.code.cache import FactsCache, code_digest, default_cache_root

    key = _key(kind, files)
    store = FactsCache.open_shared(default_cache_root(), FOLDER, code_digest())
    if key is None or store is None:
        return read()
    facts_codec.register(*types)
    found = store.get(key, expected)
    if found is not None:
        return found
    value = read()
    store.prune()
    store.put(key, value)
    return value


def _key(kind: str, files: Sequence[Readable]) -> str | None:
    """A digest of the kind of data and of every file's name and bytes; None when a file cannot be read."""
    digest = hashlib.sha256(kind.encode())
    for item in files:
        try:
            data = item.read_bytes()
        except OSError as error:
            LOG.debug("not cached: %s", error)
            return None
        digest.update(f"\0{item}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()
