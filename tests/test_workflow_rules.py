"""Rules as a product: `privlint rules`, `explain`, `init`, `test PATH`, installed packs and docs/rules.md."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from conftest import REPO, write
from privlint.config import config_from_table
from privlint.workflow.init_config import TEMPLATE
from privlint.workflow.rules_doc import REGENERATE, builtin_markdown

CRM_SINK = "sinks:\n  - group: crm\n    kind: third-party\n    vendor: Acme CRM\n    functions: [acme.push]\n"
CRM_RULE = """\
kind: third-party
severity: error
confidence: high
select: {groups: [crm]}
short: Personal data sent to the CRM
description: Personal data is pushed to Acme CRM.
message: "{data} is sent to {destination} by `{sink}`."
references: ["PIPL Art. 23", "GDPR Art. 28"]
docs:
  why: The CRM vendor stores what it receives.
  example: acme.push(user.email)
  instead: acme.push(user.id)
"""
CRM_FIXTURE = """\
import acme


def f(user):
    # ruleid: pii-to-crm
    acme.push(user.email)
    # ok: pii-to-crm
    acme.push(user.id)
"""
POLICY_PACK = """\
regime: gdpr
rules:
- id: acme-contact
  disclosure: contact
  message: The policy gives no contact.
  docs: {why: Users need a contact.}
