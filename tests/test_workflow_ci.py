"""CI recipes under docs/ci: valid YAML, the same text as in the README, and privlint lines the CLI accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from privlint.cli import cli

RECIPES = sorted((REPO / "docs" / "ci").glob("*.yml"))
COMMAND = re.compile(r"(?:^|then )privlint (\w+)([^;]*)")


def commands(node) -> list[str]:
    """Every shell line of a parsed recipe (GitHub `run:`, GitLab `script:`)."""
    if isinstance(node, dict):
        found = [node["run"]] if isinstance(node.get("run"), str) else []
        found += [line for line in node.get("script", []) if isinstance(line, str)]
        return found + [line for key, value in node.items() if key not in ("run", "script") for line in commands(value)]
    if isinstance(node, list):
        return [line for item in node for line in commands(item)]
    return []


def test_both_recipes_exist():
    assert [path.name for path in RECIPES] == ["github-actions.yml", "gitlab-ci.yml"]


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda path: path.name)
def test_recipe_is_yaml_and_its_privlint_lines_parse(recipe: Path):
    document = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    lines = [match for line in commands(document) for match in COMMAND.findall(line)]
    assert len(lines) >= 2
    for name, rest in lines:
        assert name in cli.commands, f"{recipe.name}: unknown command privlint {name}"
        arguments = [word.replace("${{ github.base_ref }}", "main") for word in shlex.split(rest)]
        cli.commands[name].make_context(name, arguments)


def test_github_recipe_uploads_sarif():
    steps = yaml.safe_load((REPO / "docs/ci/github-actions.yml").read_text())["jobs"]["privlint"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "privlint.sarif"
    assert any("--format sarif -o privlint.sarif" in step.get("run", "") for step in steps)


def test_gitlab_recipe_keeps_sarif_as_an_artifact_not_a_sast_report():
    job = yaml.safe_load((REPO / "docs/ci/gitlab-ci.yml").read_text())["privlint"]
    assert job["artifacts"]["paths"] == ["privlint.sarif"]
    assert "reports" not in job["artifacts"]


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda path: path.name)
def test_readme_shows_the_recipe_verbatim(recipe: Path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{recipe.read_text(encoding='utf-8').rstrip()}\n```" in readme, \
        f"README.md and docs/ci/{recipe.name} differ; copy the file into the README's CI recipes section"
