"""The hooks of .pre-commit-hooks.yaml, run by the real pre-commit tool in a throwaway git repository.

`pre-commit try-repo` on this repository would pip-install privlint into pre-commit's own virtualenv from
the network, so the temporary repository's .pre-commit-config.yaml holds `repo: local` hooks generated
from .pre-commit-hooks.yaml (same id, entry, types, files, pass_filenames, require_serial...) with
`language: system`: the privlint installed beside the running interpreter is the one that runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, write
from privlint.policy.api import find_policy_documents

HOOKS_FILE = REPO / ".pre-commit-hooks.yaml"
POLICIES = REPO / "rules" / "policy"
BIN = Path(sys.executable).parent
PATH = os.pathsep.join([str(BIN), os.environ.get("PATH", "")])

LEAK = '''import logging

logger = logging.getLogger(__name__)


def signup(user):
    logger.info("new user %s", user.email)
'''
CLEAN = '''import logging

logger = logging.getLogger(__name__)


def signup(user):
    logger.info("new user %s", user.id)
'''


def manifest() -> list[dict]:
    return yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))


def hook(hook_id: str) -> dict:
    return next(entry for entry in manifest() if entry["id"] == hook_id)


def local_config() -> str:
    """A .pre-commit-config.yaml with this repository's hooks as `repo: local`, `language: system` hooks."""
    hooks = [{**entry, "language": "system"} for entry in manifest()]
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


@pytest.fixture
def tools() -> dict[str, str]:
    git = shutil.which("git")
    pre_commit = shutil.which("pre-commit", path=PATH)
    if git is None or pre_commit is None:
        missing = " and ".join(name for name, found in (("git", git), ("pre-commit", pre_commit)) if found is None)
        pytest.skip(f"{missing} not installed (pre-commit comes with `pip install -e '.[test]'`)")
    assert shutil.which("privlint", path=PATH), f"privlint is not installed in {BIN}"
    return {"git": git, "pre-commit": pre_commit}


