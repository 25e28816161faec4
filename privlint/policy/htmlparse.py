"""HTML into blocks with source lines, using the standard library's forgiving html.parser."""

from __future__ import annotations

import logging
from html.parser import HTMLParser

from privlint.findings import Notification
from privlint.policy.blocks import Block, BlockBuilder

LOG = logging.getLogger(__name__)

BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer", "main", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "br", "dt", "dd", "dl", "blockquote", "pre", "title", "aside", "hr", "body",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})
CELL_TAGS = frozenset({"td", "th"})


class _BlockParser(HTMLParser):
    """Collects text between block-level tags, skipping scripts and styles."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = BlockBuilder()
        self.line_shift = first_line - 1
        self.skipping: list[str] = []
        self.heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping.append(tag)
        elif tag in BLOCK_TAGS:
            self._flush()
            self.heading = tag in HEADING_TAGS
        elif tag in CELL_TAGS:
            self.builder.add(" | ", self.getpos()[0] + self.line_shift)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            if tag in self.skipping:
                del self.skipping[self.skipping.index(tag):]
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.builder.add(data, self.getpos()[0] + self.line_shift)

    def _flush(self) -> None:
        self.builder.flush(heading=self.heading)
        self.heading = False


def parse_html(text: str, path: str, *, first_line: int = 1) -> tuple[list[Block], list[Notification]]:
    """Blocks of an HTML document or fragment; markup the parser cannot follow becomes a notification."""
    parser = _BlockParser(first_line)
    notes: list[Notification] = []
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as error:
        LOG.debug("%s: HTML parser stopped: %s", path, error)
        notes.append(Notification(message=f"HTML could not be fully parsed ({error}); the text before it was checked",
                                  path=path, line=parser.getpos()[0] + first_line - 1, level="warning",
                                  unreadable=False))
    parser._flush()
    return parser.builder.blocks, notes
