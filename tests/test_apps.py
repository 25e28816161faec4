"""Three multi-module applications with their privacy policies (tests/apps), annotated end to end: every
finding but the inventory notes must be annotated, and every annotation must fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from privlint.fixtures import run_project_fixture

APPS = sorted(path.parent for path in (Path(__file__).parent / "apps").glob("*/pyproject.toml"))
INVENTORY = frozenset({"pii-collected", "pii-to-storage"})


def test_the_three_applications_are_there():
    assert {app.name for app in APPS} >= {"shop-cn", "clinic-eu", "fitness-us"}


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_application_reports_exactly_its_annotated_findings(app: Path):
    result = run_project_fixture(app, None, ignored=INVENTORY)
    assert result.passed, result.describe()


@pytest.mark.parametrize("app, recipient, innocent", [("shop-cn", "Amplitude", "Alibaba"),
                                                      ("fitness-us", "Meta", "Stripe")])
def test_a_contradicted_claim_names_the_recipient_that_contradicts_it(app: str, recipient: str, innocent: str):
    from dataclasses import replace

    from privlint.api import scan
    from privlint.config import load_config

    folder = Path(__file__).parent / "apps" / app
    report = scan([folder], replace(load_config(folder / "pyproject.toml"), cache=False))
    [claim] = [f for f in report.findings if f.rule_id == "contradicted-sharing-claim"]
    assert recipient in claim.message and innocent not in claim.message
