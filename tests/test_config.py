"""[tool.privlint] configuration: keys, validation with file and line, and its effect on a scan."""

from __future__ import annotations

import json

import pytest

from conftest import write
from privlint.config import load_config
from privlint.errors import ConfigError
from privlint.findings import Severity

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n"


def test_unknown_key_is_an_error_naming_key_file_and_line(tmp_path):
    path = write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n\n[tool.privlint]\ninclude = ['*.py']\nexlude = ['a']\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"{path}:6: unknown key 'exlude'")


def test_wrong_type_is_an_error(tmp_path):
    path = write(tmp_path, "pyproject.toml", "[tool.privlint]\nexclude = 'tests'\n")
    with pytest.raises(ConfigError, match="exclude must be a list of strings"):
        load_config(path)


def test_invalid_toml_is_an_error_with_line(tmp_path):
    path = write(tmp_path, "pyproject.toml", "[tool.privlint]\ninclude = [\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert raised.value.path == str(path) and raised.value.line is not None


def test_values_are_read(tmp_path):
    path = write(tmp_path, "pyproject.toml", (
        "[tool.privlint]\nexclude = ['legacy/*']\nseverity = { pii-in-log = 'error' }\n"
        "internal-domains = ['corp.example']\nhome-region = 'cn'\nfail-on = 'never'\n"))
    config = load_config(path)
    assert config.exclude == ("legacy/*",)
    assert config.severity == {"pii-in-log": Severity.ERROR}
    assert config.internal_domains == ("corp.example",)
    assert config.home_region == "CN"
    assert config.fail_on is None
    assert config.root == tmp_path


def test_config_error_exits_two(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nbogus = 1\n")
    write(tmp_path, "app.py", LEAK)
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2
    assert "pyproject.toml:2: unknown key 'bogus'" in err


def test_exclude_and_severity_override_apply(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nexclude = ['legacy/*']\nseverity = { pii-in-log = 'note' }\n")
    write(tmp_path, "legacy/old.py", LEAK)
    write(tmp_path, "app.py", LEAK)
    code, out, _ = run_cli("scan", str(tmp_path))
    assert code == 0, "note-level findings do not reach the default warning gate"
    assert out.splitlines() [0].startswith("app.py:4:5: pii-in-log (note)")
    assert "legacy" not in out


def test_disable_and_unknown_rule_ids(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ndisable = ['pii-in-log']\n")
    assert run_cli("scan", str(tmp_path))[0] == 0
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ndisable = ['pii-in-logs']\n")
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2 and "unknown rule id 'pii-in-logs'" in err


def test_internal_domains_silence_requests_to_own_hosts(run_cli, tmp_path):
    body = "import requests\n\ndef f(user):\n    requests.post('https://api.corp.example/x', json={'email': user.email})\n"
    write(tmp_path, "app.py", body)
    assert run_cli("scan", str(tmp_path))[0] == 1
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ninternal-domains = ['corp.example']\n")
    assert run_cli("scan", str(tmp_path))[0] == 0


def test_request_to_a_host_that_cannot_be_read_is_a_note(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", "import requests\n\ndef f(user, url):\n    requests.post(url, json={'email': user.email})\n")
    code, out, _ = run_cli("scan", str(tmp_path))
    assert code == 0
    assert out.startswith("app.py:4:5: pii-in-http-request (note) ")
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nseverity = { pii-in-http-request = 'warning' }\n")
    assert run_cli("scan", str(tmp_path))[0] == 1


def test_hosts_from_constants_of_other_modules_and_settings(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ninternal-domains = ['corp.example']\n")
    write(tmp_path, "mysite/__init__.py", "")
    write(tmp_path, "mysite/settings.py", "CRM_URL = 'https://crm.partner.de/api'\nAUDIT_URL = 'https://audit.corp.example/log'\n")
    write(tmp_path, "mysite/endpoints.py", "PARTNER = 'https://api.partner.jp/v1'\n")
    write(tmp_path, "mysite/views.py", (
        "import requests\nfrom django.conf import settings\nfrom mysite.endpoints import PARTNER\n\n"
        "def push(user):\n"
        "    requests.post(settings.CRM_URL, json={'email': user.email})\n"
        "    requests.post(settings.AUDIT_URL, json={'email': user.email})\n"
        "    requests.post(PARTNER + '/people', json={'email': user.email})\n"))
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    found = {f["location"]["line"]: f for f in json.loads(out)["findings"] if f["ruleId"] == "pii-in-http-request"}
    assert sorted(found) == [6, 8], "the request to the project's own audit host is not a finding"
    assert (found[6]["destination"], found[6]["severity"], found[6]["properties"]["country"]) == (
        "crm.partner.de", "warning", "DE")
    assert (found[8]["destination"], found[8]["properties"]["country"]) == ("api.partner.jp", "JP")
