"""Reads the host of an HTTP request from its URL and tells the project's own hosts from others."""

from __future__ import annotations

from urllib.parse import urlsplit

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})


def host_of(url: str) -> str | None:
    """The lower-case host of an absolute URL, or None when the text has none."""
    if "://" not in url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def is_internal(host: str, internal_domains: tuple[str, ...]) -> bool:
    """Whether ``host`` is this machine or one of the project's own domains (or a subdomain of one)."""
    if host in LOCAL_HOSTS or host.endswith(".localhost") or host.endswith(".internal"):
        return True
    return any(host == domain or host.endswith("." + domain) for domain in internal_domains)
