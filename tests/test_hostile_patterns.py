"""Patterns a repository supplies (globs, regexes, YAML) cannot hang, exhaust or silently disable a scan."""

from __future__ import annotations

import itertools
import re

import pytest

from conftest import write
from privlint.errors import RuleError
from privlint.globs import _SPLIT, _TOKENS, glob_match
from privlint.yamlio import load_yaml

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n"
pytestmark = pytest.mark.timeout(60)


def _reference_regex(pattern: str) -> re.Pattern[str]:
    parts = [part for part in _SPLIT.split(pattern) if part]
    return re.compile("".join(_TOKENS.get(part, re.escape(part)) for part in parts) + r"\Z", re.DOTALL)


def test_glob_automaton_agrees_with_the_regex_meaning_on_every_small_case():
    pieces = ["a", "/", "*", "**", "**/", "?"]
    texts = ["".join(chars) for size in range(6) for chars in itertools.product("ab/", repeat=size)]
    for size in range(1, 5):
        for combination in itertools.product(pieces, repeat=size):
            pattern = "*" * 3 + "".join(combination)  # three stars or more: the automaton's case
            reference = _reference_regex(pattern)
            for text in texts:
                assert glob_match(text, pattern) == bool(reference.match(text)), (pattern, text)


def test_pathological_globs_answer_at_once():
    assert not glob_match("a" * 4000 + "b", "*a*a*a*a*a*a*a*a*a*c")
    assert not glob_match("a/" * 2000 + "b", "**/a/**/a/**/a/**/a/**/c")
    assert glob_match("src/" * 100 + "x.py", "**/**/**/**/*.py")


def test_exclude_globs_from_the_configuration_cannot_hang_the_walk(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nexclude = ['*a*a*a*a*a*a*a*a*a*a*a*a*a*c', '**/**/**/**/**/z']\n")
    write(tmp_path, "a" * 200 + ".py", LEAK)
    code, out, _ = run_cli("scan", str(tmp_path))
    assert code == 1 and "pii-in-log" in out


@pytest.mark.parametrize("regex", ["(a+)+$", "(a|aa)*b", "(\\d+)*x"])
def test_catastrophic_value_regexes_run_in_linear_time(run_cli, tmp_path, regex):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n[[tool.privlint.data-types]]\nid = 'badge-code'\n"
                                      "category = 'identity'\nname = 'badge code'\nsensitive = false\n"
                                      f"values = [{{regex = '{regex}'}}]\n")
    write(tmp_path, "app.py", LEAK + f"CODE = '{'a' * 40}!'\nOTHER = '{'1' * 60}y'\n")
    code, out, _ = run_cli("scan", str(tmp_path))
    assert code == 1 and "pii-in-log" in out


def test_look_around_in_a_user_regex_is_refused_with_file_and_line(run_cli, tmp_path):
    write(tmp_path, "taxonomy/extra.yml", "types:\n  - id: badge-code\n    category: identity\n    name: badge code\n"
                                         "    sensitive: false\n    values:\n      - regex: '(?!x)a+'\n")
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ntaxonomy-paths = ['taxonomy/extra.yml']\n")
    write(tmp_path, "app.py", LEAK)
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2
    assert "extra.yml:7: invalid regex" in err and "linear-time" in err


def test_policy_regex_with_back_reference_is_refused(run_cli, tmp_path):
    write(tmp_path, "my_rules/policy/extra.yml", "disclosures:\n  retention:\n    en:\n      regexes: ['(a)\\1']\n")
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nrule-paths = ['my_rules']\n")
    write(tmp_path, "PRIVACY.md", "# Privacy\n\nWe keep data for a year.\n")
    code, _, err = run_cli("policy", str(tmp_path / "PRIVACY.md"))
    assert code == 2 and "invalid regex" in err


BOMB = "".join(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
               for previous, name in zip("abcdefgh", "bcdefghi"))


@pytest.mark.parametrize("where", ["my_rules/code/bomb.yml", "my_rules/sinks/bomb.yml", "my_rules/taxonomy/bomb.yml",
                                   "my_rules/policy/bomb.yml"])
def test_yaml_alias_bombs_are_refused_naming_the_file(run_cli, tmp_path, where):
    write(tmp_path, where, "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + BOMB)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nrule-paths = ['my_rules']\n")
    write(tmp_path, "app.py", LEAK)
    write(tmp_path, "PRIVACY.md", "# Privacy\n")
    command = "policy" if "/policy/" in where else "scan"
    code, _, err = run_cli(command, str(tmp_path / ("PRIVACY.md" if command == "policy" else "")))
    assert code == 2
    assert "bomb.yml" in err and "expand to over" in err


def test_a_recursive_alias_is_refused(tmp_path):
    with pytest.raises(RuleError, match="contains it"):
        load_yaml(write(tmp_path, "loop.yml", "a: &a [x, *a]\n"))


@pytest.mark.parametrize("exclude", ["!", "", "(((", "user."])
def test_name_excludes_without_a_word_are_a_configuration_error(run_cli, tmp_path, exclude):
    write(tmp_path, "pyproject.toml", f"[tool.privlint]\nname-excludes = ['{exclude}']\n")
    write(tmp_path, "app.py", LEAK)
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2
    assert "pyproject.toml:2: name-excludes" in err


@pytest.mark.parametrize("table", ["tool = 1\n", "[tool]\nprivlint = 3\n", "tool.privlint = 'x'\n"])
def test_a_privlint_table_of_the_wrong_type_is_an_error_with_line(run_cli, tmp_path, table):
    write(tmp_path, "pyproject.toml", table)
    write(tmp_path, "app.py", LEAK)
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2 and "[tool.privlint] must be a table" in err and "pyproject.toml:" in err


def test_lone_surrogates_in_literals_reach_the_linear_engine_safely(run_cli, tmp_path):
    write(tmp_path, "app.py", 'import re\nBAD = re.compile("[\\uD800-\\uDFFF]")\nODD = "\\ud800anne@corp.cn"\n' + LEAK)
    code, out, err = run_cli("scan", str(tmp_path))
    assert code == 1 and "app.py:7:5: pii-in-log" in out
    assert "internal error" not in err
