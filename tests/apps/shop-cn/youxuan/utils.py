"""Small helpers shared by the blueprints."""

import re

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def mask_mobile(mobile: str) -> str:
    """138****1234: what support staff and logs may see."""
    if not mobile or len(mobile) < 7:
        return "***"
    return mobile[:3] + "****" + mobile[-4:]


def is_mobile(value: str) -> bool:
    return bool(MOBILE_RE.match(value or ""))
