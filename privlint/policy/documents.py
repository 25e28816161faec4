"""Policy documents as text blocks with real line numbers: reading, decoding and dispatch by format."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from privlint.findings import Notification
from privlint.policy.blocks import Block
from privlint.policy.parsers import parse_blocks

LOG = logging.getLogger(__name__)

MAX_BYTES = 20_000_000
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


@dataclass(frozen=True, slots=True, kw_only=True)
class PolicyDocument:
    """One decoded and parsed policy document."""

    path: str
    format: str
    encoding: str
    blocks: tuple[Block, ...]

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


def decode(data: bytes) -> tuple[str, str] | None:
    """Text and encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, then GB18030 for Chinese."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" or _has_cjk(text):
            return text, "utf-8" if encoding == "utf-8-sig" else encoding
    return None


def _has_cjk(text: str) -> bool:
    cjk = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    return cjk >= max(4, len(text) // 20)


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def read_document(path: Path) -> tuple[PolicyDocument | None, tuple[Notification, ...]]:
    """Read, decode and parse one policy; what cannot be read comes back as a notification."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, (_note(path, f"policy document is {size} bytes, over the {MAX_BYTES}-byte limit; not checked"),)
        data = path.read_bytes()
    except OSError as error:
        return None, (_note(path, f"cannot read policy document: {error.strerror or error}"),)
    decoded = decode(data)
    if decoded is None:
        return None, (_note(path, "cannot decode policy document: not UTF-8, UTF-16 or GB18030 Chinese text"),)
    text, encoding = decoded
    fmt = detect_format(path, text)
    blocks, notes = parse_blocks(text, fmt, str(path))
    document = PolicyDocument(path=str(path), format=fmt, encoding=encoding, blocks=tuple(blocks))
    return document, tuple(notes)


def _note(path: Path, message: str) -> Notification:
    LOG.debug("%s: %s", path, message)
    return Notification(message=message, path=str(path))
