"""Policy documents as text blocks with real line numbers: reading, decoding and dispatch by format."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from privlint.findings import Notification
from privlint.policy.chinese_encoding import decode_chinese
from privlint.safe_io import read_regular
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
    """Text and encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, then GB18030 or Big5 for Chinese."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = decode_chinese(data)
    if decoded is None or not _has_cjk(decoded[0]):
        return None
    return decoded


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
        data = read_regular(path, limit=MAX_BYTES)
    except OSError as error:
        return None, (_note(path, f"cannot read policy document: {error.strerror or error}; not checked"),)
    decoded = decode(data)
    if decoded is None:
        return None, (_note(path, "cannot decode policy document: not UTF-8, UTF-16, or GB18030 or Big5 Chinese "
                                  "text"),)
    text, encoding = decoded
    fmt = detect_format(path, text)
    blocks, notes = parse_blocks(text, fmt, str(path))
    document = PolicyDocument(path=str(path), format=fmt, encoding=encoding, blocks=tuple(blocks))
    return document, tuple(notes)


def _note(path: Path, message: str) -> Notification:
    LOG.debug("%s: %s", path, message)
    return Notification(message=message, path=str(path))
