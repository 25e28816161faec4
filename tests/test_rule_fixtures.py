"""Runs every built-in code rule's annotated fixture; a new rule needs no new test."""

from __future__ import annotations

from pathlib import Path

import pytest

from privlint.config import Config
from privlint.engine import build_engine
from privlint.fixtures import fixture_for, run_code_fixture
from privlint.packs import builtin_pack

RULE_FILES = sorted((builtin_pack() / "code").glob("*.yml"))


@pytest.fixture(scope="module")
def engine():
    return build_engine(Config(root=builtin_pack(), cache=False))


def test_rules_are_discovered():
    assert len(RULE_FILES) >= 6


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda path: path.stem)
def test_rule_fixture(engine, rule_file: Path):
    fixture = fixture_for(rule_file)
    assert fixture is not None, f"rule {rule_file.stem} has no fixture beside it"
    text = fixture.read_text(encoding="utf-8")
    assert f"ruleid: {rule_file.stem}" in text and f"ok: {rule_file.stem}" in text, "fixture needs both kinds"
    result = run_code_fixture(engine, fixture, [rule_file.stem])
    assert result.passed, result.describe()
