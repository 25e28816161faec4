"""Whether a policy names its product or operator (privlint.policy.naming)."""

from __future__ import annotations

import pytest

from privlint.policy.naming import common_words, names_itself, own_word_mentions, repeated_names, word_counts
from privlint.policy.reader import Passage, corpus_words


def _passages(*texts: str) -> list[Passage]:
    return [Passage(heading="", text=text) for text in texts]


@pytest.mark.parametrize("opening, texts, lang", [
    (["# Tidewater Notes Privacy Policy"], ["We keep your notes on your phone."], "en"),
    (["Privacy Policy for Lumen Reader"], ["We collect nothing."], "en"),
    (["Privacy Policy"], ['Harbor Labs ("we", "us") runs this site.'], "en"),
    (["Privacy Policy"], ["This app is developed by Quillmoth Software."], "en"),
    (["青柠记账隐私政策"], ["我们不会收集您的个人信息。"], "zh"),
    (["隐私政策 - 星图书签"], ["数据仅保存在本地。"], "zh"),
    (["隐私政策"], ["远山科技（以下简称“我们”）非常重视您的隐私。"], "zh"),
    (["隐私政策"], ["欢迎使用小满天气！"], "zh"),
])
def test_a_named_product_or_operator_is_found(opening: list[str], texts: tuple[str, ...], lang: str) -> None:
    assert names_itself(opening, _passages(*texts), lang)


@pytest.mark.parametrize("opening, texts, lang", [
    (["# Privacy Policy"], ["This app does not collect any data.", "We respect your privacy."], "en"),
    (["Our Privacy Policy"], ["By using the application you agree to this policy."], "en"),
    (["We strongly recommend that you read the privacy policy"], ["We may update it."], "en"),
    (["隐私政策", "最后更新日期：2025年8月6日"], ["本应用非常重视用户隐私。"], "zh"),
    (["APP隐私政策"], ["我们不会收集您的个人信息。"], "zh"),
    (["请您仔细阅读本隐私政策"], ["本软件（以下简称“本应用”）不联网。"], "zh"),
    (["隐私政策"], ["我们遵守《中华人民共和国个人信息保护法》。"], "zh"),
    (["Privacy Policy"], ["Nothing here names anyone."], "fr"),
])
def test_generic_titles_and_definitions_name_no_one(opening: list[str], texts: tuple[str, ...], lang: str) -> None:
    assert not names_itself(opening, _passages(*texts), lang)


@pytest.mark.parametrize("texts, lang, expected", [
    (["Lumen Reader keeps your list.", "We built Lumen Reader for readers.", "Ask Lumen support."], "en", 2),
    (["Acme Ltd runs the site.", "Write to Acme Ltd at the address below."], "en", 1),
    (["We use Google Analytics.", "Google Analytics sets cookies.", "See the Privacy Policy of Google."], "en", 0),
    (["Acme collects nothing.", "Acme stores nothing."], "en", 0),   # a word that opens its sentence is not counted
    (["欢迎使用「青柠记账」。", "「青柠记账」不收集个人信息。", "我们遵守《个人信息保护法》和《个人信息保护法》。"], "zh", 1),
    (["本应用不收集个人信息。", "我们不会共享您的数据。"], "zh", 0),
])
def test_repeated_names_count_the_names_a_policy_repeats(texts: list[str], lang: str, expected: int) -> None:
    assert repeated_names(_passages(*texts), lang) == expected


@pytest.mark.parametrize("texts, lang, expected", [
    (["squadlist sends e-mail to members.", "Squadlist's rota is kept on squadlist servers."], "en", 3),
    (["We send e-mail to members.", "The rota is kept on our servers."], "en", 0),
    (["ClipClop 将剪贴历史保存在当前设备。", "ClipClop 不联网，也不使用 SDK。"], "zh", 2),
    (["欢迎使用「青柠记账」。", "「青柠记账」不收集个人信息。"], "zh", 2),
    (["本应用不收集个人信息。", "我们不会共享您的数据。"], "zh", 0),
])
def test_the_word_a_policy_repeats_that_others_do_not_use(texts: list[str], lang: str, expected: int) -> None:
    common = {"sends", "send", "mail", "members", "rota", "kept", "servers", "the", "our", "sdk", "is", "on"}
    assert own_word_mentions(word_counts(_passages(*texts), lang), common) == expected


def test_word_counts_lower_case_and_skip_short_words() -> None:
    counts = word_counts(_passages("The App is OK.", "the app"), "en")
    assert counts == {"the": 2, "app": 2}


def test_common_words_are_those_enough_policies_use() -> None:
    assert common_words({"privacy": 40, "cookies": 3, "squadlist": 1}, least=3) == {"privacy", "cookies"}


@pytest.mark.parametrize("lang, common", [("en", {"privacy", "cookies", "information"}), ("zh", {"app", "sdk"})])
def test_the_installed_reader_ships_the_words_common_to_its_training_policies(lang: str, common: set[str]) -> None:
    assert common <= corpus_words(lang)
