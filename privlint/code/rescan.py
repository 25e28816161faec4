"""A whole scan's findings kept in the user's cache, so that scanning an unchanged project again decodes one entry.

The entry is keyed by every scanned and context file's path and bytes (and how many of them were scanned), the
per-file cache's salt (privlint's code, the rule packs, the settings that shape the analysis) and the whole
configuration (disabled rules and severities shape the findings too): the findings are a function of exactly
these, so reusing them is exact. The key needs no rule pack, taxonomy or catalogue loaded, and neither does a
kept scan, which holds the rules that ran and the data types its findings name. One changed file is a miss, and
the per-file entries make that scan cheap instead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from privlint.code import facts_codec
from privlint.code.cache import FactsCache, code_digest, default_cache_root
from privlint.code.discovery import display_path
from privlint.code.source_file import read_source_bytes
from privlint.config import Config
from privlint.findings import Confidence, Finding, Notification, RuleDocs, RuleMeta, Severity

FOLDER = "scans"


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanResult:
    """The scanned files' findings and the notifications as ``build_findings`` made them, the rules that ran, and
    the name, category and sensitivity of every data type the findings name (by type id)."""

    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    rules: tuple[RuleMeta, ...]
    data_types: Mapping[str, Mapping[str, Any]]


facts_codec.register(ScanResult, Finding, RuleMeta, RuleDocs, Severity, Confidence)


class Rescans:
    """Whole-scan results by the key of what was scanned; a miss is None."""

    def __init__(self, store: FactsCache, key: str) -> None:
        self._store = store
        self._key = key

    @classmethod
    def open(cls, config: Config, salt: str, files: Sequence[Path], context: Sequence[Path]) -> "Rescans | None":
        """The store for a scan of ``files`` with the rest of the project's ``context``, whose per-file entries
        have the ``salt`` (``project_salt``); None when the cache cannot be used or a file cannot be read."""
        digest = hashlib.sha256(f"{salt}\0{config!r}\0{len(files)}\0".encode("utf-8", "surrogateescape"))
        for path in (*files, *context):
            try:
                data = read_source_bytes(path)
            except OSError:
                return None
            digest.update(f"{display_path(path, config.root)}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(hashlib.sha256(data).digest())
        store = FactsCache.open_shared(default_cache_root(), FOLDER, code_digest())
        return cls(store, digest.hexdigest()) if store is not None else None

    def get(self) -> ScanResult | None:
        return self._store.get(self._key, ScanResult)

    def put(self, result: ScanResult) -> None:
        self._store.prune()
        self._store.put(self._key, result)
