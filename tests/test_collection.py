"""Collection findings: the inventory of what the code collects, literals, and project-defined types."""

from __future__ import annotations

import json

from conftest import write


def findings_of(run_cli, root):
    code, out, err = run_cli("scan", "--format", "json", str(root))
    return code, json.loads(out)["findings"]


def test_collection_is_a_note_and_does_not_fail_the_build(run_cli, tmp_path):
    write(tmp_path, "views.py", "from flask import request\n\ndef view():\n    return request.form['email']\n")
    code, [finding] = findings_of(run_cli, tmp_path)
    assert code == 0
    assert (finding["ruleId"], finding["severity"], finding["kind"]) == ("pii-collected", "note", "collection")
    assert finding["properties"]["origin"] == "request"


def test_sensitive_collection_is_a_warning(run_cli, tmp_path):
    write(tmp_path, "views.py", "from flask import request\n\ndef view():\n    return request.form['id_card_no']\n")
    code, [finding] = findings_of(run_cli, tmp_path)
    assert code == 1
    assert (finding["ruleId"], finding["severity"]) == ("sensitive-pii-collected", "warning")
    assert finding["properties"]["sensitive"] is True


def test_literals_in_tests_are_notes(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/config.py", "OWNER = '13912345678'\n")
    write(tmp_path, "tests/test_config.py", "OWNER = '13912345678'\n")
    code, findings = findings_of(run_cli, tmp_path)
    levels = {f["location"]["path"]: f["severity"] for f in findings if f["ruleId"] == "pii-literal"}
    assert levels == {"app/config.py": "warning", "tests/test_config.py": "note"}


def test_project_defined_data_type(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", (
        "[tool.privlint]\n"
        "data-types = [{ id = 'member-card', category = 'financial', name = 'Loyalty card number', "
        "sensitive = false, names = ['loyalty card', 'huiyuanka'] }]\n"))
    write(tmp_path, "app.py", "import logging\n\ndef f(order):\n    logging.info(order.huiyuanka)\n")
    code, findings = findings_of(run_cli, tmp_path)
    assert code == 1, findings
    assert [(f["ruleId"], f["dataCategories"]) for f in findings] == [("pii-in-log", ["member-card"])]


def test_django_style_tests_modules_count_as_tests(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    for name in ("shop/tests.py", "shop/views_test.py", "conftest.py"):
        write(tmp_path, name, "OWNER = '13912345678'\n")
    _, findings = findings_of(run_cli, tmp_path)
    assert {f["severity"] for f in findings if f["ruleId"] == "pii-literal"} == {"note"}


def test_collection_in_test_modules_is_a_note_not_a_warning(run_cli, tmp_path):
    model = ("from django.db import models\n\n\nclass Employee(models.Model):\n"
             "    ssn = models.CharField(max_length=11)\n    salary = models.IntegerField()\n")
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "tests/annotations/models.py", model)
    write(tmp_path, "payroll/models.py", model)
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    levels = {(f["location"]["path"], f["severity"]) for f in json.loads(out)["findings"]
              if f["ruleId"] == "sensitive-pii-collected"}
    assert ("payroll/models.py", "warning") in levels
    assert {level for path, level in levels if path.startswith("tests/")} == {"note"}
