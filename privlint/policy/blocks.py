"""Text blocks (paragraphs, headings, list items, table rows) that remember their source lines."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """A paragraph, heading, list item or table row; `anchors` map text offsets to 1-based source lines."""

    text: str
    anchors: tuple[tuple[int, int], ...]
    heading: bool = False
    newlines: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "newlines", tuple(i for i, char in enumerate(self.text) if char == "\n"))

    @property
    def line(self) -> int:
        return self.anchors[0][1]

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        index = max(bisect.bisect_right(self.anchors, (offset, float("inf"))) - 1, 0)
        start, line = self.anchors[index]
        return line + bisect.bisect_left(self.newlines, offset) - bisect.bisect_left(self.newlines, start)


class BlockBuilder:
    """Accumulates text pieces with their source lines and cuts them into blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._anchors: list[tuple[int, int]] = []
        self._size = 0

    def add(self, text: str, line: int) -> None:
        if not text:
            return
        self._anchors.append((self._size, line))
        self._parts.append(text)
        self._size += len(text)

    def flush(self, *, heading: bool = False) -> None:
        text = "".join(self._parts)
        if text.strip():
            lead = len(text) - len(text.lstrip())
            self.blocks.append(_trimmed(text, tuple(self._anchors), lead, heading))
        self._parts, self._anchors, self._size = [], [], 0


def _trimmed(text: str, anchors: tuple[tuple[int, int], ...], lead: int, heading: bool) -> Block:
    """A block without surrounding whitespace, its anchors shifted to match."""
    raw = Block(text=text, anchors=anchors, heading=heading)
    first_line = raw.line_at(lead)
    shifted = [(max(start - lead, 0), line) for start, line in anchors if start > lead]
    return Block(text=text.strip(), anchors=((0, first_line), *shifted), heading=heading)
