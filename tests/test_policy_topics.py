"""Topic words and denials: the document signals of the policy reader's document-level decision."""

from __future__ import annotations

from privlint.policy.reader import Passage
from privlint.policy.topics import TOPICS, topic_counts


def test_every_disclosure_has_topic_words_in_both_languages() -> None:
    assert set(TOPICS["en"]) == set(TOPICS["zh"]) and len(TOPICS["en"]) == 19


def test_passages_are_counted_by_the_subjects_they_name_and_headings_apart() -> None:
    passages = [Passage(heading="Storage", text="We keep your notes for 30 days."),
                Passage(heading="Storage", text="Deleted notes are gone at once."),
                Passage(heading="Cookies", text="The site sets one cookie for your language.")]
    counts = topic_counts(passages, "en")
    assert counts["retention"] == (2, False)
    assert counts["cookies-tracking"] == (1, True)
    assert counts["complaint"] == (0, False)


def test_chinese_topics_are_counted_on_characters() -> None:
    passages = [Passage(heading="信息存储", text="我们将您的个人信息保存在中华人民共和国境内。"),
                Passage(heading="信息存储", text="您可以向网信部门投诉。")]
    counts = topic_counts(passages, "zh")
    assert counts["retention"] == (1, True)
    assert counts["cross-border-transfer"] == (1, False)
    assert counts["complaint"] == (1, False)
    assert counts["children"] == (0, False)