@pytest.fixture
def project(tmp_path: Path, tools: dict[str, str]):
    """A git repository whose pre-commit configuration holds the local hooks; returns a runner."""
    root = tmp_path / "project"
    home = tmp_path / "home"
    root.mkdir()
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PATH=PATH, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), CI="true", HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), GIT_CONFIG_NOSYSTEM="1")

    def run(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([tools.get(args[0], args[0]), *args[1:]], cwd=root, env=env, text=True,
                              capture_output=True, timeout=300)
        if check:
            assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
        return done

    run("git", "init", "-q", "-b", "main", check=True)
    run("git", "config", "user.name", "privlint tests", check=True)
    run("git", "config", "user.email", "tests@privlint.invalid", check=True)
    run("git", "config", "commit.gpgsign", "false", check=True)
    write(root, ".pre-commit-config.yaml", local_config())
    run.root = root
    return run


def commits(run) -> int:
    done = run("git", "rev-list", "--count", "HEAD")
    return int(done.stdout) if done.returncode == 0 else 0


def test_manifest_is_valid_for_pre_commit(tools):
    done = subprocess.run([tools["pre-commit"], "validate-manifest", str(HOOKS_FILE)], text=True,
                          capture_output=True, env={**os.environ, "PATH": PATH}, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_manifest_offers_both_hooks():
    code, policy = hook("privlint"), hook("privlint-policy")
    assert code["entry"] == "privlint scan"
    assert code["types"] == ["python"]
    assert code["require_serial"] is True
    assert code.get("pass_filenames", True) is True
    assert policy["entry"] == "privlint scan . --tracked-only --select policy,consistency"
    assert policy["pass_filenames"] is False
    assert policy["always_run"] is False


@pytest.mark.parametrize("path", [
    "PRIVACY.md", "PRIVACY.txt", "PRIVACY.html", "privacy-policy.md", "privacy_policy.html",
    "docs/privacy.md", "docs/legal/privacy-notice.html", "app.py", "src/shop/views.py", "隐私政策.md",
    "docs/legal/隐私政策.html",
])
def test_policy_hook_files_match_policy_documents_and_python(path):
    assert re.search(hook("privlint-policy")["files"], path)


@pytest.mark.parametrize("path", [
    "README.md", "pyproject.toml", "sub/PRIVACY.md", "src/privacy.md", "docs/legal/notes.md", "app.pyc",
    "privacy-policy/readme.md",
])
def test_policy_hook_files_skip_everything_else(path):
    assert not re.search(hook("privlint-policy")["files"], path)


POLICY_LIKE = [
    "PRIVACY.md", "PRIVACY.txt", "PRIVACY.html", "PRIVACY.rst", "privacy-policy.md", "privacy_policy.html",
    "privacy-policy.txt", "docs/privacy.md", "docs/legal/privacy-notice.html", "README.md", "sub/PRIVACY.md",
    "src/privacy.md", "docs/legal/notes.md", "legal/privacy_policy.md", "隐私政策.md", "docs/隐私政策-2025.html",
    "sub/隐私政策.md", "用户协议.md",
]


def test_policy_hook_files_agree_with_policy_discovery(tmp_path):
    """The hook's `files` regex selects exactly the documents privlint itself finds (no policy-paths)."""
    for path in POLICY_LIKE:
        write(tmp_path, path, "# Privacy\n")
    found = {path.relative_to(tmp_path).as_posix() for path in find_policy_documents(tmp_path)}
    selected = {path for path in POLICY_LIKE if re.search(hook("privlint-policy")["files"], path)}
    assert selected == found


def test_leak_blocks_the_commit_and_a_clean_change_commits(project):
    write(project.root, "pyproject.toml", "[tool.privlint]\n")
    project("git", "add", ".pre-commit-config.yaml", "pyproject.toml", check=True)
    project("git", "commit", "-q", "-m", "configuration", check=True)
    project("pre-commit", "install", check=True)
    assert commits(project) == 1

    write(project.root, "app.py", LEAK)
    project("git", "add", "app.py", check=True)
    blocked = project("git", "commit", "-m", "leak")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "pii-in-log" in output
    assert "app.py:7:" in output
    assert re.search(r"privlint \(personal data in code\)\.+Failed", output), output
    assert commits(project) == 1

    write(project.root, "app.py", CLEAN)
    project("git", "add", "app.py", check=True)
    passed = project("git", "commit", "-m", "clean")
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert re.search(r"privlint \(personal data in code\)\.+Passed", output), output
    assert re.search(r"privlint \(privacy policy\)\.+Passed", output), output
    assert "pii-in-log" not in output
    assert commits(project) == 2


def test_pre_commit_run_on_one_file(project):
    write(project.root, "app.py", LEAK)
    write(project.root, "other.py", CLEAN)
    project("git", "add", ".", check=True)
    failed = project("pre-commit", "run", "privlint", "--files", "app.py")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "app.py:7:" in failed.stdout and "pii-in-log" in failed.stdout

    write(project.root, "app.py", CLEAN)
    project("git", "add", "app.py", check=True)
    passed = project("pre-commit", "run", "privlint", "--files", "app.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_non_python_change_runs_neither_hook(project):
    write(project.root, "app.py", LEAK)
    write(project.root, "notes.txt", "nothing personal\n")
    project("git", "add", ".", check=True)
    done = project("pre-commit", "run", "--files", "notes.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pii-in-log" not in done.stdout
    assert done.stdout.count("Skipped") == 2, done.stdout


def test_policy_hook_checks_the_policy_when_it_changes(project):
    write(project.root, "pyproject.toml", '[tool.privlint]\nregimes = ["gdpr"]\n')
    write(project.root, "app.py", CLEAN)
    write(project.root, "PRIVACY.md", (POLICIES / "gdpr.deficient.md").read_text(encoding="utf-8"))
    project("git", "add", ".", check=True)

    failed = project("pre-commit", "run", "--files", "PRIVACY.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"privlint \(privacy policy\)\.+Failed", failed.stdout), failed.stdout
    assert re.search(r"privlint \(personal data in code\)\.+\(no files to check\)Skipped", failed.stdout)
    for rule_id in ("gdpr-legal-basis", "gdpr-complaint", "gdpr-retention"):
        assert re.search(rf"PRIVACY\.md:\d+:\d+: {rule_id} ", failed.stdout), failed.stdout

    project("git", "rm", "-q", "-f", "PRIVACY.md", check=True)
    write(project.root, "docs/legal/privacy.html", (POLICIES / "gdpr.complete.html").read_text(encoding="utf-8"))
    project("git", "add", "docs", check=True)
    passed = project("pre-commit", "run", "--files", "docs/legal/privacy.html")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"privlint \(privacy policy\)\.+Passed", passed.stdout), passed.stdout


def test_policy_hook_reports_policy_findings_only_so_nothing_is_printed_twice(project):
    write(project.root, "pyproject.toml", '[tool.privlint]\nregimes = ["gdpr"]\n')
    write(project.root, "PRIVACY.md", (POLICIES / "gdpr.deficient.md").read_text(encoding="utf-8"))
    write(project.root, "app.py", LEAK)
    project("git", "add", ".", check=True)
    done = project("pre-commit", "run", "--files", "app.py", "PRIVACY.md")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"privlint \(personal data in code\)\.+Failed", done.stdout), done.stdout
    assert re.search(r"privlint \(privacy policy\)\.+Failed", done.stdout), done.stdout
    assert done.stdout.count("app.py:7:5: pii-in-log ") == 1, done.stdout
    assert re.search(r"PRIVACY\.md:\d+:\d+: gdpr-retention ", done.stdout), done.stdout


def test_policy_hook_reads_tracked_files_only(project):
    """An untracked, never-staged leaky.py must not fail a clean commit."""
    write(project.root, "pyproject.toml", '[tool.privlint]\nregimes = ["gdpr"]\n')
    write(project.root, "PRIVACY.md", (POLICIES / "gdpr.complete.html").read_text(encoding="utf-8"))
    write(project.root, "app.py", CLEAN)
    project("git", "add", ".pre-commit-config.yaml", "pyproject.toml", "PRIVACY.md", "app.py", check=True)
    project("git", "commit", "-q", "-m", "start", "--no-verify", check=True)
    project("pre-commit", "install", check=True)
    write(project.root, "leaky.py", "import sentry_sdk\n\ndef f(user):\n    sentry_sdk.set_user({'email': user.email})\n")
    write(project.root, "app.py", CLEAN + "\n")
    project("git", "add", "app.py", check=True)
    passed = project("git", "commit", "-m", "clean change")
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "leaky.py" not in output
    project("git", "add", "leaky.py", check=True)
    blocked = project("git", "commit", "-m", "leak")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and "leaky.py:4:" in output, output
