"""Stable fingerprints: the same finding keeps its fingerprint when unrelated lines move."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from typing import Iterable

from privlint.findings import Finding


def _key(finding: Finding) -> str:
    snippet = " ".join(finding.location.snippet.split())
    return "\x1f".join((finding.rule_id, finding.location.path, snippet, ",".join(finding.data_categories)))


def with_fingerprints(findings: Iterable[Finding]) -> list[Finding]:
    """Give every finding a fingerprint from rule, file, code text and data, numbered among equals."""
    seen: Counter[str] = Counter()
    result = []
    for finding in sorted(findings, key=lambda f: (f.location.path, f.location.line, f.location.column, f.rule_id)):
        key = _key(finding)
        seen[key] += 1
        digest = hashlib.sha256(f"{key}\x1f{seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
        result.append(replace(finding, fingerprint=digest))
    return result