"""
POLICY_FIXTURE = "<!-- ruleid: acme-contact -->\n# Privacy\n\nWe collect your e-mail address.\n"


def make_pack(root: Path, fixture: str = CRM_FIXTURE) -> Path:
    write(root, "pack/sinks/crm.yml", CRM_SINK)
    write(root, "pack/code/pii-to-crm.yml", CRM_RULE)
    write(root, "pack/code/pii-to-crm.py", fixture)
    return root / "pack"


def test_rules_lists_code_and_policy_rules(run_cli):
    code, out, _ = run_cli("rules")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["id", "kind", "level", "description"]
    row = next(line for line in lines if line.startswith("pii-in-log "))
    assert row.split()[:3] == ["pii-in-log", "logging", "warning"]
    assert any(line.split()[:3] == ["gdpr-contact", "policy", "warning"] for line in lines)


def test_rules_table_fits_the_terminal(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = run_cli("rules")[1].splitlines()
    assert len(lines) > 60 and max(map(len, lines)) <= 80
    assert any(line.endswith("…") for line in lines)
    monkeypatch.setenv("COLUMNS", "300")
    assert not any(line.endswith("…") for line in run_cli("rules")[1].splitlines())


def test_rules_includes_project_packs_and_json(run_cli, tmp_path):
    make_pack(tmp_path)
    config = write(tmp_path, "pyproject.toml", "[tool.privlint]\npacks = []\nrule-paths = ['pack']\n")
    code, out, _ = run_cli("rules", "--format", "json", "--config", str(config))
    listed = json.loads(out)
    assert code == 0
    assert listed[0] == {
        "id": "pii-to-crm", "kind": "third-party", "severity": "error", "regime": None,
        "references": ["PIPL Art. 23", "GDPR Art. 28"], "name": "PiiToCrm", "confidence": "high",
        "short": "Personal data sent to the CRM", "description": "Personal data is pushed to Acme CRM.",
        "tags": ["third-party", "privacy"],
        "docs": {"why": "The CRM vendor stores what it receives.", "example": "acme.push(user.email)",
                 "instead": "acme.push(user.id)"},
    }
    assert "pii-in-log" not in {rule["id"] for rule in listed}
    assert {rule["regime"] for rule in listed[1:]} == {"pipl", "gbt35273", "gdpr", "ccpa"}


def test_explain_prints_the_documentation(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)  # a folder that does not hold tmp_path: the path is shown absolute
    pack = make_pack(tmp_path)
    config = write(tmp_path, "pyproject.toml", "[tool.privlint]\nrule-paths = ['pack']\n")
    code, out, _ = run_cli("explain", "--config", str(config), "pii-to-crm")
    assert code == 0
    assert out == (
        "pii-to-crm: Personal data sent to the CRM\n"
        "kind: third-party; severity: error; confidence: high\n\n"
        "Personal data is pushed to Acme CRM.\n\n"
        "Why:\n    The CRM vendor stores what it receives.\n\n"
        "Example:\n    acme.push(user.email)\n\n"
        "Use instead:\n    acme.push(user.id)\n\n"
        "References:\n    PIPL Art. 23\n    GDPR Art. 28\n\n"
        f"Defined in: {(pack / 'code' / 'pii-to-crm.yml').as_posix()}\n"
    )


def test_explain_policy_rule_and_unknown_ids(run_cli):
    code, out, _ = run_cli("explain", "gdpr-contact")
    assert code == 0 and out.splitlines()[1] == "kind: policy; severity: warning; confidence: medium; regime: gdpr"
    code, out, err = run_cli("explain", "pii-in-log", "no-such-rule", "other")
    assert (code, out) == (2, "")
    assert err == "privlint: error: unknown rule ids: no-such-rule, other (`privlint rules` lists them)\n"


def test_init_prints_a_valid_commented_section(run_cli):
    code, out, _ = run_cli("init")
    assert code == 0 and out == TEMPLATE
    table = tomllib.loads(out)["tool"]["privlint"]
    config = config_from_table(table, root=Path("."))
    assert config.packs == ("core",) and config.fail_on is not None
    assert out.count("\n# ") + 1 >= len(table) // 2, "every group of keys carries a comment"


def test_init_write_appends_and_refuses_twice(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[project]\nname = \"shop\"")
    code, out, _ = run_cli("init", "--write")
    assert (code, out) == (0, "privlint: added a [tool.privlint] section to pyproject.toml\n")
    text = (tmp_path / "pyproject.toml").read_text()
    assert text == "[project]\nname = \"shop\"\n\n" + TEMPLATE
    code, _, err = run_cli("init", "--write")
    assert code == 2
    assert err == "privlint: error: pyproject.toml: already has a [tool.privlint] table; edit it instead\n"
    assert (tmp_path / "pyproject.toml").read_text() == text


def test_init_write_refuses_a_subtable_too(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint.severity]\npii-in-log = \"error\"\n")
    assert run_cli("init", "--write")[0] == 2


def test_pack_test_passes(run_cli, tmp_path):
    pack = make_pack(tmp_path)
    code, out, _ = run_cli("test", str(pack))
    assert (code, out) == (0, f"{pack / 'code' / 'pii-to-crm.py'}: ok\n1 fixture, 0 failed\n")


def test_pack_test_reports_missing_and_extra(run_cli, tmp_path):
    pack = make_pack(tmp_path, CRM_FIXTURE.replace("user.email", "user.id_").replace("(user.id)", "(user.phone)"))
    write(tmp_path, "pack/code/pii-to-fax.yml", CRM_RULE)
    code, out, _ = run_cli("test", str(pack))
    assert code == 1
    assert out.splitlines() == [
        f"{pack / 'code' / 'pii-to-crm.py'}: Missing: [pii-to-crm:6] Extra: [pii-to-crm:8]",
        f"{pack / 'code' / 'pii-to-fax.yml'}: no fixture beside the rule (expected {pack / 'code' / 'pii-to-fax.py'})",
        "2 fixtures, 2 failed",
    ]


def test_pack_test_runs_policy_fixtures(run_cli, tmp_path):
    write(tmp_path, "pack/policy/acme.yml", POLICY_PACK)
    good = write(tmp_path, "pack/policy/gdpr.nocontact.md", POLICY_FIXTURE)
    bad = write(tmp_path, "pack/policy/gdpr.wrong.md", POLICY_FIXTURE.replace("ruleid", "ok"))
    code, out, _ = run_cli("test", str(tmp_path / "pack"))
    assert code == 1
    assert out.splitlines() == [f"{good}: ok", f"{bad}: Extra: [acme-contact:2]", "2 fixtures, 1 failed"]


def test_pack_test_needs_a_pack(run_cli, tmp_path):
    code, _, err = run_cli("test", str(tmp_path))
    assert code == 2 and "not a rule pack" in err


def make_distribution(root: Path, entry_point: str, monkeypatch) -> None:
    """A fake installed distribution: a *.dist-info folder with an entry point in the privlint.rules group."""
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.delitem(sys.modules, "acme_rules", raising=False)
    write(root, "acme_privacy_rules-1.0.dist-info/METADATA",
          "Metadata-Version: 2.1\nName: acme-privacy-rules\nVersion: 1.0\n")
    write(root, "acme_privacy_rules-1.0.dist-info/entry_points.txt", f"[privlint.rules]\nacme = {entry_point}\n")
    write(root, "acme_rules/__init__.py", "from pathlib import Path\nPACK = Path(__file__).parent / 'pack'\n")
    make_pack(root / "acme_rules")


def test_installed_pack_by_module_runs_when_listed_in_packs(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)  # a folder that does not hold tmp_path: paths are printed absolute
    make_distribution(tmp_path / "site", "acme_rules", monkeypatch)
    (tmp_path / "site/acme_rules/pack/code").rename(tmp_path / "site/acme_rules/code")
    (tmp_path / "site/acme_rules/pack/sinks").rename(tmp_path / "site/acme_rules/sinks")
    write(tmp_path, "project/app.py", "import acme\n\ndef f(user):\n    acme.push(user.email)\n")
    assert run_cli("scan", str(tmp_path / "project"))[0] == 0
    write(tmp_path, "project/pyproject.toml", "[tool.privlint]\npacks = ['core', 'acme']\n")
    code, out, _ = run_cli("scan", str(tmp_path / "project"))
    assert code == 1 and out.startswith(f"{tmp_path / 'project' / 'app.py'}:4:5: pii-to-crm (error) ")


def test_installed_pack_by_path_attribute(run_cli, tmp_path, monkeypatch):
    make_distribution(tmp_path / "site", "acme_rules:PACK", monkeypatch)
    config = write(tmp_path, "pyproject.toml", "[tool.privlint]\npacks = ['acme']\n")
    code, out, _ = run_cli("rules", "--config", str(config))
    assert code == 0 and out.splitlines()[1].split()[:3] == ["pii-to-crm", "third-party", "error"]


def test_unknown_pack_names_the_installed_ones(run_cli, tmp_path, monkeypatch):
    make_distribution(tmp_path / "site", "acme_rules:PACK", monkeypatch)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\npacks = ['acne']\n")
    write(tmp_path, "app.py", "x = 1\n")
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2 and "unknown rule pack 'acne' in packs (available: acme, core)" in err


def test_broken_installed_pack_is_a_rule_error(run_cli, tmp_path, monkeypatch):
    make_distribution(tmp_path / "site", "acme_rules:MISSING", monkeypatch)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\npacks = ['acme']\n")
    write(tmp_path, "app.py", "x = 1\n")
    code, _, err = run_cli("scan", str(tmp_path))
    assert code == 2 and "entry point acme = acme_rules:MISSING (group privlint.rules): cannot load rule pack" in err


def test_docs_rules_md_is_up_to_date():
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == builtin_markdown(), f"docs/rules.md is stale; regenerate it with: {REGENERATE}"


def test_rules_markdown_format_is_the_generated_document(run_cli):
    code, out, _ = run_cli("rules", "--format", "markdown")
    assert code == 0 and out == builtin_markdown()
