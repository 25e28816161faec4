"""Rule packs: validation errors name file and line; the built-in pack ships inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import REPO, write
from privlint.code.catalogue import load_catalogue
from privlint.errors import RuleError
from privlint.loader import load_code_rules, read_code_rule
from privlint.packs import builtin_pack

GOOD_RULE = """\
kind: logging
severity: warning
confidence: high
select: {kinds: [logging]}
short: s
description: d
message: "{data} via {sink}"
docs: {why: w}
"""


def test_builtin_rules_load():
    rules = load_code_rules(sorted((builtin_pack() / "code").glob("*.yml")))
    assert {"pii-in-log", "pii-in-exception", "pii-to-error-tracker", "pii-to-analytics",
            "pii-in-http-request", "pii-in-cookie"} <= {rule.meta.id for rule in rules}


def test_rule_id_is_the_file_name(tmp_path):
    rule = read_code_rule(write(tmp_path, "my-rule.yml", GOOD_RULE))
    assert rule.meta.id == "my-rule" and rule.meta.name == "MyRule"


@pytest.mark.parametrize(("text", "line", "message"), [
    (GOOD_RULE.replace("kind: logging", "kind: logs"), 1, "unknown kind 'logs'"),
    (GOOD_RULE.replace("severity: warning", "severity: loud"), 1, "unknown severity 'loud'"),
    (GOOD_RULE + "colour: red\n", 1, "unknown key 'colour'"),
    (GOOD_RULE.replace("short: s\n", ""), 1, "missing required key 'short'"),
    (GOOD_RULE.replace("docs: {why: w}", "docs:\n  how: w"), 9, "'docs' must be a mapping"),
    (GOOD_RULE + "tags: [a\n", 10, "invalid YAML"),
    (GOOD_RULE.replace("short: s", "short: [s]"), 1, "'short' must be a string"),
    (GOOD_RULE.replace("{kinds: [logging]}", "{kinds: logging}"), 4, "'select.kinds' must be a list of strings"),
    (GOOD_RULE.replace("{data} via {sink}", "{} via {sink}"), 1, "unknown placeholder {}"),
    (GOOD_RULE.replace("{data} via {sink}", "{0} via {sink}"), 1, "unknown placeholder {0}"),
    (GOOD_RULE.replace("{data} via {sink}", "{user} via {sink}"), 1, "unknown placeholder {user}"),
    (GOOD_RULE.replace("{data} via {sink}", "{data:>999999999}"), 1, "takes no format"),
    (GOOD_RULE.replace("{data} via {sink}", "{data.__class__}"), 1, "unknown placeholder"),
    (GOOD_RULE.replace("{data} via {sink}", "{data"), 1, "expected '}'"),
    (GOOD_RULE.replace("docs: {why: w}", "docs: {why: [w]}"), 8, "every entry of 'docs' must be a string"),
])
def test_invalid_rule_names_file_line_and_problem(tmp_path, text, line, message):
    path = write(tmp_path, "bad.yml", text)
    with pytest.raises(RuleError) as raised:
        read_code_rule(path)
    assert raised.value.path == str(path)
    assert raised.value.line == line
    assert message in raised.value.message


@pytest.mark.parametrize("entries, message", [
    ("  - group: g\n    kind: logging\n    vendor: v\n\n"
     "  - group: g\n    kind: teleport\n    vendor: v\n    functions: [a.b]\n", "lacks 'functions'"),
    ("  - group: g\n    kind: network\n    vendor: v\n    functions: [a.b]\n    hosts: [api.example.net]\n",
     "not both"),
])
def test_invalid_sink_entry_is_an_error_with_line(tmp_path, entries, message):
    path = write(tmp_path, "sinks.yml", "sinks:\n" + entries)
    with pytest.raises(RuleError) as raised:
        load_catalogue([path])
    assert raised.value.line == 2 and message in raised.value.message


def test_bad_rule_in_project_pack_exits_two(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nrule-paths = ['my_rules']\n")
    write(tmp_path, "my_rules/code/broken.yml", "kind: [\n")
    write(tmp_path, "app.py", "x = 1\n")
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2
    assert "my_rules/code/broken.yml:2: invalid YAML" in err


def test_project_pack_adds_a_sink_and_a_rule(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nrule-paths = ['my_rules']\n")
    write(tmp_path, "my_rules/sinks/crm.yml",
          "sinks:\n  - group: crm\n    kind: third-party\n    vendor: Acme CRM\n    functions: [acme.push]\n")
    write(tmp_path, "my_rules/code/pii-to-crm.yml", GOOD_RULE.replace("kind: logging", "kind: third-party")
          .replace("select: {kinds: [logging]}", "select: {groups: [crm]}"))
    write(tmp_path, "app.py", "import acme\n\ndef f(user):\n    acme.push(user.email)\n")
    code, out, _ = run_cli("scan", str(tmp_path))
    assert code == 1 and "app.py:4:5: pii-to-crm" in out


def test_wheel_ships_the_rule_packs(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(REPO)], check=True)
    [wheel] = tmp_path.glob("privlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "privlint/rules/code/pii-in-log.yml" in names
    assert "privlint/rules/sinks/logging.yml" in names
    assert any(name.startswith("privlint/rules/taxonomy/") for name in names)


def test_a_malformed_switch_is_an_error_with_line(tmp_path):
    path = write(tmp_path, "sinks.yml", "sinks:\n  - group: g\n    kind: logging\n    vendor: v\n    functions: [a.b]\n"
                                        "    switch: {keyword: send_pii, value: 'yes', sends: [ip-address]}\n")
    with pytest.raises(RuleError) as raised:
        load_catalogue([path])
    assert raised.value.line == 2 and "'switch' must be" in raised.value.message


@pytest.mark.parametrize("text, message", [
    ("unreported:\n  logs: [photo-of-person]\n", "unreported: unknown kind 'logs'"),
    ("unreported:\n  logging: photo-of-person\n", "'unreported' must be a mapping of names to list"),
])
def test_a_malformed_unreported_list_is_an_error_with_line(tmp_path, text, message):
    path = write(tmp_path, "sinks.yml", text)
    with pytest.raises(RuleError) as raised:
        load_catalogue([path])
    assert raised.value.line == 2 and message in raised.value.message
