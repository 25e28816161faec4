"""Who a transfer reaches, and the names and recipient categories a policy may use for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from privlint.consistency.view import Mention, PolicyView
from privlint.consistency.vocabulary import Vocabulary
from privlint.findings import Finding

_SECOND_LEVEL = frozenset({"com", "co", "org", "net", "gov", "edu", "ac"})
# A domain's first label names its owner ("stripe" for api.stripe.com) only when it is this long: "x", "go".
MIN_BRAND = 4


@dataclass(frozen=True, slots=True)
class Recipient:
    """A vendor or external host, the names that identify it, the recipient categories that cover it and the
    code rule whose flow reaches it."""

    name: str
    names: tuple[str, ...]
    categories: tuple[str, ...]
    rule: str

    def counts_as(self, rules: Iterable[str]) -> bool:
        return self.rule in rules

    def mention(self, policy: PolicyView) -> Mention | None:
        """Where the policy names the recipient, or else a category of recipients that covers it."""
        return policy.mention(self.names) or policy.mention(self.categories)


def recipient_of(finding: Finding, vocabulary: Vocabulary) -> Recipient | None:
    """The third-party vendor of an SDK finding, or the host of a request to an external host (named by the
    host, its registrable domain, that domain's first label ("Stripe" for api.stripe.com) or the names the
    vocabulary gives the domain's owner)."""
    vendor = str(finding.properties.get("vendor", ""))
    if finding.kind == "third-party" and vendor and vendor not in vocabulary.own_channels:
        return Recipient(name=vendor, names=vocabulary.vendor_names(vendor),
                         categories=tuple(vocabulary.recipient_kinds.get(finding.rule_id, ())), rule=finding.rule_id)
    host = finding.destination.lower()
    if finding.kind == "network" and "." in host and " " not in host:
        domain = registrable_domain(host)
        brand = domain.split(".")[0]
        names = (host, domain, *([brand] if len(brand) >= MIN_BRAND else []), *vocabulary.host_names.get(domain, ()))
        return Recipient(name=host, names=names,
                         categories=tuple(vocabulary.recipient_kinds.get(finding.rule_id, ())), rule=finding.rule_id)
    return None


def registrable_domain(host: str) -> str:
    """``api.partner.com`` -> ``partner.com``; ``sms.partner.com.cn`` -> ``partner.com.cn``."""
    labels = host.lower().split(".")
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
