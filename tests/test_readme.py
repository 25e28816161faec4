"""The README is true line by line (issue 14): its YAML is valid as printed, the example rule pack passes its
own fixture, the Python it asks for is the one pyproject.toml requires, and what it tells people to install
exists."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib

import pytest
import yaml

from conftest import REPO, write

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
FIXTURE = '''import acme


def sync(user):
    # ruleid: pii-to-crm
    acme.push({"email": user.email})
    # ok: pii-to-crm
    acme.push({"customer": user.id})
'''


def blocks(language: str) -> list[str]:
    return [body for found, body in BLOCK.findall(README) if found == language]


def block_after(sentence: str) -> str:
    tail = README[README.index(sentence):]
    return BLOCK.search(tail).group(2)


@pytest.mark.parametrize("index", range(len(blocks("yaml"))))
def test_every_yaml_block_parses_as_printed(index):
    assert yaml.safe_load(blocks("yaml")[index]) is not None


def test_every_toml_block_parses_as_printed():
    for body in blocks("toml"):
        assert tomllib.loads(body)


def test_the_example_rule_pack_passes_its_fixture(run_cli, tmp_path):
    pack = tmp_path / "privacy_rules"
    write(pack, "sinks/crm.yml", block_after("`sinks/crm.yml` names the calls"))
    rule = block_after("`code/pii-to-crm.yml` says which sinks")
    write(pack, "code/pii-to-crm.yml", rule)
    write(pack, "code/pii-to-crm.py", FIXTURE)
    docs = yaml.safe_load(rule)["docs"]
    assert docs["example"] == 'acme.push({"email": user.email})'
    code, out, _ = run_cli("test", str(pack))
    assert code == 0, out
    assert out.endswith("1 fixture, 0 failed\n")


def test_python_version_matches_pyproject():
    required = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert required == ">=3.11"
    assert "Python 3.11 or newer" in README and "virtual environment" in README


def test_the_two_set_up_commands_stay_word_for_word():
    assert blocks("sh")[:2] == ['python -m pip install . && privlint scan examples\n',
                                'python -m pip install -e ".[test]" && python -m pytest\n']


def test_nothing_installs_privlint_from_an_index_that_lacks_it():
    recipes = [README, *(path.read_text(encoding="utf-8") for path in (REPO / "docs" / "ci").glob("*.yml"))]
    for text in recipes:
        assert not re.search(r"pip install (-U )?privlint\b(?! @)", text)
        for spec in re.findall(r"privlint @ git\+(\S+?)@([\w.]+)\"", text):
            assert spec == ("https://github.com/privlint/privlint", pre_commit_rev())


def pre_commit_rev() -> str:
    return yaml.safe_load(block_after("### pre-commit"))["repos"][0]["rev"]


def test_pre_commit_rev_is_a_tag_of_this_repository():
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    tags = subprocess.run([git, "tag", "--list"], cwd=REPO, capture_output=True, text=True, env=env).stdout.split()
    if not tags:
        pytest.skip("this checkout has no tags (a shallow clone)")
    assert pre_commit_rev() in tags
