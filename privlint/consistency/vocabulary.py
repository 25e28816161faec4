"""The words that tie code findings to a policy's claims: categories, countries, vendors and denials' scopes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from privlint.errors import RuleError
from privlint.taxonomy import Taxonomy
from privlint.wordsets import any_of
from privlint.yamlio import line_of, load_yaml

_MAPPINGS = ("types", "categories", "countries", "covers", "vendors", "recipient-kinds", "denial-scopes",
             "sensitive-under", "host-names")
_LISTS = ("sharing-verbs", "third-party-words", "advertising-rules", "own-channels", "abroad-words")
ALL = "*"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Taxonomy types to policy claim categories, country codes to names, vendors to the names a policy uses
    for them (and the project's own channels, which are no recipient), the same for the domains of HTTP APIs,
    the recipient categories that cover each sink rule, what a denial says and covers, and which categories each
    regime treats as sensitive."""

    types: Mapping[str, str]
    categories: Mapping[str, str]
    countries: Mapping[str, str]
    sharing: re.Pattern[str]
    third_party: re.Pattern[str]
    covers: Mapping[str, Sequence[str]]
    vendors: Mapping[str, Sequence[str]]
    recipient_kinds: Mapping[str, Sequence[str]]
    denial_scopes: Mapping[str, Sequence[str]]
    advertising_rules: frozenset[str]
    own_channels: frozenset[str]
    abroad: re.Pattern[str]
    host_names: Mapping[str, Sequence[str]]
    sensitive_under: Mapping[str, Sequence[str]]

    def claim_category(self, taxonomy: Taxonomy, type_id: str) -> str | None:
        data_type = taxonomy.types.get(type_id)
        if data_type is None:
            return None
        return self.types.get(type_id) or self.categories.get(data_type.category)

    def disclosed(self, category: str, claimed: Iterable[str]) -> bool:
        """True when the policy claims the category or a broader one that covers it."""
        return any(category == broader or category in self.covers.get(broader, ()) for broader in claimed)

    def denies_sharing(self, text: str) -> bool:
        return bool(self.sharing.search(text) and self.third_party.search(text))

    def denies_transfers_abroad(self, text: str) -> bool:
        return bool(self.abroad.search(text))

    def sensitive(self, taxonomy: Taxonomy, type_id: str, regimes: Sequence[str]) -> bool:
        """Whether a type is sensitive under any of the regimes: a type the taxonomy marks sensitive, in one of
        the categories the regime treats so (GDPR Art. 9 is narrower than PIPL Art. 28)."""
        data_type = taxonomy.types.get(type_id)
        if data_type is None or not data_type.sensitive:
            return False
        return any(ALL in self.sensitive_under.get(regime, (ALL,)) or data_type.category in self.sensitive_under[regime]
                   for regime in regimes)

    def vendor_names(self, vendor: str) -> tuple[str, ...]:
        """The names a policy may use for a vendor: its own and those the vocabulary lists."""
        return (vendor, *self.vendors.get(vendor, ()))

    def scope_of(self, claim: str) -> tuple[str, ...] | None:
        """The sink rules a denial is limited to when it names a kind of recipient ("insurers": none), or None
        for a denial that names none."""
        lowered = claim.lower()
        scoped = [(rule, words) for rule, words in self.denial_scopes.items()
                  if any(word.lower() in lowered for word in words)]
        if not scoped:
            return None
        return tuple(rule for rule, _ in scoped if rule in self.recipient_kinds)


def load_vocabulary(files: Iterable[Path]) -> Vocabulary:
    """Merge the vocabulary files of every pack."""
    merged: dict[str, Any] = {**{key: {} for key in _MAPPINGS}, **{key: [] for key in _LISTS}}
    for path in files:
        data = load_yaml(path)
        if not isinstance(data, dict) or not set(data) <= set(merged):
            raise RuleError(f"a consistency vocabulary has only the keys {', '.join(merged)}", path=str(path), line=1)
        for key, value in data.items():
            if isinstance(merged[key], dict) and isinstance(value, dict):
                merged[key].update(value)
            elif isinstance(merged[key], list) and isinstance(value, list):
                merged[key].extend(value)
            else:
                raise RuleError(f"'{key}' has the wrong shape", path=str(path), line=line_of(data))
        for key in ("covers", "vendors", "recipient-kinds", "denial-scopes", "sensitive-under", "host-names"):
            if not all(_strings(names) for names in merged[key].values()):
                raise RuleError(f"'{key}' maps each name to a list of names", path=str(path),
                                line=line_of(data.get(key)) or 1)
    return Vocabulary(
        types=merged["types"], categories=merged["categories"], countries=merged["countries"],
        sharing=any_of(merged["sharing-verbs"]), third_party=any_of(merged["third-party-words"]),
        covers=merged["covers"], vendors=merged["vendors"], recipient_kinds=merged["recipient-kinds"],
        denial_scopes=merged["denial-scopes"], advertising_rules=frozenset(merged["advertising-rules"]),
        own_channels=frozenset(merged["own-channels"]), abroad=any_of(merged["abroad-words"]),
        sensitive_under=merged["sensitive-under"], host_names=merged["host-names"],
    )


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
