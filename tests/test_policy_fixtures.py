"""Runs every annotated policy fixture beside the regime packs (rules/policy/<regime>.<name>.md|html|txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from privlint.fixtures import FixtureResult, read_expectations
from privlint.policy.api import REGIMES, check_policies
from privlint.policy.packs import builtin_dir

FIXTURES = sorted(p for p in builtin_dir().iterdir() if p.suffix in (".md", ".html", ".txt") and p.name.count(".") == 2)


def run_policy_fixture(fixture: Path) -> FixtureResult:
    """Findings of the fixture's regime compared with its ruleid/ok annotations."""
    regime = fixture.name.split(".")[0]
    expected = read_expectations(fixture.read_text(encoding="utf-8"))
    result = check_policies([fixture], [regime])
    assert not result.notifications, result.notifications
    got = {(finding.rule_id, finding.location.line) for finding in result.findings}
    return FixtureResult(fixture=fixture, missing=tuple(sorted(expected.fire - got)),
                         extra=tuple(sorted(got - expected.fire)))


def test_every_regime_has_fixtures() -> None:
    assert {p.name.split(".")[0] for p in FIXTURES} == set(REGIMES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_policy_fixture(fixture: Path) -> None:
    result = run_policy_fixture(fixture)
    assert result.passed, result.describe()


def test_every_policy_rule_is_exercised_by_a_fixture() -> None:
    annotated = set()
    for fixture in FIXTURES:
        expected = read_expectations(fixture.read_text(encoding="utf-8"))
        annotated |= {rule for rule, _ in expected.fire | expected.silent}
    from privlint.policy.api import policy_rules

    assert {rule.id for rule in policy_rules(REGIMES)} <= annotated


def test_every_policy_rule_has_both_kinds_of_annotation():
    from privlint.fixtures import read_expectations
    from privlint.packs import builtin_pack
    from privlint.policy.api import REGIMES, policy_rules

    fire: set[str] = set()
    silent: set[str] = set()
    for path in (builtin_pack() / "policy").glob("*.*"):
        if path.suffix in {".md", ".html", ".txt"}:
            expected = read_expectations(path.read_text(encoding="utf-8"))
            fire |= {rule for rule, _ in expected.fire}
            silent |= {rule for rule, _ in expected.silent}
    ids = {meta.id for meta in policy_rules(REGIMES)}
    assert ids - fire == set(), "rules with no `ruleid:` fixture line"
    assert ids - silent == set(), "rules with no `ok:` fixture line"
