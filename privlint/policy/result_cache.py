"""The policy check's result per document, cached by content: a run whose policy did not change loads no spaCy."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from privlint.code.cache import FactsCache, default_cache_root, salt_of
from privlint.code.facts_codec import register
from privlint.findings import Finding, Severity
from privlint.policy.check import DocumentResult, check_document
from privlint.policy.documents import PolicyDocument
from privlint.policy.packs import Catalogue, PolicyRule
from privlint.policy.reader import MODELS

register(DocumentResult, Finding, Severity)


def checked(document: PolicyDocument, catalogue: Catalogue, rules: Sequence[PolicyRule],
            rule_files: Sequence[Path], use_cache: bool) -> DocumentResult:
    """``check_document``'s result, from the user's cache when the document, the rules and privlint are the same."""
    if not use_cache:
        return check_document(document, catalogue, rules)
    salt = salt_of([*rule_files, *_reader_files()], "policy")
    cache = FactsCache.open(default_cache_root(), Path(document.path).parent, salt)
    if cache is None:
        return check_document(document, catalogue, rules)
    rule_ids = ",".join(sorted(rule.meta.id for rule in rules))
    key = cache.key(document.path, f"{rule_ids}\0{document.format}\0{document.text}".encode("utf-8", "surrogatepass"),
                    False)
    result = cache.get(key, DocumentResult)
    if result is None:
        result = check_document(document, catalogue, rules)
        cache.put(key, result)
    return result


def _reader_files() -> list[Path]:
    """The trained readers' cutoffs, which also carry a digest of their model files (see training/policy)."""
    return sorted(MODELS.glob("*/cutoffs.json"))
