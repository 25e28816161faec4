"""Runs annotated rule fixtures (``# ruleid:`` must fire, ``# ok:`` must not) and reports the differences."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from privlint.code.results import build_findings
from privlint.config import config_from_table
from privlint.engine import Engine, build_engine

_CONFIG_LINE = re.compile(r"^#\s*privlint-test-config:\s*(.+)$")
_ANNOTATION = re.compile(r"^\s*(?:#|<!--)\s*(ruleid|ok|todoruleid|todook):\s*([\w\-, ]+?)\s*(?:-->)?\s*$")


@dataclass(frozen=True, slots=True)
class Expectations:
    """Lines of a fixture where each rule must fire, and lines where it must stay silent."""

    fire: frozenset[tuple[str, int]]
    silent: frozenset[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class FixtureResult:
    """The outcome of one fixture: what should have fired and did not, and what fired and should not."""

    fixture: Path
    missing: tuple[tuple[str, int], ...]
    extra: tuple[tuple[str, int], ...]

    @property
    def passed(self) -> bool:
        return not self.missing and not self.extra

    def describe(self) -> str:
        def listing(pairs: tuple[tuple[str, int], ...]) -> str:
            return "[" + ", ".join(f"{rule}:{line}" for rule, line in pairs) + "]"

        parts = [f"{self.fixture}:"]
        if self.missing:
            parts.append(f"Missing: {listing(self.missing)}")
        if self.extra:
            parts.append(f"Extra: {listing(self.extra)}")
        return " ".join(parts) if not self.passed else f"{self.fixture}: ok"


def read_expectations(text: str) -> Expectations:
    """Annotations apply to the next line that is not itself an annotation or blank."""
    fire: set[tuple[str, int]] = set()
    silent: set[tuple[str, int]] = set()
    pending: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ANNOTATION.match(line)
        if match:
            pending.extend((match.group(1), rule.strip()) for rule in match.group(2).split(",") if rule.strip())
            continue
        if not line.strip() or not pending:
            continue
        for label, rule in pending:
            (fire if label in {"ruleid", "todook"} else silent).add((rule, number))
        pending = []
    return Expectations(frozenset(fire), frozenset(silent))


def fixture_for(rule_file: Path) -> Path | None:
    """The fixture beside a rule file: same stem, any suffix other than .yml, or a project folder of that name."""
    folder = rule_file.with_suffix("")
    if folder.is_dir():
        return folder
    candidates = sorted(path for path in rule_file.parent.glob(f"{rule_file.stem}.*") if path.suffix != ".yml")
    return candidates[0] if candidates else None


def fixture_projects(folder: Path) -> list[Path]:
    """The projects of a consistency rule's fixture folder: the folder itself when it has a pyproject.toml, else
    each subfolder that has one (``en/``, ``zh/``...)."""
    if (folder / "pyproject.toml").is_file():
        return [folder]
    return sorted(path.parent for path in folder.glob("*/pyproject.toml"))


def run_project_fixture(folder: Path, rule_ids: Iterable[str] | None,
                        ignored: frozenset[str] = frozenset()) -> FixtureResult:
    """Scan a fixture project (its own pyproject.toml, code and policy) and compare the findings of ``rule_ids``
    (every rule but ``ignored`` when None) with the annotations of every file in it; lines are reported as
    ``path:line`` relative to the folder."""
    from privlint.api import scan
    from privlint.config import load_config

    chosen = None if rule_ids is None else set(rule_ids)

    def selected(rule: str) -> bool:
        return (chosen is None or rule in chosen) and rule not in ignored

    wanted: set[tuple[str, int]] = set()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".py", ".md", ".html", ".txt"}):
        relative = path.relative_to(folder).as_posix()
        for rule, line in read_expectations(path.read_text(encoding="utf-8")).fire:
            if selected(rule):
                wanted.add((f"{rule}@{relative}", line))
    config = replace(load_config(folder / "pyproject.toml"), cache=False)
    report = scan([folder], config)
    actual = {(f"{f.rule_id}@{f.location.path}", f.location.line) for f in report.findings if selected(f.rule_id)}
    return FixtureResult(fixture=folder, missing=tuple(sorted(wanted - actual)), extra=tuple(sorted(actual - wanted)))


def fixture_engine(engine: Engine, text: str) -> Engine:
    """The engine to run a fixture with: ``# privlint-test-config: key = value`` lines override the config."""
    lines = [match.group(1) for match in map(_CONFIG_LINE.match, text.splitlines()) if match]
    if not lines:
        return engine
    table = tomllib.loads("\n".join(lines))
    overrides = config_from_table(table, root=engine.config.root)
    changed = {key.replace("-", "_") for key in table}
    return build_engine(replace(engine.config, **{key: getattr(overrides, key) for key in changed}),
                        engine.context.project_roots)


def run_code_fixture(engine: Engine, fixture: Path, rule_ids: Iterable[str]) -> FixtureResult:
    """Scan ``fixture`` and compare the findings of ``rule_ids`` with its annotations."""
    rule_ids = set(rule_ids)
    text = fixture.read_text(encoding="utf-8")
    expected = read_expectations(text)
    engine = fixture_engine(engine, text)
    findings, _ = build_findings([engine.scan(fixture)], engine.context, engine.rules)
    actual = {(finding.rule_id, finding.location.line) for finding in findings if finding.rule_id in rule_ids}
    wanted = {pair for pair in expected.fire if pair[0] in rule_ids}
    return FixtureResult(fixture=fixture, missing=tuple(sorted(wanted - actual)), extra=tuple(sorted(actual - wanted)))
