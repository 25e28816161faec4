"""Gates: --fail-on, --min-severity and --exit-zero on scan and policy, and min-severity in the configuration."""

from __future__ import annotations

from conftest import write

LEAK = "import logging\nlogger = logging.getLogger(__name__)\n\ndef f(user):\n    logger.info(user.email)\n"


def test_min_severity_drops_findings_below_it(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    code, out, _ = run_cli("scan", "--min-severity", "error", str(tmp_path))
    assert (code, out) == (0, "privlint: no findings in 1 file\n")
    code, out, _ = run_cli("scan", "--min-severity", "warning", str(tmp_path))
    assert code == 1 and out.endswith("privlint: 1 finding (1 warning) in 1 file\n")


def test_min_severity_from_configuration_and_option_wins(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nmin-severity = \"error\"\n")
    write(tmp_path, "app.py", LEAK)
    assert run_cli("scan", str(tmp_path))[0] == 0
    assert run_cli("scan", "--min-severity", "note", str(tmp_path))[0] == 1


def test_bad_min_severity_is_a_usage_error(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    code, _, err = run_cli("scan", "--min-severity", "loud", str(tmp_path))
    assert code == 2
    assert err == ("privlint: error: --min-severity: unknown severity 'loud' "
                   "(expected one of: note, warning, error)\n")


def test_bad_min_severity_in_configuration_names_file_and_line(run_cli, tmp_path):
    config = write(tmp_path, "pyproject.toml", "[tool.privlint]\nmin-severity = \"never\"\n")
    write(tmp_path, "app.py", LEAK)
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2 and err.startswith(f"privlint: error: {config}:2: min-severity: unknown severity 'never'")


def test_exit_zero_reports_but_exits_zero(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    code, out, _ = run_cli("scan", "--exit-zero", "--fail-on", "note", str(tmp_path))
    assert code == 0 and "pii-in-log" in out


def test_exit_zero_keeps_configuration_errors(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ncolour = 1\n")
    write(tmp_path, "app.py", LEAK)
    assert run_cli("scan", "--exit-zero", str(tmp_path))[0] == 2


def test_policy_command_has_the_same_gates(run_cli, tmp_path):
    policy = write(tmp_path, "PRIVACY.md", "# Privacy\n\nWe collect data.\n")
    assert run_cli("policy", "--regime", "gdpr", str(policy))[0] == 1
    assert run_cli("policy", "--regime", "gdpr", "--exit-zero", str(policy))[0] == 0
    code, out, _ = run_cli("policy", "--regime", "gdpr", "--min-severity", "error", str(policy))
    assert code == 0 and "gdpr-" not in out
