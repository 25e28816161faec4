"""The training corpus's Markdown to plain text conversion (training/policy/plaintext.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "policy"))

import plaintext  # noqa: E402


def test_autolinks_are_kept_as_text_even_beside_html() -> None:
    text = "<p>Hello</p>\n\nWrite to <support@example.org> or see <https://example.org/privacy>.\n"
    texts = [block[2] for block in plaintext.md_blocks(text)]
    assert any("support@example.org" in line and "https://example.org/privacy" in line for line in texts)


def test_html_tags_are_still_dropped() -> None:
    texts = [block[2] for block in plaintext.md_blocks("<p>We keep <b>nothing</b>.</p>\n")]
    assert texts == ["We keep nothing."]
