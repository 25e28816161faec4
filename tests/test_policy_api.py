"""The policy API: discovery, rule metadata, findings, evidence lines, claims, negation, languages, lazy spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from privlint.errors import ConfigError, RuleError
from privlint.findings import Severity
from privlint.policy.api import REGIMES, check_policies, find_policy_documents, policy_rules

EN_POLICY = """# Privacy Policy

Last updated: 2 May 2024

Acme Ltd is the data controller. Contact us at privacy@acme.example.

## Information we collect

We collect your email address and phone number.

## Sharing

We do not share your personal information with third parties.
We never sell your data.

## Retention

We retain your data.
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_regimes_and_rule_counts() -> None:
    assert REGIMES == ("pipl", "gbt35273", "gdpr", "ccpa")
    counts = {regime: len(policy_rules([regime])) for regime in REGIMES}
    assert counts == {"pipl": 14, "gbt35273": 15, "gdpr": 13, "ccpa": 11}


def test_rule_metadata_is_complete() -> None:
    for rule in policy_rules(REGIMES):
        assert rule.kind == "policy" and rule.regime in REGIMES
        assert rule.id.startswith(rule.regime + "-")
        assert rule.references and rule.docs.why and rule.docs.example and rule.docs.instead
        assert rule.source_path and rule.source_path.endswith(f"{rule.regime}.yml")


def test_unknown_regime_names_valid_ones() -> None:
    with pytest.raises(ConfigError, match="pipl, gbt35273, gdpr, ccpa"):
        check_policies([], ["hipaa"])
    with pytest.raises(ConfigError):
        policy_rules(["gdpr", "lgpd"])


def test_find_policy_documents_skips_vendored_trees(tmp_path: Path) -> None:
    for name in ["PRIVACY.md", "privacy-policy.html", "privacy_policy.txt", "docs/legal/privacy-zh.md",
                 "docs/privacy.md", "node_modules/x/PRIVACY.md", ".git/privacy-policy.md", "venv/docs/privacy.md",
                 "src/docs/privacy.md", "README.md", "legal/terms.md", "legal/datenschutz.md"]:
        write(tmp_path, name, "x")
    write(tmp_path, "myenv/pyvenv.cfg", "home = /usr")
    write(tmp_path, "myenv/PRIVACY.md", "x")
    found = [p.relative_to(tmp_path).as_posix() for p in find_policy_documents(tmp_path, ["legal/datenschutz.*"])]
    assert sorted(found) == ["PRIVACY.md", "docs/legal/privacy-zh.md", "docs/privacy.md", "legal/datenschutz.md",
                             "privacy-policy.html", "privacy_policy.txt"]


def test_missing_and_partial_findings(tmp_path: Path) -> None:
    result = check_policies([write(tmp_path, "PRIVACY.md", EN_POLICY)], ["gdpr"])
    by_rule = {finding.rule_id: finding for finding in result.findings}
    assert by_rule["gdpr-legal-basis"].properties == {
        "regime": "gdpr", "disclosure": "legal-basis", "status": "missing",
        "references": ["GDPR Art. 13(1)(c)-(d)", "GDPR Art. 6(1)"]}
    assert by_rule["gdpr-legal-basis"].location.line == 1
    assert by_rule["gdpr-legal-basis"].severity is Severity.WARNING
    assert by_rule["gdpr-retention"].properties["status"] == "partial"
    assert by_rule["gdpr-retention"].location.line == 16
    assert "gdpr-controller-identity" not in by_rule and "gdpr-contact" not in by_rule
    assert all(finding.kind == "policy" and finding.fingerprint for finding in result.findings)


def test_negated_sharing_is_a_claim_not_a_disclosure(tmp_path: Path) -> None:
    result = check_policies([write(tmp_path, "PRIVACY.md", EN_POLICY)], ["gdpr"])
    document = result.documents[0]
    assert "third-party-sharing" not in document["evidence"]
    assert {f.rule_id for f in result.findings} >= {"gdpr-third-party-sharing"}
    assert document["claims"]["negative_claims"] == [
        {"text": "We do not share your personal information with third parties.", "line": 13, "denies": ["share"],
         "categories": []},
        {"text": "We never sell your data.", "line": 14, "denies": ["sell"], "categories": []},
    ]
    assert document["claims"]["data_categories"] == ["email", "phone"]
    assert document["evidence"]["contact"] == [5]
    assert document["language"] == "en"


def test_qualified_denial_is_a_disclosure(tmp_path: Path) -> None:
    text = "# 隐私政策\n\n除非获得您的单独同意，我们不会向第三方提供您的个人信息。\n"
    result = check_policies([write(tmp_path, "privacy.md", text)], ["pipl"])
    document = result.documents[0]
    assert document["evidence"]["third-party-sharing"] == [3]
    assert document["claims"]["negative_claims"] == []
    statuses = {f.rule_id: f.properties["status"] for f in result.findings}
    assert statuses["pipl-third-party-sharing"] == "partial"


