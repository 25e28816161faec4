"""Options for editors and hooks (issue 14): --select, --exclude, --tracked-only and `-` with --stdin-filename."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write
from privlint.cli import main

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n    raise ValueError(user.phone)\n"


def rule_lines(out: str) -> list[tuple[str, int]]:
    return sorted((f["ruleId"], f["location"]["line"]) for f in json.loads(out)["findings"])


def test_select_by_rule_id_glob_and_kind(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "app.py", LEAK)
    assert rule_lines(run_cli("scan", "--format", "json", ".")[1]) == [("pii-in-exception", 5), ("pii-in-log", 4)]
    code, out, _ = run_cli("scan", "--format", "json", "--select", "pii-in-log", ".")
    assert (code, rule_lines(out)) == (1, [("pii-in-log", 4)])
    assert rule_lines(run_cli("scan", "--format", "json", "--select", "pii-in-e*", ".")[1]) == [("pii-in-exception", 5)]
    assert rule_lines(run_cli("scan", "--format", "json", "--select", "logging", ".")[1]) == [("pii-in-log", 4)]
    assert run_cli("scan", "--select", "policy", ".")[0] == 0


def test_select_of_an_unknown_rule_is_a_usage_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "app.py", LEAK)
    code, out, _ = run_cli("scan", "--select", "pii-in-logs", ".")
    assert (code, out) == (2, "")


def test_exclude_skips_files_by_glob(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "app.py", LEAK)
    write(tmp_path, "legacy/old.py", LEAK)
    code, out, _ = run_cli("scan", "--format", "json", "--exclude", "legacy", "--exclude", "nothing/*", ".")
    assert (code, json.loads(out)["filesScanned"]) == (1, 1)
    assert run_cli("scan", "--exclude", "**/*.py", ".")[0] == 0


def stdin_scan(args: list[str], text: str) -> tuple[int, str]:
    runner = CliRunner()
    with runner.isolation(input=text) as (stdout, _, _):
        code = main(args)
    return code, stdout.getvalue().decode()


def test_standard_input_is_scanned_under_the_given_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nseverity = { pii-in-log = 'error' }\n")
    code, out = stdin_scan(["scan", "-", "--stdin-filename", "src/app.py"], LEAK)
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("src/app.py:4:5: pii-in-log (error)") for line in lines), out
    code, out = stdin_scan(["scan", "--format", "json", "-", "--stdin-filename", "src/app.py"], LEAK)
    assert {f["location"]["path"] for f in json.loads(out)["findings"]} == {"src/app.py"}
    assert stdin_scan(["scan", "-"], "x = 1\n") == (0, "privlint: no findings in 1 file\n")


def test_standard_input_fingerprints_match_the_file_on_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", LEAK)
    from_disk = json.loads(stdin_scan(["scan", "--format", "json", "app.py"], "")[1])["findings"]
    from_stdin = json.loads(stdin_scan(["scan", "--format", "json", "-", "--stdin-filename", "app.py"], LEAK)[1])
    assert [f["fingerprint"] for f in from_stdin["findings"]] == [f["fingerprint"] for f in from_disk]


@pytest.mark.parametrize("args", [["scan", "-", "app.py"], ["scan", "--stdin-filename", "a.py", "."]])
def test_standard_input_misuse_is_a_usage_error(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "app.py", "x = 1\n")
    assert stdin_scan(args, "")[0] == 2


def test_tracked_only_reads_what_git_tracks_or_stages(run_cli, tmp_path, monkeypatch):
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    subprocess.run([git, "init", "-q"], cwd=tmp_path, check=True, env=env)
    write(tmp_path, "staged.py", LEAK)
    write(tmp_path, "untracked.py", LEAK)
    subprocess.run([git, "add", "staged.py"], cwd=tmp_path, check=True, env=env)
    out = run_cli("scan", "--format", "json", "--tracked-only", ".")[1]
    assert {f["location"]["path"] for f in json.loads(out)["findings"]} == {"staged.py"}


def test_tracked_only_outside_git_is_a_usage_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write(tmp_path, "app.py", LEAK)
    assert run_cli("scan", "--tracked-only", ".")[0] == 2
    assert Path("app.py").exists()
