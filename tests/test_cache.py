"""The per-file cache: a second scan of an unchanged tree reuses facts; any change invalidates them."""

from __future__ import annotations

import json

from conftest import write

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n"


def entries(root):
    return sorted(path for path in (root / ".privlint_cache").rglob("*") if path.is_file() and len(path.name) > 20)


def test_second_scan_reuses_entries_and_gives_the_same_report(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", LEAK)
    first = run_cli("scan", "--format", "sarif", str(tmp_path))
    stored = entries(tmp_path)
    assert len(stored) == 1
    second = run_cli("scan", "--format", "sarif", str(tmp_path))
    assert second == first
    assert entries(tmp_path) == stored, "nothing new was written"
    assert (tmp_path / ".privlint_cache" / ".gitignore").read_text().endswith("*\n")


def test_changed_file_or_config_is_analysed_again(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", LEAK)
    run_cli("scan", str(tmp_path))
    write(tmp_path, "app.py", LEAK.replace("user.email", "user.id"))
    assert run_cli("scan", str(tmp_path))[0] == 0
    write(tmp_path, "app.py", LEAK)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ndisable = ['pii-in-log']\n")
    assert run_cli("scan", str(tmp_path))[0] == 0, "rules apply to cached facts"
    assert len(entries(tmp_path)) == 2, "disabling a rule does not change what a file's analysis finds"
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ninternal-domains = ['corp.example']\n")
    assert run_cli("scan", str(tmp_path))[0] == 1
    assert len(entries(tmp_path)) == 1, "a setting that shapes the analysis starts a new cache; the old one goes"


def test_a_corrupt_entry_is_ignored(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", LEAK)
    run_cli("scan", str(tmp_path))
    [entry] = entries(tmp_path)
    entry.write_bytes(b"not a pickle")
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    assert code == 1 and json.loads(out)["findings"][0]["ruleId"] == "pii-in-log"


def test_no_cache_and_config_switch_leave_no_folder(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ncache = false\n")
    write(tmp_path, "app.py", LEAK)
    assert run_cli("scan", str(tmp_path))[0] == 1
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    assert run_cli("scan", "--no-cache", str(tmp_path))[0] == 1
    assert not (tmp_path / ".privlint_cache").exists()
