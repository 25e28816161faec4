"""Language of a policy: English, Simplified Chinese or Traditional Chinese, or none of them."""

from __future__ import annotations

import logging
import re
from typing import Mapping

LOG = logging.getLogger(__name__)

ENGLISH = "en"
SIMPLIFIED = "zh-Hans"
TRADITIONAL = "zh-Hant"

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the and of to we you your our is are in for with or by this that may will be as on it not".split()
)
_MIN_ENGLISH_SHARE = 0.12
_MIN_CJK = 4


def detect_language(text: str, traditional: Mapping[str, str]) -> str | None:
    """"en", "zh-Hans", "zh-Hant" or None when the text is in none of them (or too short to tell)."""
    cjk = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    words = _WORD.findall(text)
    if len(cjk) >= _MIN_CJK and len(cjk) >= len(words):
        return _chinese_script(cjk, traditional)
    if len(words) >= 3 and _english_share(words) >= _MIN_ENGLISH_SHARE:
        return ENGLISH
    LOG.debug("language not detected: %d CJK characters, %d words", len(cjk), len(words))
    return None


def _chinese_script(cjk: list[str], traditional: Mapping[str, str]) -> str:
    simplified_forms = set(traditional.values())
    traditional_count = sum(1 for char in cjk if char in traditional)
    simplified_count = sum(1 for char in cjk if char in simplified_forms)
    return TRADITIONAL if traditional_count > simplified_count else SIMPLIFIED


def _english_share(words: list[str]) -> float:
    sample = [word.lower() for word in words[:5000]]
    return sum(1 for word in sample if word in _ENGLISH_FUNCTION_WORDS) / len(sample)


def to_simplified(text: str, traditional: Mapping[str, str]) -> str:
    """Character-by-character conversion: same length, so offsets and lines stay valid."""
    return text.translate(str.maketrans(dict(traditional)))