def test_chinese_claims_and_denial(tmp_path: Path) -> None:
    text = ("# 隐私政策\n\n## 我们收集的信息\n\n我们会收集您的手机号码和位置信息。\n\n"
            "## 共享\n\n我们不会向第三方提供您的个人信息。我们接入了友盟SDK，数据存储在新加坡。\n")
    document = check_policies([write(tmp_path, "privacy.md", text)], ["pipl"]).documents[0]
    claims = document["claims"]
    assert claims["data_categories"] == ["location", "phone"]
    assert claims["recipients"] == ["友盟"] and claims["countries"] == ["Singapore"]
    assert claims["negative_claims"] == [{"text": "我们不会向第三方提供您的个人信息。", "line": 9, "denies": ["disclose"],
                                          "categories": []}]
    assert claims["storage_countries"] == ["Singapore"]
    assert claims["statements"] == [
        {"text": "我们不会向第三方提供您的个人信息。", "line": 9, "role": "third-party"},
        {"text": "我们接入了友盟SDK，数据存储在新加坡。", "line": 9, "role": "third-party"},
    ]


def test_claims_give_recipients_their_role_and_denials_their_scope(tmp_path: Path) -> None:
    text = ("# Privacy\n\nWe do not collect your precise location or your contacts.\n\n"
            "We do not sell or share your personal information.\n\n## Service providers\n\n"
            "Twilio sends our text messages.\n\n## Partners\n\nWe give Acme Ads your e-mail address.\n\n"
            "Stripe, our payment processor, is a partner too.\n")
    claims = check_policies([write(tmp_path, "PRIVACY.md", text)], ["ccpa"]).documents[0]["claims"]
    assert [(claim["denies"], claim["categories"]) for claim in claims["negative_claims"]] == [
        (["collect"], ["contacts", "location"]), (["sell", "share"], [])]
    assert [(statement["line"], statement["role"]) for statement in claims["statements"]] == [
        (9, "processor"), (13, "third-party"), (15, "processor")]


def test_traditional_chinese_is_detected_and_matched(tmp_path: Path) -> None:
    text = "隱私政策\n\n我們會收集您的手機號碼。您的個人資料保存期限為三年。如有疑問，請聯絡我們。\n"
    document = check_policies([write(tmp_path, "privacy.txt", text)], ["pipl"]).documents[0]
    assert document["language"] == "zh-Hant"
    assert document["evidence"]["retention"] == [3]


def test_html_evidence_points_at_source_lines(tmp_path: Path) -> None:
    text = ("<html><head><title>Privacy</title><style>p { color: red }</style></head>\n<body>\n<h1>Privacy</h1>\n"
            "<p>We keep your data\nfor <b>two years</b>.</p>\n<p>You can lodge a complaint\nwith the supervisory authority.</p>\n"
            "</body></html>\n")
    document = check_policies([write(tmp_path, "privacy.html", text)], ["gdpr"]).documents[0]
    assert document["evidence"]["retention"] == [4]
    assert document["evidence"]["complaint"] == [6, 7]


def test_user_rule_folder_extends_phrases_and_rules(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    write(rules, "extra.yml", "disclosures:\n  complaint:\n    en:\n      phrases: [ombudsman]\n"
                              "regime: gdpr\nrules:\n  - id: gdpr-cookies-tracking\n    disclosure: cookies-tracking\n"
                              "    message: The policy does not mention cookies.\n")
    policy = write(tmp_path, "PRIVACY.md", "# Privacy\n\nWrite to the ombudsman if you are unhappy with us.\n")
    result = check_policies([policy], ["gdpr"], [rules])
    ids = {finding.rule_id for finding in result.findings}
    assert "gdpr-complaint" not in ids and "gdpr-cookies-tracking" in ids
    assert "gdpr-cookies-tracking" in {rule.id for rule in policy_rules(["gdpr"], [rules])}


def test_invalid_user_rule_is_a_rule_error(tmp_path: Path) -> None:
    write(tmp_path, "bad.yml", "regime: gdpr\nrules:\n  - id: gdpr-x\n    disclosure: horoscope\n    message: m\n")
    with pytest.raises(RuleError, match="unknown disclosure"):
        policy_rules(["gdpr"], [tmp_path])


def test_importing_the_api_does_not_import_spacy() -> None:
    code = ("import sys, privlint.policy.api as api; api.policy_rules(['pipl']);"
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_checking_a_policy_imports_spacy_only_in_nlp_and_the_reader(tmp_path: Path) -> None:
    path = write(tmp_path, "PRIVACY.md", EN_POLICY)
    code = (f"import sys; from pathlib import Path; from privlint.policy.api import check_policies;"
            f"check_policies([Path({str(path)!r})], ['gdpr']); assert 'spacy' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
    sources = Path(__file__).resolve().parent.parent / "privlint" / "policy"
    importers = sorted(p.name for p in sources.glob("*.py")
                       if "import spacy" in p.read_text() or "from spacy" in p.read_text())
    assert importers == ["nlp.py", "reader.py"]


def test_subsections_belong_to_the_section_whose_heading_they_follow(tmp_path: Path) -> None:
    text = ("# 隐私政策\n\n## 一、我们如何收集您的个人信息\n\n### 1. 注册与登录\n\n我们收集您的联系电话。\n\n"
            "### 2. 药品配送\n\n我们收集您的收货地址。\n\n## 二、敏感个人信息\n\n"
            "敏感个人信息包括生物识别、医疗健康和金融账户信息。\n")
    claims = check_policies([write(tmp_path, "privacy.md", text)], ["pipl"]).documents[0]["claims"]
    assert claims["data_categories"] == ["phone", "postal-address"]
    assert {"biometric", "financial", "health"} <= set(claims["sensitive_categories"])
