"""How many kinds of data-subject rights a policy names (privlint.policy.rights)."""

from __future__ import annotations

import pytest

from privlint.policy.reader import Passage
from privlint.policy.rights import rights_named


def _passages(*texts: str) -> list[Passage]:
    return [Passage(heading="", text=text) for text in texts]


@pytest.mark.parametrize("texts, lang, kinds", [
    (["You have the right to access, correct and delete your personal data."], "en", 3),
    (["You can export your notes at any time.", "You may also withdraw your consent."], "en", 2),
    (["Request deletion of your account by writing to us."], "en", 1),
    (["You have the right to know what we collect.", "You have the right to know it again."], "en", 1),
    (["您有权查阅、更正、删除您的个人信息，并可以撤回同意。"], "zh", 4),
    (["您可以申请注销账号。"], "zh", 1),
    (["您有權查詢、更正或刪除您的個人資料。"], "zh", 3),
])
def test_kinds_of_rights_are_counted_once_each(texts: list[str], lang: str, kinds: int) -> None:
    assert rights_named(_passages(*texts), lang) == kinds


@pytest.mark.parametrize("texts, lang", [
    # The words of a right, but nothing about the user's rights or requests: not counted.
    (["Only our staff can access the server.", "Logs are deleted after 30 days."], "en"),
    (["We update this policy from time to time.", "Your data are removed on uninstall."], "en"),
    # 权限 (permission) is no right; 删除 in a retention sentence is no request.
    (["本应用需要存储权限，用于保存图片。", "数据在30天后自动删除。"], "zh"),
    (["We keep nothing."], "ja"),
])
def test_look_alikes_name_no_right(texts: list[str], lang: str) -> None:
    assert rights_named(_passages(*texts), lang) == 0
