"""How many kinds of data-subject rights, and of ways to exercise them, a policy names (privlint.policy.rights)."""

from __future__ import annotations

import pytest

from privlint.policy.reader import Passage
from privlint.policy.rights import rights_named, ways_named


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


@pytest.mark.parametrize("texts, lang, kinds", [
    (["To exercise these rights, email privacy@example.org; we verify your identity and respond within 30 days."],
     "en", 3),
    (["You can delete your account in Settings.", "You can also uninstall the app to remove its data."], "en", 4),
    (["An authorized agent may submit a request on your behalf.", "Use the unsubscribe link to opt out."], "en", 2),
    (["如需行使上述权利，请联系客服，我们将在验证您的身份后15个工作日内答复。"], "zh", 3),
    (["您可以在设置中关闭个性化推荐，或申请注销账号。"], "zh", 2),
])
def test_kinds_of_ways_to_exercise_rights_are_counted_once_each(texts: list[str], lang: str, kinds: int) -> None:
    assert ways_named(_passages(*texts), lang) == kinds


@pytest.mark.parametrize("texts, lang", [
    # Rights stated with no way to exercise them.
    (["You have the right to access, correct and delete your personal data."], "en"),
    # A way, but nothing about rights, requests or contact: app settings and a retention period.
    (["The app stores your settings on the device.", "Logs are kept for 30 days."], "en"),
    # "cannot" is not "can": no way offered.
    (["Please note that you cannot remove flash cookies by changing your browser settings."], "en"),
    (["您有权查阅、更正、删除您的个人信息。"], "zh"),
    (["本应用会在设置页面显示版本号。", "日志保存30天。"], "zh"),
    (["Write to us."], "ja"),
])
def test_look_alikes_name_no_way_to_exercise_rights(texts: list[str], lang: str) -> None:
    assert ways_named(_passages(*texts), lang) == 0
