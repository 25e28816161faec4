"""The policy check's public API: find policy documents, list policy rules, check policies per regime."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from privlint.errors import ConfigError
from privlint.findings import Finding, Notification, RuleMeta
from privlint.globs import glob_match
from privlint.policy.documents import read_document
from privlint.policy.packs import REGIMES, Catalogue, builtin_dir, load_catalogue, pack_files

LOG = logging.getLogger(__name__)

__all__ = ["REGIMES", "PolicyResult", "check_policies", "find_policy_documents", "policy_rules"]

DEFAULT_PATTERNS = (
    "PRIVACY.md", "PRIVACY.txt", "PRIVACY.html", "privacy-policy.*", "privacy_policy.*", "docs/**/privacy*",
    "隐私政策.*", "docs/**/隐私政策*",
)
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "venv", ".venv", "env", ".env", "__pycache__",
                          ".tox", ".nox", "site-packages", "build", "dist", ".mypy_cache", ".pytest_cache"})


@dataclass(frozen=True, slots=True, kw_only=True)
class PolicyResult:
    """Everything one policy check produced."""

    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    rules: tuple[RuleMeta, ...]
    documents: tuple[dict, ...]


def find_policy_documents(root: Path, extra_patterns: Sequence[str] = ()) -> list[Path]:
    """Policy documents under `root`: PRIVACY.md, privacy-policy.*, privacy_policy.*, docs/**/privacy*, 隐私政策.*
    and docs/**/隐私政策*, plus globs."""
    patterns = (*DEFAULT_PATTERNS, *extra_patterns)
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs
                         if d not in SKIPPED_DIRS and not os.path.exists(Path(folder) / d / "pyvenv.cfg"))
        for name in sorted(files):
            relative = (Path(folder) / name).relative_to(root).as_posix()
            if any(glob_match(relative, pattern) for pattern in patterns):
                found.append(Path(folder) / name)
    return found


def policy_rules(regimes: Sequence[str], rule_dirs: Sequence[Path] = ()) -> tuple[RuleMeta, ...]:
    """Metadata of every policy rule of the given regimes (built-in packs plus `rule_dirs`)."""
    return tuple(rule.meta for rule in _catalogue(rule_dirs).rules_for(_valid(regimes)))


def check_policies(paths: Sequence[Path], regimes: Sequence[str], rule_dirs: Sequence[Path] = (), *,
                   use_cache: bool = True) -> PolicyResult:
    """Check each policy document against the disclosure rules of `regimes`; bad input becomes notifications.
    With ``use_cache``, an unchanged document's result comes from the user's cache (no spaCy is loaded)."""
    from privlint.policy.result_cache import checked

    catalogue = _catalogue(rule_dirs)
    rules = catalogue.rules_for(_valid(regimes))
    rule_files = pack_files((builtin_dir(), *rule_dirs))
    findings: list[Finding] = []
    notifications: list[Notification] = []
    documents: list[dict] = []
    for path in paths:
        document, notes = read_document(Path(path))
        notifications.extend(notes)
        if document is None:
            continue
        result = checked(document, catalogue, rules, rule_files, use_cache)
        findings.extend(result.findings)
        notifications.extend(result.notifications)
        if result.record is not None:
            documents.append(result.record)
    return PolicyResult(findings=tuple(findings), notifications=tuple(notifications),
                        rules=tuple(rule.meta for rule in rules), documents=tuple(documents))


def _valid(regimes: Sequence[str]) -> tuple[str, ...]:
    unknown = [regime for regime in regimes if regime not in REGIMES]
    if unknown:
        raise ConfigError(f"unknown policy regime(s) {', '.join(unknown)}; valid regimes: {', '.join(REGIMES)}")
    return tuple(regimes)


def _catalogue(rule_dirs: Sequence[Path]) -> Catalogue:
    return load_catalogue(tuple(Path(folder).resolve() for folder in rule_dirs))
