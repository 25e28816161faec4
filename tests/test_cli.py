"""The command line: formats, output files, exit codes, gates and errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

from conftest import EXAMPLES, REPO, write

LEAK = "import logging\nlogger = logging.getLogger(__name__)\n\ndef f(user):\n    logger.info(user.email)\n"
CLEAN = "import logging\nlogger = logging.getLogger(__name__)\n\ndef f(user):\n    logger.info(user.id)\n"


def test_text_output_lists_findings_with_data_and_destination(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)  # a folder that does not hold tmp_path: the path is printed absolute
    write(tmp_path, "app.py", LEAK)
    code, out, _ = run_cli("scan", str(tmp_path / "app.py"))
    assert code == 1
    first, snippet, blank, summary = out.splitlines()
    assert first.startswith(f"{tmp_path / 'app.py'}:5:5: pii-in-log (warning) ")
    assert first.endswith("[data: email-address; to: application log]")
    assert (snippet, blank) == ("      5 | logger.info(user.email)", "")
    assert summary == "privlint: 1 finding (1 warning) in 1 file"


def test_clean_file_exits_zero(run_cli, tmp_path):
    write(tmp_path, "app.py", CLEAN)
    code, out, _ = run_cli("scan", str(tmp_path))
    assert code == 0
    assert out == "privlint: no findings in 1 file\n"


def test_json_output_is_the_findings_as_data(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    document = json.loads(out)
    assert code == 1
    [finding] = document["findings"]
    assert finding["ruleId"] == "pii-in-log"
    assert finding["location"]["line"] == 5
    assert finding["dataCategories"] == ["email-address"]
    assert finding["severity"] == "warning"
    assert finding["fingerprint"]


def test_output_file_receives_the_report(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    target = tmp_path / "out.sarif"
    code, out, _ = run_cli("scan", "--format", "sarif", "-o", str(target), str(tmp_path / "app.py"))
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"


def test_output_to_a_fifo_is_written_into_not_replaced(run_cli, tmp_path):
    # As /dev/null or /dev/stdout: a device or FIFO named by -o receives the report; renaming a file over it
    # would replace /dev/null itself when run as root.
    write(tmp_path, "app.py", LEAK)
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, _ = run_cli("scan", "--format", "sarif", "-o", str(fifo), str(tmp_path / "app.py"))
    reader.join(timeout=30)
    assert code == 1 and out == ""
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])["version"] == "2.1.0"


def test_fail_on_gate(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    assert run_cli("scan", "--fail-on", "error", str(tmp_path))[0] == 0
    assert run_cli("scan", "--fail-on", "never", str(tmp_path))[0] == 0
    assert run_cli("scan", "--fail-on", "note", str(tmp_path))[0] == 1
    code, _, err = run_cli("scan", "--fail-on", "loud", str(tmp_path))
    assert code == 2 and "unknown severity 'loud'" in err


def test_usage_error_exits_two(run_cli):
    code, _, err = run_cli("scan", "--format", "xml", ".")
    assert code == 2 and "xml" in err


def test_missing_path_is_a_usage_error(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    code, out, err = run_cli("scan", str(tmp_path / "app.py"), str(tmp_path / "nope.py"))
    assert (code, out) == (2, "")
    assert "no such file or directory" in err and "nope.py" in err


def test_examples_scan_finds_the_known_leaks(run_cli):
    code, out, _ = run_cli("scan", "--format", "json", str(EXAMPLES))
    found = {(f["ruleId"], f["location"]["path"], f["location"]["line"]) for f in json.loads(out)["findings"]}
    assert code == 1
    assert ("pii-in-log", "shop/app.py", 27) in found
    assert ("pii-to-error-tracker", "shop/app.py", 28) in found
    assert ("pii-in-cookie", "shop/app.py", 32) in found
    assert ("pii-to-analytics", "shop/services/analytics.py", 9) in found
    assert ("pii-in-http-request", "shop/services/notify.py", 11) in found
    # The hashed e-mail and the request to the shop's own mail host are not findings.
    assert not any(path == "shop/services/analytics.py" and line == 15 for _, path, line in found)
    assert not any(path == "shop/services/notify.py" and line == 15 for _, path, line in found)


def test_python_dash_m_runs_without_importing_spacy(tmp_path):
    write(tmp_path, "app.py", LEAK)
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['privlint', 'scan', {str(tmp_path)!r}]\n"
        "try:\n    runpy.run_module('privlint', run_name='__main__')\n"
        "except SystemExit as done:\n    print('exit', done.code, 'spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, check=False)
    assert result.stdout.strip().endswith("exit 1 False"), result.stdout + result.stderr


POLICY = "# Privacy Policy\n\nWe collect your e-mail address.\n"


def test_policy_command_reports_missing_disclosures_per_regime(run_cli, tmp_path):
    write(tmp_path, "PRIVACY.md", POLICY)
    code, out, _ = run_cli("policy", str(tmp_path / "PRIVACY.md"), "--regime", "gdpr", "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1
    assert {f["properties"]["regime"] for f in findings} == {"gdpr"}
    assert "gdpr-retention" in {f["ruleId"] for f in findings}
    assert all(f["properties"]["status"] in {"missing", "partial", "unconfirmed"} for f in findings)


def test_policy_command_rejects_unknown_regime(run_cli, tmp_path):
    write(tmp_path, "PRIVACY.md", POLICY)
    code, _, err = run_cli("policy", str(tmp_path / "PRIVACY.md"), "--regime", "hipaa")
    assert code == 2 and "hipaa" in err


def test_scan_checks_the_policy_when_regimes_are_configured(run_cli, tmp_path):
    write(tmp_path, "app.py", CLEAN)
    write(tmp_path, "PRIVACY.md", POLICY)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nregimes = ['pipl']\n")
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    document = json.loads(out)
    assert code == 1
    assert {f["properties"]["regime"] for f in document["findings"]} == {"pipl"}
    assert all(f["location"]["path"] == "PRIVACY.md" for f in document["findings"])
    assert document["policies"][0]["path"] == "PRIVACY.md"


def test_scan_without_a_policy_says_so(run_cli, tmp_path):
    write(tmp_path, "app.py", CLEAN)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nregimes = ['gdpr']\n")
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 0
    assert "no privacy policy found" in err


def test_scan_of_single_files_leaves_the_policy_alone(run_cli, tmp_path):
    write(tmp_path, "app.py", CLEAN)
    write(tmp_path, "PRIVACY.md", POLICY)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nregimes = ['pipl']\n")
    code, out, err = run_cli("scan", str(tmp_path / "app.py"))
    assert (code, err) == (0, "")
    assert out == "privlint: no findings in 1 file\n"


GROUPED = ("import logging\nimport sentry_sdk\nlogger = logging.getLogger(__name__)\n\n"
           "def f(user):\n    logger.info(user.email); sentry_sdk.set_user({'email': user.email})\n"
           "    email = user.email\n")


def test_text_output_groups_findings_by_file_and_line_and_summarises_inventory(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nhome-region = 'CN'\n")
    write(tmp_path, "b.py", GROUPED)
    write(tmp_path, "a.py", LEAK)
    code, out, _ = run_cli("scan", ".")
    blocks = out.split("\n\n")
    assert code == 1 and len(blocks) == 3
    assert [line.split(": ")[0] for line in blocks[0].splitlines()] == ["a.py:5:5", "      5 | logger.info(user.email)"]
    rules = [line.split()[1] for line in blocks[1].splitlines() if line.startswith("b.py:6:")]
    assert rules == ["pii-in-log", "pii-cross-border", "pii-to-error-tracker"]
    assert sum(1 for line in blocks[1].splitlines() if line.startswith("      6 | ")) == 1
    assert blocks[2].splitlines()[-1].startswith("privlint: 4 findings (4 warnings) in 2 files")


def test_inventory_notes_are_listed_with_verbose_or_min_severity_note(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "app.py", "from flask import request\n\ndef f():\n    return request.form['email']\n")
    code, out, _ = run_cli("scan", ".")
    assert code == 0 and "app.py:4:" not in out
    assert "privlint: 1 inventory note not listed (pii-collected 1)" in out
    for flag in (["-v"], ["--min-severity", "note"]):
        listed = run_cli("scan", *flag, ".")[1]
        assert listed.startswith("app.py:4:12: pii-collected (note)") and "inventory note" not in listed


def test_colour_only_on_a_terminal(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "app.py", LEAK)
    assert "\x1b[" not in run_cli("scan", ".")[1]
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[33mpii-in-log (warning)\x1b[0m" in run_cli("scan", ".")[1]
    assert "\x1b[" not in run_cli("scan", "--format", "json", ".")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run_cli("scan", ".")[1]


def test_output_file_prints_the_summary_line(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    code, out, err = run_cli("scan", "--format", "sarif", "-o", str(tmp_path / "r.sarif"), str(tmp_path))
    assert (code, out) == (1, "")
    assert err.startswith("privlint: 1 finding (1 warning) in 1 file (report written to ")
