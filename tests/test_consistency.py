"""Code against policy: each consistency rule's fixture project, and the checks that need no policy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write
from privlint.fixtures import fixture_for, fixture_projects, run_project_fixture
from privlint.packs import builtin_pack

RULE_FILES = sorted((builtin_pack() / "consistency").glob("*.yml"))
PROJECTS = [(rule_file, project) for rule_file in RULE_FILES
            for project in fixture_projects(fixture_for(rule_file) or rule_file.with_suffix(""))]


def test_consistency_rules_are_discovered():
    assert {path.stem for path in RULE_FILES} >= {
        "undisclosed-data-category", "undisclosed-recipient", "undisclosed-cross-border", "contradicted-sharing-claim",
        "undisclosed-sensitive-data", "contradicted-collection-claim"}


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda path: path.stem)
def test_every_consistency_rule_has_english_and_chinese_fixture_projects(rule_file: Path):
    folder = fixture_for(rule_file)
    assert folder is not None and folder.is_dir(), f"rule {rule_file.stem} has no fixture project beside it"
    assert {"en", "zh"} <= {project.name for project in fixture_projects(folder)}


@pytest.mark.parametrize("rule_file, project", PROJECTS, ids=lambda value: value.stem if value.suffix else value.name)
def test_consistency_fixture(rule_file: Path, project: Path):
    result = run_project_fixture(project, [rule_file.stem])
    assert result.passed, result.describe()


def test_no_consistency_findings_without_regimes(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "PRIVACY.md", "# Privacy\n\nWe never share your data with third parties.\n")
    write(tmp_path, "app.py", "import analytics\n\ndef f(user):\n    analytics.identify(user.id, {'email': user.email})\n")
    _, out, _ = run_cli("scan", str(tmp_path))
    assert "contradicted-sharing-claim" not in out and "undisclosed-recipient" not in out


def test_disable_and_severity_apply_to_policy_and_consistency_rules(run_cli, tmp_path):
    write(tmp_path, "PRIVACY.md", "# Privacy\n\nWe never share your personal information with third parties.\n")
    write(tmp_path, "app.py", "import analytics\n\ndef f(user):\n    analytics.identify(user.id, {'email': user.email})\n")
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nregimes = ['gdpr']\n"
                                      "disable = ['undisclosed-recipient', 'gdpr-retention']\n"
                                      "severity = { contradicted-sharing-claim = 'note' }\n")
    _, out, _ = run_cli("scan", str(tmp_path))
    assert "undisclosed-recipient" not in out and "gdpr-retention" not in out
    assert "contradicted-sharing-claim (note)" in out
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nregimes = ['gdpr']\ndisable = ['gdpr-retentio']\n")
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2 and "unknown rule id 'gdpr-retentio'" in err


GENDER_CODE = ("import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef signup(user):\n"
               "    log.info('new user %s %s', user.gender, user.phone_number)\n")


@pytest.mark.parametrize("policy, undisclosed", [
    ("# 隐私政策\n\n## 我们收集的信息\n\n我们收集您的联系电话和性别，用于注册。\n", set()),
    ("# Privacy\n\n## Information we collect\n\nWe collect your contact number and demographic information.\n", set()),
    ("# Privacy\n\n## Information we collect\n\nWe collect your contact number.\n", {"gender"}),
])
def test_claim_synonyms_and_broader_categories_disclose_the_code_s_data(run_cli, tmp_path, policy, undisclosed):
    findings = _gdpr_scan(run_cli, tmp_path, policy, GENDER_CODE, "undisclosed-data-category")
    assert {f["properties"]["dataCategories"][0] for f in findings} == undisclosed


def _gdpr_scan(run_cli, tmp_path: Path, policy: str, code: str, rule_id: str) -> list[dict]:
    """The findings of ``rule_id`` in a project of one policy and one module, scanned under the GDPR."""
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nregimes = ['gdpr']\n")
    write(tmp_path, "PRIVACY.md", policy)
    write(tmp_path, "app.py", code)
    _, out, _ = run_cli("scan", str(tmp_path), "--format", "json")
    return [f for f in json.loads(out)["findings"] if f["ruleId"] == rule_id]


RECEIPT_CODE = ("from sendgrid import SendGridAPIClient\nfrom sendgrid.helpers.mail import Mail\n\n\n"
                "def send_receipt(user):\n"
                "    SendGridAPIClient('key').send(Mail(from_email='receipts@shop.example', to_emails=user.email))\n")


@pytest.mark.parametrize("policy, undisclosed", [
    ("# Privacy\n\nOur email delivery providers send your receipts on our behalf.\n", False),
    ("# Privacy\n\nOur payment processors charge your card on our behalf.\n", True),
])
def test_a_kind_of_recipient_discloses_the_vendors_it_covers(run_cli, tmp_path, policy, undisclosed):
    assert bool(_gdpr_scan(run_cli, tmp_path, policy, RECEIPT_CODE, "undisclosed-recipient")) == undisclosed


def test_covers_must_list_categories(tmp_path):
    from privlint.consistency import load_vocabulary
    from privlint.errors import RuleError

    path = write(tmp_path, "vocabulary.yml", "covers:\n  demographic: gender\n")
    with pytest.raises(RuleError, match="covers"):
        load_vocabulary([path])


def _consistency_results(run_cli, project: Path, fmt: str = "sarif") -> list[dict]:
    _, out, _ = run_cli("scan", str(project), "--format", fmt, "--no-cache")
    results = json.loads(out)["runs"][0]["results"]
    return [result for result in results if result["properties"]["kind"] == "consistency"]


def test_a_contradicted_denial_names_the_recipient_that_contradicts_it(run_cli):
    project = fixture_for(builtin_pack() / "consistency" / "contradicted-sharing-claim.yml") / "zh"
    results = [r for r in _consistency_results(run_cli, project) if r["ruleId"] == "contradicted-sharing-claim"]
    assert len(results) == 1
    message = results[0]["message"]["text"]
    assert "Sensors Analytics" in message and "Alibaba" not in message


def test_consistency_findings_carry_both_sides(run_cli):
    project = fixture_for(builtin_pack() / "consistency" / "undisclosed-cross-border.yml") / "en"
    results = _consistency_results(run_cli, project)
    assert [r["ruleId"] for r in results] == ["undisclosed-cross-border"]
    code_side = results[0]["locations"][0]["physicalLocation"]
    policy_side = results[0]["relatedLocations"][0]
    assert code_side["artifactLocation"]["uri"].endswith("en/app.py") and code_side["region"]["startLine"] == 17
    assert policy_side["physicalLocation"]["artifactLocation"]["uri"].endswith("en/PRIVACY.md")
    assert policy_side["id"] == 0 and policy_side["message"]["text"]
    denial = fixture_for(builtin_pack() / "consistency" / "contradicted-collection-claim.yml") / "en"
    [claim] = [r for r in _consistency_results(run_cli, denial) if r["ruleId"] == "contradicted-collection-claim"]
    assert claim["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("en/PRIVACY.md")
    assert claim["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("en/app.py")


def test_text_output_shows_the_other_side(run_cli):
    project = fixture_for(builtin_pack() / "consistency" / "contradicted-collection-claim.yml") / "zh"
    _, out, _ = run_cli("scan", str(project), "--no-cache")
    lines = out.splitlines()
    claim = next(index for index, line in enumerate(lines) if ": contradicted-collection-claim (error)" in line)
    assert lines[claim + 1].strip().startswith("see ") and lines[claim + 1].rstrip().endswith(
        "app.py:3: the code collects it here")


@pytest.mark.parametrize("text", ["vendors:\n  Sentry: Sentry\n", "denial-scopes:\n  insurers: insurer\n",
                                  "recipient-kinds: [analytics]\n"])
def test_vocabulary_mappings_must_list_names(tmp_path, text):
    from privlint.consistency import load_vocabulary
    from privlint.errors import RuleError

    with pytest.raises(RuleError):
        load_vocabulary([write(tmp_path, "vocabulary.yml", text)])
