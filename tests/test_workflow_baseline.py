"""Baselines: record today's findings, then report only new ones; reasons survive a rewrite."""

from __future__ import annotations

import json

from conftest import write

LEAK = "import logging\nlogger = logging.getLogger(__name__)\n\ndef f(user):\n    logger.info(user.email)\n"
SECOND = "\ndef g(user):\n    logger.warning(user.phone)\n"


def record(run_cli, tmp_path):
    baseline = tmp_path / "baseline.json"
    code, out, _ = run_cli("baseline", str(baseline), str(tmp_path / "app.py"))
    assert code == 0
    return baseline, out


def scan_json(run_cli, *args):
    code, out, err = run_cli("scan", "--format", "json", *args)
    return code, json.loads(out)["findings"], err


def test_baseline_records_findings_by_fingerprint(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    _, [finding], _ = scan_json(run_cli, str(tmp_path / "app.py"))
    baseline, out = record(run_cli, tmp_path)
    assert out == f"privlint: recorded 1 finding in {baseline}\n"
    assert json.loads(baseline.read_text()) == {"version": 1, "findings": [{
        "fingerprint": finding["fingerprint"], "ruleId": "pii-in-log", "path": finding["location"]["path"],
        "line": 5, "message": finding["message"]}]}


def test_scan_with_baseline_reports_only_new_findings_even_when_lines_move(run_cli, tmp_path):
    app = write(tmp_path, "app.py", LEAK)
    baseline, _ = record(run_cli, tmp_path)
    assert run_cli("scan", "--baseline", str(baseline), str(app)) == (
        0, "privlint: no findings in 1 file, 1 hidden by the baseline\n", "")
    app.write_text("# a comment\n\n" + LEAK + SECOND)
    code, findings, _ = scan_json(run_cli, "--baseline", str(baseline), str(app))
    assert code == 1
    assert [(f["ruleId"], f["location"]["line"]) for f in findings] == [("pii-in-log", 10)]


def test_rewriting_keeps_reasons_of_entries_still_found(run_cli, tmp_path):
    app = write(tmp_path, "app.py", LEAK + SECOND)
    baseline, _ = record(run_cli, tmp_path)
    document = json.loads(baseline.read_text())
    document["findings"][0]["reason"] = "masked by the log handler"
    document["findings"][1]["reason"] = "to be removed"
    baseline.write_text(json.dumps(document))
    app.write_text(LEAK)
    _, out = record(run_cli, tmp_path)
    assert out == f"privlint: recorded 1 finding in {baseline} (1 reason kept)\n"
    [entry] = json.loads(baseline.read_text())["findings"]
    assert (entry["line"], entry["reason"]) == (5, "masked by the log handler")


def test_show_fixed_lists_entries_no_longer_found(run_cli, tmp_path):
    app = write(tmp_path, "app.py", LEAK + SECOND)
    baseline, _ = record(run_cli, tmp_path)
    app.write_text(LEAK)
    code, out, err = run_cli("scan", "--baseline", str(baseline), "--show-fixed", str(app))
    [entry] = [e for e in json.loads(baseline.read_text())["findings"] if e["line"] == 8]
    assert (code, out) == (0, "privlint: no findings in 1 file, 1 hidden by the baseline\n")
    assert err == (f"privlint: fixed: {entry['path']}:8: pii-in-log {entry['message']}\n"
                   "privlint: 1 baseline entry no longer found\n")


def test_show_fixed_needs_a_baseline(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    code, _, err = run_cli("scan", "--show-fixed", str(tmp_path))
    assert code == 2 and "--show-fixed needs --baseline FILE" in err


def test_missing_or_broken_baseline_is_a_usage_error(run_cli, tmp_path):
    write(tmp_path, "app.py", LEAK)
    missing = tmp_path / "nope.json"
    code, _, err = run_cli("scan", "--baseline", str(missing), str(tmp_path))
    assert code == 2
    assert err == f"privlint: error: {missing}: baseline file not found (create it with `privlint baseline FILE`)\n"
    broken = write(tmp_path, "broken.json", '{"findings": [\n')
    code, _, err = run_cli("scan", "--baseline", str(broken), str(tmp_path))
    assert code == 2 and err.startswith(f"privlint: error: {broken}:2: invalid baseline JSON")
    wrong = write(tmp_path, "wrong.json", '{"findings": [{"ruleId": "x"}]}')
    code, _, err = run_cli("scan", "--baseline", str(wrong), str(tmp_path))
    assert code == 2 and "needs a 'fingerprint'" in err
