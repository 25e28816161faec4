"""The first run (issue 14): hints for a policy nothing checks and transfers no home-region judges, and
`privlint init` answering or guessing regimes and home-region."""

from __future__ import annotations

import tomllib

import pytest

from conftest import write
from privlint.config import config_from_table
from privlint.workflow.init_config import TEMPLATE

SENTRY = ("import sentry_sdk\n\ndef f(user):\n    sentry_sdk.set_user({\"email\": user.email})\n")
CHINESE_POLICY = "# 隐私政策\n\n" + "我们收集您的手机号码和电子邮件地址，用于提供服务。\n" * 10
ENGLISH_POLICY = "# Privacy Policy\n\nWe collect your e-mail address to provide the service.\n"


def hint_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("privlint: hint: ")]


def test_unchecked_policy_and_unset_home_region_each_get_one_hint(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "PRIVACY.md", ENGLISH_POLICY)
    write(tmp_path, "app.py", SENTRY)
    code, _, err = run_cli("scan", ".")
    assert code == 1
    regimes, region = hint_lines(err)
    assert regimes.startswith("privlint: hint: PRIVACY.md is not checked: set `regimes`")
    assert "reaches services in US" in region and "`home-region`" in region


@pytest.mark.parametrize("output_format", ["json", "sarif", "datamap"])
def test_no_hints_in_machine_formats(run_cli, tmp_path, monkeypatch, output_format):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "PRIVACY.md", ENGLISH_POLICY)
    write(tmp_path, "app.py", SENTRY)
    assert hint_lines(run_cli("scan", "--format", output_format, ".")[2]) == []


def test_no_hints_once_configured_or_for_single_files(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "PRIVACY.md", ENGLISH_POLICY)
    write(tmp_path, "app.py", SENTRY)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    assert hint_lines(run_cli("scan", "app.py")[2]) == []
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nregimes = ['gdpr']\nhome-region = 'US'\n")
    assert hint_lines(run_cli("scan", ".")[2]) == []


def test_init_guesses_pipl_and_cn_from_a_chinese_policy(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "PRIVACY.md", CHINESE_POLICY)
    code, out, _ = run_cli("init")
    table = tomllib.loads(out)["tool"]["privlint"]
    assert code == 0
    assert (table["regimes"], table["home-region"]) == (["pipl"], "CN")
    assert config_from_table(table, root=tmp_path).home_region == "CN"


def test_init_guesses_regimes_only_from_an_english_policy(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "PRIVACY.md", ENGLISH_POLICY)
    table = tomllib.loads(run_cli("init")[1])["tool"]["privlint"]
    assert table["regimes"] == ["gdpr", "ccpa"] and "home-region" not in table


def test_init_takes_answers_and_validates_them(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("init", "--regime", "gdpr", "--home-region", "eu")
    table = tomllib.loads(out)["tool"]["privlint"]
    assert (code, table["regimes"], table["home-region"]) == (0, ["gdpr"], "EU")
    assert run_cli("init", "--home-region", "China")[0] == 2
    assert run_cli("init", "--regime", "hipaa")[0] == 2


def test_init_without_a_policy_prints_the_template(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("init") == (0, TEMPLATE, "")
