"""The consistency checks: what the code does that the policy leaves out, and what it does that the policy denies."""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping, Sequence

from privlint.code.regions import EU_MEMBERS
from privlint.consistency.recipients import Recipient, recipient_of
from privlint.consistency.view import PROCESSOR, Denial, PolicyView
from privlint.consistency.vocabulary import Vocabulary
from privlint.findings import Finding, FlowStep, Location, data_words
from privlint.loader import CodeRule
from privlint.taxonomy import Taxonomy

TRANSFER_KINDS = frozenset({"third-party", "network"})


class Checker:
    """Every check of the code's findings (production code only, in source order) against one policy."""

    def __init__(self, rules: Mapping[str, CodeRule], vocabulary: Vocabulary, taxonomy: Taxonomy,
                 home: str | None) -> None:
        self.rules = rules
        self.vocabulary = vocabulary
        self.taxonomy = taxonomy
        self.home = home or ""

    def check(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        yield from self.categories(code, policy)
        yield from self.sensitive_data(code, policy)
        yield from self.recipients(code, policy)
        yield from self.transfers(code, policy)
        yield from self.sharing_denials(code, policy)
        yield from self.collection_denials(code, policy)

    def categories(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """One finding per undisclosed claim category, at the first place the code handles it."""
        for finding, type_id, category in self._first_of_each_category(code):
            if not self.vocabulary.disclosed(category, policy.categories):
                place = policy.place("data-categories", "list of the data it collects")
                yield self._finding("undisclosed-data-category", finding.location, [type_id], policy,
                                    {"category": category.replace("-", " ")}, "undisclosed", related=(place,))

    def sensitive_data(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """Sensitive data the code handles with no sensitive-data notice, or one that names other categories."""
        for finding, type_id, category in self._first_of_each_category(code, sensitive=True):
            named = policy.sensitive_categories
            if policy.gives_sensitive_notice and (not named or self.vocabulary.disclosed(category, named)):
                continue
            place = policy.place("sensitive-data", "sensitive-data notice")
            yield self._finding("undisclosed-sensitive-data", finding.location, [type_id], policy,
                                {"category": category.replace("-", " ")}, "undisclosed", related=(place,))

    def recipients(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """Vendors and external hosts the code sends personal data to that the policy names neither by name
        nor by a category of recipients that covers them."""
        seen: set[str] = set()
        for finding, recipient in self._transfers(code):
            if recipient.name in seen:
                continue
            seen.add(recipient.name)
            if recipient.mention(policy) is None:
                place = policy.place("third-party-sharing", "passage on recipients")
                yield self._finding("undisclosed-recipient", finding.location, list(finding.data_categories),
                                    policy, {"recipient": recipient.name}, "undisclosed", related=(place,))

    def transfers(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """Transfers abroad to a country the policy does not name: against the countries where it says data is
        stored for a storage flow, and against its transfer disclosure for any other."""
        named = {country for country, name in self.vocabulary.countries.items() if name in policy.countries}
        storage = {(f.location.path, f.location.line) for f in code if f.kind == "storage"}
        reported: set[str] = set()
        for finding in code:
            country = finding.properties.get("country", "")
            if finding.kind != "cross-border" or not country or country in reported or _covered(country, named):
                continue
            stored = (finding.location.path, finding.location.line) in storage
            if policy.storage_countries and stored:
                where = f"the policy says data is stored in {', '.join(sorted(policy.storage_countries))}"
            elif policy.discloses_transfers:
                continue
            else:
                where = f"the policy neither names {country} nor describes transfers abroad"
            reported.add(country)
            place = policy.place("cross-border-transfer", "passage on transfers abroad")
            yield self._finding("undisclosed-cross-border", finding.location, list(finding.data_categories), policy,
                                {"country": country, "home": self.home, "where": where}, "undisclosed",
                                related=(place,))

    def sharing_denials(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """A denial of sharing or selling, against the first transfer it covers: any recipient but a disclosed
        processor for "no third parties", an advertising platform for "we do not sell or share" (CCPA
        cross-context behavioural advertising), only the named kind for a scoped denial ("with insurers")."""
        transfers = list(self._transfers(code))
        for denial in policy.denials:
            covers = self._covered_by(denial, policy)
            if covers is None:
                continue
            hit = next(((finding, recipient) for finding, recipient in transfers if covers(finding, recipient)), None)
            if hit is None:
                continue
            finding, recipient = hit
            where = f"{finding.location.path}:{finding.location.line}"
            yield self._finding("contradicted-sharing-claim", denial.location(policy.path),
                                list(finding.data_categories), policy,
                                {"claim": denial.text, "recipient": recipient.name, "where": where}, "contradicted",
                                related=(FlowStep(location=finding.location, message="the code shares it here"),))

    def collection_denials(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """"We do not collect X" against the first place the code handles X."""
        for denial in policy.denials:
            if "collect" not in denial.denies or not denial.categories:
                continue
            found = next(((finding, type_id) for finding, type_id, category in self._first_of_each_category(code)
                          if self.vocabulary.disclosed(category, denial.categories)), None)
            if found is None:
                continue
            finding, type_id = found
            where = f"{finding.location.path}:{finding.location.line}"
            yield self._finding("contradicted-collection-claim", denial.location(policy.path), [type_id], policy,
                                {"claim": denial.text, "where": where}, "contradicted",
                                related=(FlowStep(location=finding.location, message="the code collects it here"),))

    def _covered_by(self, denial: Denial, policy: PolicyView):
        """Which transfers a denial covers, or None when it denies no sharing or selling."""
        if not denial.denies & {"share", "sell"}:
            return None
        scope = self.vocabulary.scope_of(denial.text)
        if scope is not None:
            return lambda finding, recipient: finding.rule_id in scope
        if "share" in denial.denies and self.vocabulary.denies_sharing(denial.text):
            return lambda finding, recipient: not _processor(recipient, policy)
        return lambda finding, recipient: finding.rule_id in self.vocabulary.advertising_rules

    def _transfers(self, code: Sequence[Finding]) -> Iterator[tuple[Finding, Recipient]]:
        for finding in code:
            recipient = recipient_of(finding, self.vocabulary) if finding.kind in TRANSFER_KINDS else None
            if recipient is not None:
                yield finding, recipient

    def _first_of_each_category(self, code: Sequence[Finding],
                                sensitive: bool = False) -> Iterator[tuple[Finding, str, str]]:
        """(finding, type, claim category) at the first place the code handles each claim category."""
        seen: set[str] = set()
        for finding in code:
            for type_id in finding.data_categories:
                data_type = self.taxonomy.types.get(type_id)
                category = self.vocabulary.claim_category(self.taxonomy, type_id)
                if category is None or category in seen or (sensitive and not (data_type and data_type.sensitive)):
                    continue
                seen.add(category)
                yield finding, type_id, category

    def _finding(self, rule_id: str, location: Location, types: list[str], policy: PolicyView,
                 words: dict[str, str], status: str, related: tuple[FlowStep, ...]) -> Finding:
        rule = self.rules[rule_id]
        described = [self.taxonomy.types[type_id].phrase for type_id in types if type_id in self.taxonomy.types]
        message = rule.message.format_map({**data_words(described or ["personal data"]), "policy": policy.path,
                                           **words})
        return Finding(
            rule_id=rule_id, message=message[:1].upper() + message[1:], severity=rule.meta.severity,
            location=location, kind="consistency", data_categories=tuple(types), related=related,
            properties={"kind": "consistency", "dataCategories": types, "disclosure": _disclosure(rule),
                        "status": status, "policy": policy.path},
        )


def in_order(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.location.path, f.location.line, f.location.column, f.rule_id))


def _processor(recipient: Recipient, policy: PolicyView) -> bool:
    mention = recipient.mention(policy)
    return mention is not None and mention.role == PROCESSOR


def _covered(country: str, named: set[str]) -> bool:
    """A country the policy names, or one inside a region it names (a member state of a named EU)."""
    return country in named or ("EU" in named and country in EU_MEMBERS) or (country == "EU" and bool(named & EU_MEMBERS))


def _disclosure(rule: CodeRule) -> str:
    """The policy disclosure a consistency rule is about: its tag other than ``consistency``."""
    return next((tag for tag in rule.meta.tags if tag != "consistency"), "")
