"""Holds the code's findings against what the privacy policy says: undisclosed data, recipients, transfers and
sensitive data, and claims the code contradicts."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from privlint.code.results import in_test_folder
from privlint.consistency.checks import Checker, in_order
from privlint.consistency.view import PolicyView, policy_view
from privlint.consistency.vocabulary import Vocabulary, load_vocabulary
from privlint.findings import Finding
from privlint.loader import CodeRule, load_code_rules
from privlint.packs import pack_files
from privlint.taxonomy import Taxonomy

__all__ = ["PolicyView", "Vocabulary", "check_consistency", "load_consistency", "load_vocabulary", "policy_view"]


def load_consistency(folders: Sequence[Path]) -> tuple[dict[str, CodeRule], Vocabulary]:
    """The consistency rules and vocabulary of the given rule pack folders."""
    rules = load_code_rules(pack_files(folders, "consistency"))
    return {rule.meta.id: rule for rule in rules}, load_vocabulary(pack_files(folders, "consistency/vocabulary"))


def check_consistency(findings: Sequence[Finding], policies: Sequence[PolicyView], rules: Mapping[str, CodeRule],
                      vocabulary: Vocabulary, taxonomy: Taxonomy, home: str | None,
                      regimes: Sequence[str]) -> list[Finding]:
    """Consistency findings of the code's findings (production code, no literals) against every policy, under
    the chosen regimes (which decide what data is sensitive)."""
    code = in_order(f for f in findings if f.rule_id != "pii-literal" and not in_test_folder(f.location.path))
    checker = Checker(rules, vocabulary, taxonomy, home, regimes)
    return [finding for policy in policies for finding in checker.check(code, policy)]
