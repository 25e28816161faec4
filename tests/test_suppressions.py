"""Inline suppressions name the rule; unused ones are reported."""

from __future__ import annotations

from conftest import write


def test_suppression_on_the_line_or_above(run_cli, tmp_path):
    write(tmp_path, "app.py", (
        "import logging\n\ndef f(user):\n"
        "    logging.info(user.email)  # privlint: ignore[pii-in-log]\n"
        "    # privlint: ignore[pii-in-log]\n"
        "    logging.info(user.phone)\n"))
    code, out, err = run_cli("scan", str(tmp_path))
    assert (code, err) == (0, "")
    assert out == "privlint: no findings in 1 file\n"


def test_suppression_of_another_rule_does_not_hide_and_is_reported_unused(run_cli, tmp_path):
    write(tmp_path, "app.py", (
        "import logging\n\ndef f(user):\n"
        "    logging.info(user.email)  # privlint: ignore[pii-in-cookie]\n"))
    code, out, err = run_cli("scan", str(tmp_path))
    assert code == 1
    assert "app.py:4:5: pii-in-log" in out
    assert "app.py:4: unused suppression of pii-in-cookie" in err


def test_marker_inside_a_string_is_not_a_suppression(run_cli, tmp_path):
    write(tmp_path, "app.py", (
        "import logging\n\ndef f(user):\n"
        "    logging.info('# privlint: ignore[pii-in-log] %s', user.email)\n"))
    assert run_cli("scan", str(tmp_path))[0] == 1
