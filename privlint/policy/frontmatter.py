"""Jekyll and Hugo front matter (YAML between `---` lines, TOML between `+++` lines) at the top of a policy page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from privlint.policy.blocks import Block

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_FIELD = re.compile(r"^[A-Za-z_][\w-]*\s*[:=]")
_INSIDE = re.compile(r"^([A-Za-z_][\w-]*\s*[:=]|[\s#\[\]}-]|$)")  # fields, their continuations, comments, tables
_SHOWN = re.compile(r"^(?P<key>title|subtitle)\s*[:=]\s*(?P<value>.*?)\s*$")
MAX_LINES = 200


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What site generators show of the front matter (its title as a heading, a subtitle such as "Last updated:
    1 May 2024" as text), and the page with the front matter's lines left blank, so that every later line keeps
    its number."""

    shown: tuple[Block, ...]
    body: str


def split_front_matter(text: str) -> FrontMatter | None:
    """The front matter of `text`, or None when it does not open with one: a fence line, then `key: value` (or
    `key = value`) fields with their continuation lines, then the closing fence, within MAX_LINES lines."""
    if not text.lstrip("\ufeff").startswith(tuple(_FENCES)):
        return None
    lines = text.split("\n")
    opening = lines[0].lstrip("\ufeff").rstrip()
    if opening not in _FENCES:
        return None
    closing = next((index for index, line in enumerate(lines[1:MAX_LINES], start=1)
                    if line.rstrip() in _FENCES[opening]), None)
    if closing is None:
        return None
    inside = lines[1:closing]
    first = next((line for line in inside if line.strip()), "")
    if not _FIELD.match(first) or not all(_INSIDE.match(line) for line in inside):
        return None
    shown = {}
    for number, line in enumerate(inside, start=2):
        match = _SHOWN.match(line)
        if match and match["key"] not in shown and (value := _unquoted(match["value"])):
            shown[match["key"]] = Block(text=value, anchors=((0, number),), heading=match["key"] == "title")
    return FrontMatter(shown=tuple(sorted(shown.values(), key=lambda block: not block.heading)),
                       body="\n" * (closing + 1) + "\n".join(lines[closing + 1:]))


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1].strip()
    return value
