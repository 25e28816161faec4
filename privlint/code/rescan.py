"""A whole scan's findings kept in the user's cache, so that scanning an unchanged project again decodes one entry.

The entry is keyed by every scanned and context file's path and bytes, the per-file cache's salt (privlint's
code, the rule packs, the settings that shape the analysis) and the whole configuration (disabled rules and
severities shape the findings too): the findings are a function of exactly these, so reusing them is exact.
One changed file is a miss, and the per-file entries make that scan cheap instead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from privlint.code import facts_codec
from privlint.code.cache import FactsCache, code_digest, default_cache_root
from privlint.code.source_file import read_source_bytes
from privlint.findings import Confidence, Finding, Notification, Severity

if TYPE_CHECKING:
    from privlint.engine import Engine

FOLDER = "scans"


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanResult:
    """The findings and notifications of a whole scan, as ``build_findings`` made them."""

    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]


facts_codec.register(ScanResult, Finding, Severity, Confidence)


class Rescans:
    """Whole-scan results by the key of what was scanned; a miss is None."""

    def __init__(self, store: FactsCache, key: str) -> None:
        self._store = store
        self._key = key

    @classmethod
    def open(cls, engine: "Engine", files: Sequence[Path]) -> "Rescans | None":
        """The store for a scan of ``files``; None without a cache or when a file cannot be read."""
        if engine.cache is None:
            return None
        digest = hashlib.sha256(f"{engine.cache.salt}\0{engine.config!r}\0".encode("utf-8", "surrogateescape"))
        for path in files:
            try:
                data = read_source_bytes(path)
            except OSError:
                return None
            digest.update(f"{engine.display(path)}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(hashlib.sha256(data).digest())
        store = FactsCache.open_shared(default_cache_root(), FOLDER, code_digest())
        return cls(store, digest.hexdigest()) if store is not None else None

    def get(self) -> ScanResult | None:
        return self._store.get(self._key, ScanResult)

    def put(self, result: ScanResult) -> None:
        self._store.prune()
        self._store.put(self._key, result)
