"""How policy pages are cut into blocks: the front matter of Jekyll and Hugo pages (only what the site shows of it
is text) and the headings and list items of plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from privlint.policy.documents import read_document
from privlint.policy.frontmatter import split_front_matter

JEKYLL = """---
layout: page
title: "Privacy Policy for Lumen Reader"
subtitle: 'Last updated: 1 May 2024'
permalink: /privacy/
---

Lumen Reader keeps your reading list on your phone.

## Contact

Write to privacy@lumen.example.
"""


def _blocks(tmp_path: Path, name: str, text: str) -> list[tuple[str, int, bool]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document, notes = read_document(path)
    assert document is not None and not notes
    return [(block.text, block.line, block.heading) for block in document.blocks]


def test_jekyll_front_matter_leaves_its_title_and_subtitle_as_the_page_shows_them(tmp_path: Path) -> None:
    assert _blocks(tmp_path, "privacy.md", JEKYLL) == [
        ("Privacy Policy for Lumen Reader", 3, True),
        ("Last updated: 1 May 2024", 4, False),
        ("Lumen Reader keeps your reading list on your phone.", 8, False),
        ("Contact", 10, True),
        ("Write to privacy@lumen.example.", 12, False),
    ]


def test_hugo_toml_front_matter_and_html_pages_are_read_the_same_way(tmp_path: Path) -> None:
    toml = "+++\ndate = 2024-05-01\ntitle = 'Privacy'\n+++\n\nWe collect nothing.\n"
    assert _blocks(tmp_path, "privacy.md", toml) == [("Privacy", 3, True), ("We collect nothing.", 6, False)]
    html = "---\nlayout: default\n---\n<h1>Privacy notice</h1>\n<p>We keep server logs for 7 days.</p>\n"
    assert _blocks(tmp_path, "privacy.html", html) == [("Privacy notice", 4, True),
                                                        ("We keep server logs for 7 days.", 5, False)]


def test_front_matter_without_a_title_adds_no_heading() -> None:
    front = split_front_matter("---\nlayout: page\ntitle: ''\nnav_order: 8\n---\nText.\n")
    assert front is not None and front.shown == ()
    assert front.body == "\n\n\n\n\nText.\n"


@pytest.mark.parametrize("text", [
    "---\n\nWe changed this policy on 1 May 2024.\n\n---\n\nWe collect nothing.\n",  # thematic breaks around prose
    "---\ntitle: Privacy\n\nWe collect nothing.\n",                                   # never closed
    "Privacy Policy\n---\n\ntitle: not front matter\n---\n",                         # a setext heading first
    "+++\nWe collect nothing.\n+++\n",                                                # no field after the fence
    "---\nNote: this policy was updated.\nWe collect nothing.\n---\n",                  # prose after a field
])
def test_look_alikes_are_not_front_matter(text: str) -> None:
    assert split_front_matter(text) is None


def test_a_markdown_page_opening_with_a_thematic_break_keeps_its_text(tmp_path: Path) -> None:
    text = "---\n\nEffective date: 1 May 2024\n\n---\n\nWe collect nothing.\n"
    assert [block for block, _, _ in _blocks(tmp_path, "privacy.md", text)] == ["Effective date: 1 May 2024",
                                                                              "We collect nothing."]


def test_short_plain_text_lines_are_headings_unless_they_are_list_items(tmp_path: Path) -> None:
    text = "Privacy Policy\n\nWe keep your notes on your phone.\n\nContact Us\n\n  * By email: ann@notes.example\n"
    assert _blocks(tmp_path, "privacy.txt", text) == [
        ("Privacy Policy", 1, True), ("We keep your notes on your phone.", 3, False), ("Contact Us", 5, True),
        ("* By email: ann@notes.example", 7, False)]
