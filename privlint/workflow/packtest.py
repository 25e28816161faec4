"""``privlint test PATH``: run the annotated fixtures of a user's own rule pack folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from privlint.config import Config
from privlint.engine import build_engine
from privlint.errors import ConfigError
from privlint.fixtures import FixtureResult, fixture_for, read_expectations, run_code_fixture

POLICY_SUFFIXES = (".md", ".html", ".txt")


@dataclass(frozen=True, slots=True)
class PackOutcome:
    """One line per rule or fixture; ``passed`` when every fixture matched its annotations."""

    lines: tuple[str, ...]
    passed: bool


def run_pack(pack: Path) -> PackOutcome:
    """Run the code fixtures (pack/code/*.yml beside their fixtures) and policy fixtures (pack/policy)."""
    if not (pack / "code").is_dir() and not (pack / "policy").is_dir():
        raise ConfigError("not a rule pack: it has neither a code/ nor a policy/ folder", path=str(pack))
    results: list[FixtureResult | str] = [*_code_results(pack), *_policy_results(pack)]
    if not results:
        raise ConfigError("the rule pack has no rules to test", path=str(pack))
    lines = tuple(result if isinstance(result, str) else result.describe() for result in results)
    failed = sum(1 for result in results if isinstance(result, str) or not result.passed)
    summary = f"{len(results)} fixture{'s' if len(results) != 1 else ''}, {failed} failed"
    return PackOutcome(lines=(*lines, summary), passed=not failed)


def _code_results(pack: Path) -> list[FixtureResult | str]:
    rule_files = sorted((pack / "code").glob("*.yml")) if (pack / "code").is_dir() else []
    if not rule_files:
        return []
    engine = build_engine(Config(root=pack, rule_paths=(pack,), cache=False))
    results: list[FixtureResult | str] = []
    for rule_file in rule_files:
        fixture = fixture_for(rule_file)
        if fixture is None:
            results.append(f"{rule_file}: no fixture beside the rule (expected {rule_file.with_suffix('.py')})")
        else:
            results.append(run_code_fixture(engine, fixture, [rule_file.stem]))
    return results


def _policy_results(pack: Path) -> list[FixtureResult]:
    folder = pack / "policy"
    if not folder.is_dir():
        return []
    from privlint.policy.api import REGIMES, policy_rules

    own = {meta.id for meta in policy_rules(REGIMES, [folder])} - {meta.id for meta in policy_rules(REGIMES)}
    fixtures = sorted(path for path in folder.iterdir()
                      if path.suffix in POLICY_SUFFIXES and path.name.count(".") == 2)
    return [_policy_fixture(fixture, folder, own) for fixture in fixtures]


def _policy_fixture(fixture: Path, folder: Path, own: set[str]) -> FixtureResult:
    """The pack's own rules' findings on one ``<regime>.<name>.<ext>`` fixture against its annotations."""
    from privlint.policy.api import check_policies

    regime = fixture.name.split(".")[0]
    expected = read_expectations(fixture.read_text(encoding="utf-8"))
    result = check_policies([fixture], [regime], [folder])
    got = {(finding.rule_id, finding.location.line) for finding in result.findings if finding.rule_id in own}
    wanted = {pair for pair in expected.fire if pair[0] in own}
    return FixtureResult(fixture=fixture, missing=tuple(sorted(wanted - got)), extra=tuple(sorted(got - wanted)))
