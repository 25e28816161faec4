"""Where an endpoint is: cloud regions, hosts and country-code domains mapped to countries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from privlint.code.hosts import host_of
from privlint.linear_regex import compile_linear

EU_MEMBERS = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
    "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "EU",
})
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CACHE_LIMIT = 100_000


@dataclass(slots=True)
class RegionTable:
    """Region names and host patterns with their countries, and the law each home region applies."""

    regions: dict[str, str] = field(default_factory=dict)
    hosts: dict[str, str] = field(default_factory=dict)
    country_domains: dict[str, str] = field(default_factory=dict)
    transfer_law: dict[str, str] = field(default_factory=dict)
    _region_patterns: list[tuple[Any, str]] = field(default_factory=list)
    _host_patterns: list[tuple[Any, str]] = field(default_factory=list)
    _token_countries: dict[str, str | None] = field(default_factory=dict)

    def update(self, document: Mapping[str, Any]) -> None:
        """Merge one catalogue file's tables; ``compile`` once they are all in."""
        for key in ("regions", "hosts", "country-domains", "transfer-law"):
            getattr(self, key.replace("-", "_")).update(document.get(key, {}))

    def compile(self) -> None:
        """Compile the region patterns (exact names before wildcards, longer before shorter) and host patterns."""
        specific_first = sorted(self.regions.items(), key=lambda item: ("*" in item[0], -len(item[0])))
        self._region_patterns = [(compile_linear(_glob(pattern)), country) for pattern, country in specific_first]
        self._host_patterns = [(compile_linear(_glob(pattern)), country) for pattern, country in self.hosts.items()]
        self._token_countries = {}

    def country_of_text(self, text: str) -> str | None:
        """The country of a URL's host, or of a region name (``eu-west-1``, ``oss-cn-hangzhou``) in the text."""
        host = host_of(text)
        if host is not None:
            return self.country_of_host(host)
        return self._region_country(_TOKEN.findall(text.lower()))

    def country_of_host(self, host: str) -> str | None:
        """Country of a host: a region label in it, a known host pattern, then its country-code domain."""
        labels = host.split(".")
        found = self._region_country(labels)
        if found is not None:
            return found
        for regex, country in self._host_patterns:
            if regex.fullmatch(host):
                return country
        return self.country_domains.get(labels[-1])

    def _region_country(self, tokens: Iterable[str]) -> str | None:
        for token in tokens:
            country = self._token_country(token)
            if country is not None:
                return country
        return None

    def _token_country(self, token: str) -> str | None:
        """The country of the first region pattern ``token`` matches, remembered: the same words recur in every
        string of a project."""
        countries = self._token_countries
        if token not in countries:
            if len(countries) > _CACHE_LIMIT:
                countries.clear()
            countries[token] = next((country for regex, country in self._region_patterns if regex.fullmatch(token)),
                                    None)
        return countries[token]


def is_foreign(country: str, home: str) -> bool:
    """Whether data sent to ``country`` leaves ``home`` (EU member states count as one region, whether the home
    is the EU or one of them)."""
    if home in EU_MEMBERS:
        return country not in EU_MEMBERS
    return country != home


def _glob(pattern: str) -> str:
    return ".*".join(re.escape(part) for part in pattern.lower().split("*"))
