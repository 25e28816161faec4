"""Hostile repositories and careless inputs: nothing hangs, crashes or runs; the control file's finding stays.

Each case builds its input in a temporary folder and runs privlint as a separate process under a timeout,
so a hang or a crash fails the test instead of the suite.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import sarif_of, write
from privlint.policy.documents import decode
from test_sarif import validate

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n"
TIMEOUT = 120
pytestmark = pytest.mark.timeout(300)

PATHOLOGICAL = {
    "and_chain.py": "x = " + " and ".join(["a"] * 20_000) + "\n",
    "deep_nesting.py": "x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\n",
    "plus_chain.py": "x = " + "+".join(["a"] * 100_000) + "\n",
    "subscripts.py": "y = x" + "[0]" * 5_000 + "\n",
    "lambdas.py": "x = " + "lambda: " * 5_000 + "1\n",
    "minus_signs.py": "x = " + "-" * 10_000 + "1\n",
    "fstring.py": "x = f'" + "{a}" * 300_000 + "'\n",
    "multiline_chain.py": "x = (" + "a +\n" * 20_000 + "a)\n",
}


def privlint(*args: str, cwd: Path | None = None, timeout: int = TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privlint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, errors="replace", stdin=subprocess.DEVNULL)


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    write(root, "pyproject.toml", "[tool.privlint]\n")
    write(root, "control.py", LEAK)
    return root


def assert_control_found(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 1, done.stderr
    assert "control.py:4:5: pii-in-log" in done.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pathological_python_is_reported_and_the_scan_goes_on(tmp_path, jobs):
    root = project(tmp_path)
    for name, text in PATHOLOGICAL.items():
        write(root, name, "user = None\nemail = user.email\n" + text)
    for index in range(45):  # enough files for the process pool
        write(root, f"filler/f{index}.py", f"def g{index}(user):\n    return user.name\n")
    done = privlint("scan", "--no-cache", "-j", jobs, str(root))
    assert_control_found(done)
    for name in PATHOLOGICAL:
        assert f"{name}: file not analysed" in done.stderr, done.stderr


def test_a_worker_killed_by_the_parser_costs_only_its_file(tmp_path):
    """The shape limits are lifted in this run (workers are forked), so libcst really crashes on one file."""
    root = project(tmp_path)
    write(root, "crash.py", "user = None\nemail = user.email\nx = " + "(" * 20_000 + "1" + ")" * 20_000 + "\n")
    for index in range(45):
        write(root, f"filler/f{index}.py", f"import logging\n\ndef g{index}(user):\n    logging.info(user.phone)\n")
    script = (
        "import sys, multiprocessing\n"
        "multiprocessing.set_start_method('fork')\n"
        "from privlint.code import limits\n"
        "limits.MAX_NESTING = limits.MAX_CHAIN = 10**9\n"
        "from privlint.cli import main\n"
        "sys.exit(main(['scan', '--no-cache', '-j', '2', sys.argv[1]]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=TIMEOUT)
    assert_control_found(done)
    assert "crash.py: file not analysed: the parser crashed on it" in done.stderr
    assert done.stdout.count("pii-in-log") == 46, "every other file is still analysed"


def test_huge_files_stay_under_a_gibibyte(tmp_path):
    root = project(tmp_path)
    write(root, "huge.py", "x = 1\n" * 3_500_000)  # 21 MB
    write(root, "fstring.py", "email = user.email\nx = f'" + "{a}" * 340_000 + "'\n")  # a 1 MB f-string
    script = ("import resource, subprocess, sys\n"
              "subprocess.run([sys.executable, '-m', 'privlint', 'scan', '--no-cache', sys.argv[1]])\n"
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=TIMEOUT)
    assert int(done.stdout.splitlines()[-1]) * 1024 < 1 << 30
    assert "huge.py: cannot read file: file is 21,000,000 bytes, over the limit" in done.stderr
    assert "fstring.py: file not analysed" in done.stderr


def test_fifos_devices_and_links_out_of_the_tree_are_never_read(tmp_path):
    root = project(tmp_path)
    os.mkfifo(root / "x.py")
    os.mkfifo(root / "PRIVACY.md")
    os.symlink("/dev/zero", root / "zero.py")
    os.symlink("/dev/urandom", root / "random.py")
    os.symlink("/usr", root / "usr")
    outside = write(tmp_path, "outside/secret.py", LEAK)
    os.symlink(outside, root / "linked.py")
    done = privlint("scan", "--no-cache", str(root))
    assert_control_found(done)
    assert done.stdout.count("pii-in-log") == 1, "nothing outside the tree is scanned"
    assert "x.py: cannot read file: not a regular file (a FIFO)" in done.stderr
    for name in ("zero.py", "random.py", "usr", "linked.py"):
        assert f"{name}: symbolic link to a path outside the scanned tree" in done.stderr
    explicit = privlint("scan", "--no-cache", str(root / "x.py"), str(root / "control.py"))
    assert_control_found(explicit)
    policy = privlint("policy", "--strict", str(root / "PRIVACY.md"))
    assert policy.returncode == 2 and "not a regular file (a FIFO)" in policy.stderr
    baseline = privlint("scan", "--baseline", str(root / "PRIVACY.md"), str(root))
    assert baseline.returncode == 2 and "cannot read baseline" in baseline.stderr


def test_a_path_longer_than_path_max_is_reported(tmp_path):
    root = project(tmp_path)
    descriptor = os.open(root, os.O_RDONLY)
    try:
        for _ in range(20):
            name = "d" * 250
            os.mkdir(name, dir_fd=descriptor)
            inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        with open(os.open("deep.py", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor), "w") as stream:
            stream.write(LEAK)
    finally:
        os.close(descriptor)
    done = privlint("scan", "--no-cache", str(root))
    assert_control_found(done)
    assert "File name too long" in done.stderr


def test_undecodable_and_special_file_names_in_every_output(tmp_path):
    root = project(tmp_path)
    for name in (b"caf\xff.py", b"my file.py", b"percent%20x.py", b"hash#x.py"):
        (root / os.fsdecode(name)).write_bytes(LEAK.encode())
    text = privlint("scan", "--no-cache", str(root))
    assert_control_found(text)
    assert "caf\\udcff.py:4:5: pii-in-log" in text.stdout
    sarif = privlint("scan", "--no-cache", "--format", "sarif", str(root))
    validate(sarif_of(sarif.stdout))
    uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in sarif_of(sarif.stdout)["runs"][0]["results"] if result["ruleId"] == "pii-in-log"}
    assert uris == {"control.py", "caf%FF.py", "my%20file.py", "percent%2520x.py", "hash%23x.py"}
    as_json = privlint("scan", "--no-cache", "--format", "json", str(root))
    assert len(json.loads(as_json.stdout)["findings"]) >= 5


def test_workers_end_when_the_scan_is_killed(tmp_path):
    root = project(tmp_path)
    body = "".join(f"def f{index}(user):\n    return user.email + user.phone\n" for index in range(400))
    for index in range(300):
        write(root, f"pkg/m{index}.py", body)
    scan = subprocess.Popen([sys.executable, "-m", "privlint", "scan", "--no-cache", "-j", "2", str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while len(children) < 2 and time.monotonic() < deadline and scan.poll() is None:
        children = _children(scan.pid)
        time.sleep(0.1)
    assert children, "the scan started workers"
    scan.send_signal(signal.SIGKILL)
    scan.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in children)


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(child) for child in task.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def test_a_failed_write_keeps_the_old_report_and_baseline(run_cli, tmp_path, monkeypatch):
    root = project(tmp_path)
    baseline = write(tmp_path, "baseline.json", '{"version": 1, "findings": []}\n')
    report = write(tmp_path, "report.sarif", "old report\n")

    def full_disk(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("privlint.safe_io.os.fsync", full_disk)
    code, _, err = run_cli("baseline", str(baseline), str(root))
    assert code == 2 and "No space left on device" in err
    assert baseline.read_text() == '{"version": 1, "findings": []}\n'
    code, _, err = run_cli("scan", "--format", "sarif", "-o", str(report), str(root))
    assert code == 2 and report.read_text() == "old report\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["baseline.json", "project", "report.sarif"]


def test_an_internal_error_exits_three_with_one_line(run_cli, tmp_path, monkeypatch):
    root = project(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("privlint.api.scan", broken)
    code, out, err = run_cli("scan", str(root))
    assert code == 3 and out == ""
    assert err.splitlines() == [err.strip()] and "internal error: RuntimeError: boom" in err
    code, _, err = run_cli("--debug", "scan", str(root))
    assert code == 3 and "Traceback" in err


@pytest.mark.parametrize("line", ["1e999", "-1e999", "[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]"])
def test_a_baseline_with_absurd_numbers_is_a_usage_error(run_cli, tmp_path, line):
    root = project(tmp_path)
    baseline = write(tmp_path, "baseline.json",
                     f'{{"version": 1, "findings": [{{"fingerprint": "x", "line": {line}}}]}}')
    code, _, err = run_cli("scan", "--baseline", str(baseline), str(root))
    assert code == 2 and "baseline" in err


def test_deeply_nested_baseline_json_is_a_usage_error(run_cli, tmp_path):
    root = project(tmp_path)
    baseline = write(tmp_path, "baseline.json", "[" * 100_000 + "]" * 100_000)
    code, _, err = run_cli("scan", "--baseline", str(baseline), str(root))
    assert code == 2 and "baseline" in err


def test_big5_and_gb18030_policies_are_told_apart():
    traditional = ("隱私權政策\n本公司會收集您的個人資料，包括姓名、電話號碼與電子郵件地址，並依法保護您的權利。"
                   "我們不會將您的資料提供給第三方。如您有任何問題，請與我們聯絡。")
    simplified = "隐私政策\n我们会收集您的个人信息，包括姓名、电话号码和电子邮件地址，并依法保护您的权利。"
    assert decode(traditional.encode("big5")) == (traditional, "big5")
    assert decode(simplified.encode("gb18030")) == (simplified, "gb18030")


def test_an_undecodable_policy_is_a_notification_and_strict_exits_two(tmp_path):
    root = project(tmp_path)
    (root / "PRIVACY.md").write_bytes(bytes(range(128, 256)) * 40)
    done = privlint("policy", str(root / "PRIVACY.md"))
    assert "cannot decode policy document" in done.stderr and done.returncode != 3
    assert privlint("policy", "--strict", str(root / "PRIVACY.md")).returncode == 2

