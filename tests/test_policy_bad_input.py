"""Bad policy input never crashes: each case gives a clear result or a notification."""

from __future__ import annotations

from pathlib import Path

import pytest

from privlint.policy import documents
from privlint.policy.api import check_policies

ZH_POLICY = "# 隐私政策\n\n我们会收集您的手机号码。您的个人信息保存期限为三年。如有疑问，请发送邮件至 a@b.example 与我们联系。\n"


def check(tmp_path: Path, name: str, data: bytes, regimes: tuple[str, ...] = ("pipl",)):
    path = tmp_path / name
    path.write_bytes(data)
    return check_policies([path], regimes)


def test_empty_document_is_reported(tmp_path: Path) -> None:
    result = check(tmp_path, "PRIVACY.md", b"")
    assert not result.findings and not result.documents
    assert [n.message for n in result.notifications] == ["policy document has no text to check"]


def test_html_shell_without_text_is_reported(tmp_path: Path) -> None:
    shell = b"<!DOCTYPE html><html><head><script>var a = '<p>text</p>';</script></head><body><div id='app'></div></body></html>"
    result = check(tmp_path, "privacy.html", shell)
    assert not result.findings
    assert result.notifications[0].message == "policy document has no text to check"


def test_broken_html_is_checked_as_far_as_it_goes(tmp_path: Path) -> None:
    broken = "<html><body><h1>隐私政策<p>您的个人信息保存期限为三年。<div><table><tr><td>无结束标签 <![CDATA[ x </b></i>"
    result = check(tmp_path, "privacy.html", broken.encode())
    assert result.documents[0]["evidence"]["retention"] == [1]


def test_gbk_encoded_chinese_is_decoded(tmp_path: Path) -> None:
    result = check(tmp_path, "privacy.md", ZH_POLICY.encode("gbk"))
    document = result.documents[0]
    assert document["encoding"] == "gb18030" and document["language"] == "zh-Hans"
    assert document["evidence"]["retention"] == [3]


def test_utf8_bom_and_utf16_are_decoded(tmp_path: Path) -> None:
    assert check(tmp_path, "a.md", ZH_POLICY.encode("utf-8-sig")).documents[0]["encoding"] == "utf-8"
    assert check(tmp_path, "b.md", ZH_POLICY.encode("utf-16")).documents[0]["evidence"]["retention"] == [3]


def test_undecodable_bytes_are_a_notification(tmp_path: Path) -> None:
    result = check(tmp_path, "privacy.txt", bytes(range(128, 256)) * 4)
    assert not result.documents
    assert result.notifications[0].unreadable and "cannot decode" in result.notifications[0].message


def test_latin1_policy_in_another_language_is_not_guessed(tmp_path: Path) -> None:
    text = "Datenschutzerklärung\n\nWir verarbeiten Ihre Daten gemäß der DSGVO und löschen sie nach drei Jahren.\n"
    result = check(tmp_path, "privacy.txt", text.encode("latin-1"))
    assert "cannot decode" in result.notifications[0].message
    result = check(tmp_path, "privacy2.txt", text.encode("utf-8"))
    assert not result.findings and "language not detected" in result.notifications[0].message


def test_missing_file_is_a_notification(tmp_path: Path) -> None:
    result = check_policies([tmp_path / "nope.md"], ["gdpr"])
    assert "cannot read" in result.notifications[0].message


def test_oversized_file_is_a_notification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_BYTES", 100)
    result = check(tmp_path, "privacy.md", ZH_POLICY.encode() * 10)
    assert "over the limit of 100" in result.notifications[0].message


def test_huge_document_and_huge_paragraph(tmp_path: Path) -> None:
    paragraph = "We collect your email address to send receipts. " * 6_000
    text = "# Privacy Policy\n\n" + paragraph + "\n\nWe keep receipts for 6 years.\n"
    result = check(tmp_path, "PRIVACY.md", text.encode(), ("gdpr",))
    document = result.documents[0]
    assert document["evidence"]["retention"] == [5]
    assert document["claims"]["data_categories"] == ["email"]


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"")
    good = tmp_path / "good.md"
    good.write_bytes(ZH_POLICY.encode())
    result = check_policies([bad, good], ["pipl"])
    assert len(result.documents) == 1 and len(result.notifications) == 1 and result.findings
