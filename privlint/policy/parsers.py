"""Markdown (markdown-it-py token maps) and plain text into blocks with source lines."""

from __future__ import annotations

import logging
import re
from markdown_it import MarkdownIt
from markdown_it.token import Token

from privlint.findings import Notification
from privlint.policy.blocks import Block, BlockBuilder
from privlint.policy.frontmatter import split_front_matter
from privlint.policy.htmlparse import parse_html

LOG = logging.getLogger(__name__)

_PLAIN_HEADING = re.compile(r"^(#+\s|第[一二三四五六七八九十]+[章节条部分]|[一二三四五六七八九十]+、|\d+(\.\d+)*[.、]?\s*\S)")
_SENTENCE_END = ("。", ".", "；", ";", "！", "!", "？", "?", "：", ":", ",", "，")
_BULLETS = ("- ", "* ", "+ ", "• ", "· ")
_INLINE_TEXT = frozenset({"text", "code_inline"})
_INLINE_BREAKS = frozenset({"softbreak", "hardbreak"})


def parse_blocks(text: str, fmt: str, path: str) -> tuple[list[Block], list[Notification]]:
    """Blocks of a document in the given format ("markdown", "html" or "text"). Front matter is not text of the
    page: only what the site generator shows of it is kept (frontmatter.py)."""
    front = split_front_matter(text)
    body = front.body if front else text
    if fmt == "markdown":
        blocks, notes = parse_markdown(body, path)
    elif fmt == "html":
        blocks, notes = parse_html(body, path)
    else:
        blocks, notes = parse_text(body), []
    return [*(front.shown if front else ()), *blocks], notes


def parse_markdown(text: str, path: str) -> tuple[list[Block], list[Notification]]:
    """Headings, paragraphs, list items and table rows of a Markdown document."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    builder = BlockBuilder()
    notes: list[Notification] = []
    heading = False
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type == "inline" and token.map:
            _add_inline(builder, token)
            if not _in_table_row(builder, token):
                builder.flush(heading=heading)
                heading = False
        elif token.type == "tr_close":
            builder.flush()
        elif token.type == "html_block" and token.map and not token.content.lstrip().startswith("<!--"):
            html_blocks, html_notes = parse_html(token.content, path, first_line=token.map[0] + 1)
            builder.blocks.extend(html_blocks)
            notes.extend(html_notes)
        elif token.type in ("fence", "code_block") and token.map:
            builder.add(token.content, token.map[0] + 2 if token.type == "fence" else token.map[0] + 1)
            builder.flush()
    builder.flush()
    return builder.blocks, notes


def _in_table_row(builder: BlockBuilder, token: Token) -> bool:
    """Table cells share one block per row: the row is flushed at tr_close."""
    if token.level >= 4:
        builder.add(" | ", token.map[0] + 1 if token.map else 1)
        return True
    return False


def _add_inline(builder: BlockBuilder, token: Token) -> None:
    line = token.map[0] + 1 if token.map else 1
    for child in token.children or ():
        if child.type in _INLINE_TEXT:
            builder.add(child.content, line)
        elif child.type in _INLINE_BREAKS:
            builder.add("\n", line)
            line += 1
        elif child.type == "image":
            builder.add(child.content, line)


def parse_text(text: str) -> list[Block]:
    """Paragraphs separated by blank lines; a short line without final punctuation that is not a list item is a
    heading."""
    builder = BlockBuilder()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            builder.flush()
        elif _looks_like_heading(line):
            builder.flush()
            builder.add(line, number)
            builder.flush(heading=True)
        else:
            builder.add(line + "\n", number)
    builder.flush()
    return builder.blocks


def _looks_like_heading(line: str) -> bool:
    if len(line) > 60 or line.endswith(_SENTENCE_END) or line.startswith(_BULLETS):
        return False
    return bool(_PLAIN_HEADING.match(line)) or line.isupper() or len(line.split()) <= 5

