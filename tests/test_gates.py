"""Gates that must not pass silently (issue 14): missing paths, malformed suppressions, a bad home-region,
rule-pack fixtures scanned as code, and files in syntax newer than the running interpreter."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import write
from privlint.code.source_file import check_syntax
from privlint.config import load_config
from privlint.errors import ConfigError

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n"
CLEAN = "def f(x):\n    return x\n"


def notes_of(out: str) -> list[tuple[str, int | None, str]]:
    return [(Path(note["path"]).name, note["line"], note["level"]) for note in json.loads(out)["notifications"]]


@pytest.mark.parametrize("command", [["scan"], ["policy", "--regime", "gdpr"]])
def test_a_path_that_does_not_exist_is_a_usage_error(run_cli, tmp_path, command):
    code, out, err = run_cli(*command, str(tmp_path / "nosuch"))
    assert code == 2, out + err
    assert "nosuch" in err and out == ""


def test_one_missing_path_among_existing_ones_is_still_a_usage_error(run_cli, tmp_path):
    write(tmp_path, "app.py", CLEAN)
    assert run_cli("scan", str(tmp_path / "app.py"), str(tmp_path / "nope.py"))[0] == 2


@pytest.mark.parametrize("comment", [
    "# privlint: ignore", "# privlint: ignore[]", "# privlint: disable=pii-in-log",
    "# noqa privlint: pii-in-log", "# PRIVLINT: ignore(pii-in-log)",
])
def test_malformed_suppression_is_reported_and_hides_nothing(run_cli, tmp_path, comment):
    write(tmp_path, "app.py", LEAK.replace("logging.info(user.email)", f"logging.info(user.email)  {comment}"))
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    assert code == 1
    assert [finding["ruleId"] for finding in json.loads(out)["findings"]] == ["pii-in-log"]
    assert notes_of(out) == [("app.py", 4, "warning")]


def test_malformed_suppression_in_a_file_without_personal_data_is_reported(run_cli, tmp_path):
    write(tmp_path, "util.py", "def f(x):\n    return x  # privlint: disable\n")
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    assert code == 0
    assert notes_of(out) == [("util.py", 2, "warning")]


def test_well_formed_suppressions_and_look_alikes_are_not_reported(run_cli, tmp_path):
    write(tmp_path, "app.py", (
        "import logging\n\ndef f(user):\n"
        "    logging.info(user.email)  # privlint: ignore[pii-in-log, pii-in-exception]\n"
        "    # privlint-test-config: home-region = 'CN'\n"
        "    return 'privlint: ignore'\n"))
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    assert code == 0
    assert notes_of(out) == [("app.py", 4, "warning")]  # the unused pii-in-exception entry, nothing else
    assert "unused suppression of pii-in-exception" in json.loads(out)["notifications"][0]["message"]


@pytest.mark.parametrize("value", ["China", "XX", "UK", "", "C"])
def test_home_region_must_be_a_country_code_or_region_group(tmp_path, value):
    path = write(tmp_path, "pyproject.toml", f"[tool.privlint]\nfail-on = 'warning'\nhome-region = '{value}'\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert (raised.value.path, raised.value.line) == (str(path), 3)


@pytest.mark.parametrize("value, expected", [("cn", "CN"), ("US", "US"), ("EU", "EU"), ("GB", "GB")])
def test_home_region_accepts_iso_codes_and_eu(tmp_path, value, expected):
    path = write(tmp_path, "pyproject.toml", f"[tool.privlint]\nhome-region = '{value}'\n")
    assert load_config(path).home_region == expected


def test_bad_home_region_exits_two_naming_file_and_line(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nhome-region = \"China\"\n")
    write(tmp_path, "app.py", CLEAN)
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2
    assert f"{tmp_path / 'pyproject.toml'}:2: home-region" in err and "'CN'" in err


def test_rule_pack_folders_are_not_scanned_as_project_code(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nrule-paths = ['privacy_rules']\n")
    write(tmp_path, "app.py", CLEAN)
    fixture = write(tmp_path, "privacy_rules/code/pii-to-crm.py", "# ruleid: pii-in-log\n" + LEAK)
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    assert (code, json.loads(out)["filesScanned"]) == (0, 1)
    code, out, _ = run_cli("scan", "--format", "json", str(fixture))
    assert (code, json.loads(out)["filesScanned"]) == (0, 0)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    assert run_cli("scan", str(tmp_path))[0] == 1


NEWER_SYNTAX = {
    "pep695_class.py": "class Loader[K, V]:\n    def get(self, key: K) -> V: ...\n",
    "pep695_function.py": "def first[T](items: list[T]) -> T:\n    return items[0]\n",
    "pep695_alias.py": "type Pair = tuple[int, int]\n",
    "pep701_fstring.py": "value = f\"{'a' + \"b\"}\"\n",
}


@pytest.mark.parametrize("name", sorted(NEWER_SYNTAX))
def test_newer_syntax_is_not_a_syntax_error_whatever_the_interpreter(run_cli, tmp_path, name):
    write(tmp_path, name, NEWER_SYNTAX[name])
    assert check_syntax(NEWER_SYNTAX[name], name) is None
    code, out, _ = run_cli("scan", "--format", "json", "--strict", str(tmp_path))
    assert (code, notes_of(out)) == (0, [])


def test_newer_syntax_file_with_personal_data_is_analysed(run_cli, tmp_path):
    write(tmp_path, "app.py", "import logging\n\nclass Box[T]:\n    def f(self, user):\n"
                              "        logging.info(user.email)\n")
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    assert code == 1
    assert [(f["ruleId"], f["location"]["line"]) for f in json.loads(out)["findings"]] == [("pii-in-log", 5)]


@pytest.mark.parametrize("text, line", [("def f(:\n    pass\n", 1), ("x = 1\nprint 'python 2'\n", 2),
                                        ("x = (" * 300 + "\n", None)])
def test_real_syntax_errors_are_still_reported(tmp_path, text, line):
    problem = check_syntax(text, "bad.py")
    assert problem is not None and problem.unreadable
    if line is not None:
        assert problem.line == line


def test_text_paths_are_relative_to_the_current_folder(run_cli, tmp_path, monkeypatch):
    write(tmp_path, "examples/pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "examples/shop/app.py", LEAK)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("scan", "examples/shop/app.py")
    assert code == 1 and out.startswith("examples/shop/app.py:4:5: pii-in-log ")
    monkeypatch.chdir(tmp_path / "examples" / "shop")
    assert run_cli("scan", ".")[1].startswith("app.py:4:5: pii-in-log ")
    assert json.loads(run_cli("scan", "--format", "json", ".")[1])["findings"][0]["location"]["path"] == "shop/app.py"


def git_init(folder: Path) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    subprocess.run([git, "init", "-q"], cwd=folder, check=True, env=env, capture_output=True)


def test_gitignored_files_and_folders_are_not_walked(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, ".gitignore", "generated/\n*_pb2.py\n")
    for name in ("generated/leak.py", "proto/user_pb2.py", "local/secret.py", "app.py"):
        write(tmp_path, name, LEAK)
    git_init(tmp_path)
    write(tmp_path, ".git/info/exclude", "local/\n")
    code, out, _ = run_cli("scan", "--format", "json", ".")
    assert code == 1
    assert sorted({f["location"]["path"] for f in json.loads(out)["findings"]}) == ["app.py"]
    assert json.loads(out)["filesScanned"] == 1
    code, out, _ = run_cli("scan", "--format", "json", "generated/leak.py")
    assert (code, json.loads(out)["filesScanned"]) == (1, 1)


def test_without_a_git_repository_nothing_is_ignored(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write(tmp_path, ".gitignore", "generated/\n")
    write(tmp_path, "generated/leak.py", LEAK)
    assert json.loads(run_cli("scan", "--format", "json", ".")[1])["filesScanned"] == 1
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    git_free = run_cli("scan", "--format", "json", ".")
    assert (git_free[0], json.loads(git_free[1])["filesScanned"]) == (1, 1)


def test_the_second_parser_is_asked_only_when_the_first_refuses(monkeypatch):
    import privlint.code.source_file as source_file

    def refuse(text: str) -> bool:
        raise AssertionError("libcst must not be asked about text the standard library parses")

    monkeypatch.setattr(source_file, "newer_syntax", refuse)
    assert check_syntax("def f(user):\n    return user\n", "ok.py") is None


def test_show_fixed_names_files_relative_to_the_current_folder(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "proj/pyproject.toml", "[tool.privlint]\n")
    app = write(tmp_path, "proj/app.py", LEAK)
    assert run_cli("baseline", "proj/baseline.json", "proj")[0] == 0
    assert json.loads((tmp_path / "proj/baseline.json").read_text())["findings"][0]["path"] == "app.py"
    app.write_text(CLEAN)
    code, _, err = run_cli("scan", "--baseline", "proj/baseline.json", "--show-fixed", "proj")
    assert code == 0 and err.startswith("privlint: fixed: proj/app.py:4: pii-in-log ")
