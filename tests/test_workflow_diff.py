"""Diff scans: only findings on lines changed since a git ref, with the whole project still analysed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import write
from privlint.workflow.diff import parse_unified_zero

HELPERS = "def contact(user):\n    return user.email\n"
APP = """\
import logging
from helpers import contact
logger = logging.getLogger(__name__)


def old(user):
    logger.info(user.email)


def new(user):
    logger.info(user.id)
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "dev@example.com")
    git(tmp_path, "config", "user.name", "Dev")
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "helpers.py", HELPERS)
    write(tmp_path, "app.py", APP)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    return tmp_path


def found(run_cli, *args: str) -> tuple[int, list[tuple[str, str, int]]]:
    code, out, err = run_cli("scan", "--format", "json", *args)
    assert code in (0, 1), err
    return code, [(f["ruleId"], f["location"]["path"], f["location"]["line"]) for f in json.loads(out)["findings"]]


def test_parse_unified_zero():
    text = """\
diff --git a/app.py b/app.py
--- a/app.py
+++ b/app.py
@@ -3 +3 @@ x
@@ -7,0 +8,2 @@ def f():
@@ -12,3 +14,0 @@
diff --git a/gone.py b/gone.py
--- a/gone.py
+++ /dev/null
@@ -1,2 +0,0 @@
"""
    assert parse_unified_zero(text) == {"app.py": {3, 8, 9}}


def test_clean_tree_reports_nothing(run_cli, repo):
    assert found(run_cli, "--diff", "HEAD", str(repo)) == (0, [])
    assert found(run_cli, str(repo))[1] == [("pii-in-log", "app.py", 7)]


def test_changed_line_reported_through_an_unchanged_helper(run_cli, repo):
    (repo / "app.py").write_text(APP.replace("logger.info(user.id)", "logger.info(contact(user))"))
    assert found(run_cli, "--diff", "HEAD", str(repo)) == (1, [("pii-in-log", "app.py", 11)])


def test_untracked_files_count_as_changed(run_cli, repo):
    write(repo, "extra.py", "import logging\n\n\ndef f(user):\n    logging.info(user.phone)\n")
    assert found(run_cli, "--diff", "HEAD", str(repo)) == (1, [("pii-in-log", "extra.py", 5)])


def test_explicit_files_and_an_older_ref(run_cli, repo):
    (repo / "app.py").write_text(APP.replace("logger.info(user.id)", "logger.info(user.phone)"))
    git(repo, "commit", "-q", "-am", "leak")
    write(repo, "extra.py", "import logging\n\n\ndef f(user):\n    logging.info(user.phone)\n")
    assert found(run_cli, "--diff", "HEAD", str(repo / "app.py")) == (0, [])
    assert found(run_cli, "--diff", "HEAD~1", str(repo / "app.py")) == (1, [("pii-in-log", "app.py", 11)])


def test_bad_ref_is_a_usage_error(run_cli, repo):
    code, _, err = run_cli("scan", "--diff", "no-such-ref", str(repo))
    assert code == 2 and err.startswith("privlint: error: --diff: ") and "'no-such-ref' is not a commit" in err


@pytest.mark.parametrize("ref", ["--output=written.txt", "-p", "--no-index"])
def test_an_option_given_as_ref_is_refused_and_never_reaches_git(run_cli, repo, ref):
    code, _, err = run_cli("scan", f"--diff={ref}", str(repo))
    assert code == 2 and "not an option" in err
    assert not (repo / "written.txt").exists() and not (Path.cwd() / "written.txt").exists()


@pytest.mark.parametrize("name", ["my file.py", "tab\tname.py", 'quote"d.py', "caf\u00e9.py", "back\\slash.py"])
def test_changed_and_untracked_files_with_unusual_names_are_kept(run_cli, repo, name):
    write(repo, name, "import logging\n\n\ndef f(user):\n    logging.info(user.phone)\n")
    git(repo, "add", "--", name)
    git(repo, "commit", "-q", "-m", "add")
    (repo / name).write_text("import logging\n\n\ndef f(user):\n    logging.info(user.email)\n")
    write(repo, "new " + name, "import logging\n\n\ndef g(user):\n    logging.info(user.email)\n")
    code, out, _ = run_cli("scan", "--format", "json", "--diff", "HEAD", str(repo))
    paths = sorted(finding["location"]["path"] for finding in json.loads(out)["findings"]
                   if finding["ruleId"] == "pii-in-log")
    assert code == 1 and paths == sorted([name, "new " + name])


def test_outside_a_repository_is_a_usage_error(run_cli, tmp_path):
    write(tmp_path, "app.py", "x = 1\n")
    code, _, err = run_cli("scan", "--diff", "HEAD", str(tmp_path))
    assert code == 2 and "--diff: `git rev-parse --show-toplevel` failed" in err


def test_a_changed_call_into_an_unchanged_logging_helper_is_reported(run_cli, repo):
    write(repo, "audit.py", "import logging\n\n\ndef audit(value):\n    logging.info('audit %s', value)\n")
    write(repo, "billing.py", "from audit import audit\n\n\ndef bill(customer):\n    audit(customer.id)\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "helpers")
    (repo / "billing.py").write_text("from audit import audit\n\n\ndef bill(customer):\n    audit(customer.email)\n")
    assert found(run_cli, "--diff", "HEAD", str(repo)) == (1, [("pii-in-log", "billing.py", 5)])
    assert found(run_cli, str(repo / "billing.py")) == (1, [("pii-in-log", "billing.py", 5)]), \
        "a scan of the changed file alone (a pre-commit hook) follows the data into the helper"
    assert found(run_cli, str(repo / "audit.py")) == (0, [])
