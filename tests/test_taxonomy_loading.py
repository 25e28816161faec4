"""Tests of taxonomy loading: project types, extensions and exclusions, and errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from privlint.errors import RuleError
from privlint.taxonomy import load_taxonomy


def write(tmp_path: Path, text: str, name: str = "types.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_project_file_adds_a_type_with_names_and_values(tmp_path: Path) -> None:
    path = write(tmp_path, """\
types:
  - id: loyalty-card-number
    category: financial
    name: Loyalty card number
    sensitive: false
    fideslang: null
    names: [loyalty card, loyalty no, jifen ka]
    person_names: [points card]
    excludes: [loyalty card template]
    values:
      - regex: 'LC-\\d{8}'
""")
    taxonomy = load_taxonomy(extra_files=[path])
    assert taxonomy.classify_name("loyalty_card_no").id == "loyalty-card-number"
    assert taxonomy.classify_name("loyaltyCardTemplate") is None
    assert taxonomy.classify_name("points_card") is None
    assert taxonomy.classify_name("points_card", "customer").id == "loyalty-card-number"
    assert taxonomy.classify_literal("LC-12345678").id == "loyalty-card-number"


def test_inline_type_extends_a_builtin_type() -> None:
    taxonomy = load_taxonomy(extra_types=[{"id": "email-address", "names": ["correo"]}])
    assert taxonomy.classify_name("correo").id == "email-address"
    assert taxonomy.types["email-address"].fideslang == "user.contact.email"


def test_inline_new_type() -> None:
    entry = {"id": "gamer-tag", "category": "online-id", "name": "Gamer tag", "sensitive": False,
             "names": ["gamertag", "gamer tag"]}
    assert load_taxonomy(extra_types=[entry]).classify_name("player_gamertag").id == "gamer-tag"


def test_extra_excludes_by_sequence_and_by_owner() -> None:
    taxonomy = load_taxonomy(extra_excludes=["legacy email", "robot.name"])
    assert taxonomy.classify_name("legacy_email_value") is None
    assert taxonomy.classify_name("email").id == "email-address"
    assert taxonomy.classify_name("name", "robot") is None
    assert taxonomy.classify_name("name", "user").id == "person-name"


def test_project_file_adds_context_words(tmp_path: Path) -> None:
    path = write(tmp_path, "person_tokens: [shipper]\nnon_person_owners: [printer]\n")
    taxonomy = load_taxonomy(extra_files=[path])
    assert taxonomy.classify_name("address", "shipper").id == "postal-address"
    assert taxonomy.classify_name("email", "printer") is None


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("types:\n  - id: a\n    category: x\n    name: [unclosed\n", 5, "invalid YAML"),
        ("types:\n  - id: Bad_Id\n    category: x\n    name: X\n    sensitive: false\n", 2, "kebab-case"),
        ("types:\n  - id: ok-id\n    category: x\n    name: X\n    sensitive: maybe\n", 5, "'sensitive'"),
        ("types:\n  - id: ok-id\n    category: x\n    name: X\n    sensitive: true\n    colour: red\n", 6, "unknown key"),
        ("types:\n  - id: ok-id\n    category: x\n    name: X\n    sensitive: true\n    names: [a, 1]\n", 6, "names"),
        ("types:\n  - id: ok-id\n    category: x\n    name: X\n    sensitive: true\n    values:\n      - regex: '('\n", 7, "invalid regex"),
        ("types:\n  - id: ok-id\n    category: x\n    sensitive: true\n", 2, "lacks 'name'"),
        ("types:\n  - id: nowhere-type\n    names: [foo]\n", 2, "extends no known data type"),
        ("types:\n  - id: email-address\n    category: other\n    name: X\n    sensitive: true\n", 2, "defined twice"),
        ("person_tokens: yes\n", 1, "person_tokens"),
        ("typos: []\n", 1, "unknown top-level key"),
        ("types:\n  - !!python/object:os.system {}\n", 2, "invalid YAML"),
    ],
)
def test_bad_yaml_raises_rule_error_with_path_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RuleError) as caught:
        load_taxonomy(extra_files=[path])
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert message in caught.value.message


def test_bad_inline_type_names_the_config_key() -> None:
    with pytest.raises(RuleError) as caught:
        load_taxonomy(extra_types=[{"id": "x-y", "category": "c", "name": "N", "sensitive": "no"}])
    assert "data_types[0]" in str(caught.value)


def test_missing_project_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as caught:
        load_taxonomy(extra_files=[tmp_path / "missing.yml"])
    assert caught.value.path == str(tmp_path / "missing.yml")
