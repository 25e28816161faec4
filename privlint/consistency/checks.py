"""The consistency checks: what the code does that the policy leaves out, and what it does that the policy denies."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Mapping, Sequence

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
                 home: str | None, regimes: Sequence[str]) -> None:
        self.rules = rules
        self.vocabulary = vocabulary
        self.taxonomy = taxonomy
        self.home = home or ""
        self.regimes = tuple(regimes)

    def check(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        yield from self.categories(code, policy)
        yield from self.sensitive_data(code, policy)
        yield from self.recipients(code, policy)
        yield from self.transfers(code, policy)
        yield from self.sharing_denials(code, policy)
        yield from self.collection_denials(code, policy)

    def categories(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """One finding per undisclosed claim category, at the first place the code handles it; a category the
        policy says it does not collect is ``contradicted-collection-claim``'s, not also undisclosed."""
        denied = [denial.categories for denial in policy.denials if "collect" in denial.denies]
        for finding, type_id, category in self._first_of_each_category(code):
            if not self.vocabulary.disclosed(category, policy.categories) and not any(
                    self.vocabulary.disclosed(category, categories) for categories in denied):
                place = policy.place("data-categories", "list of the data it collects")
                yield self._finding("undisclosed-data-category", finding.location, [type_id], policy,
                                    {"category": category.replace("-", " ")}, "undisclosed", related=(place,))

    def sensitive_data(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """Data sensitive under the regimes that the code handles with no sensitive-data notice, or with one
        that names other categories."""
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
        """Transfers abroad to a country the policy does not name: a storage flow against the countries where
        it says data is stored, any other against the countries it names, its denial of transfers abroad and
        its transfer disclosure."""
        storage = {(f.location.path, f.location.line) for f in code if f.kind == "storage"}
        denial = next((d for d in policy.denials
                       if d.denies - {"collect"} and self.vocabulary.denies_transfers_abroad(d.text)), None)
        reported: set[str] = set()
        for finding in code:
            country = finding.properties.get("country", "")
            if finding.kind != "cross-border" or not country or country in reported:
                continue
            stored = (finding.location.path, finding.location.line) in storage
            where = self._transfer_gap(country, stored, denial, policy)
            if where is None:
                continue
            reported.add(country)
            place = policy.place("cross-border-transfer", "passage on transfers abroad")
            yield self._finding("undisclosed-cross-border", finding.location, list(finding.data_categories), policy,
                                {"country": country, "home": self.home, "where": where}, "undisclosed",
                                related=(place,))

    def _transfer_gap(self, country: str, stored: bool, denial: Denial | None, policy: PolicyView) -> str | None:
        """What the policy says that a transfer to ``country`` goes beyond (``denial``: its denial of transfers
        abroad, if any), or None when the policy covers it."""
        if stored and policy.storage_countries:
            if _covered(country, self._codes(policy.storage_countries)):
                return None
            return f"the policy says data is stored in {', '.join(sorted(policy.storage_countries))}"
        if _covered(country, self._codes(policy.countries)):
            return None
        if denial is not None:
            return f"the policy says \"{denial.text}\""
        if policy.discloses_transfers:
            return None
        return f"the policy neither names {country} nor describes transfers abroad"

    def _codes(self, names: Iterable[str]) -> set[str]:
        """The country codes of the country names a policy uses."""
        named = set(names)
        return {country for country, name in self.vocabulary.countries.items() if name in named}

    def sharing_denials(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """A denial of sharing or selling, against the first transfer it covers: any recipient but a disclosed
        processor for "no third parties", an advertising platform for "we do not sell or share" (CCPA
        cross-context behavioural advertising), only the named kind for a scoped denial ("with insurers")."""
        transfers = list(self._transfers(code))
        for denial in policy.denials:
            covers = self._covered_by(denial, policy)
            if covers is None:
                continue
            hit = next(((finding, recipient) for finding, recipient in transfers if covers(recipient)), None)
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

    def _covered_by(self, denial: Denial, policy: PolicyView) -> Callable[[Recipient], bool] | None:
        """Which recipients a denial covers, or None when it denies no sharing, disclosing or selling."""
        if not denial.denies - {"collect"} or self.vocabulary.denies_transfers_abroad(denial.text):
            return None
        scope = self.vocabulary.scope_of(denial.text)
        if scope is not None:
            return lambda recipient: recipient.counts_as(scope)
        if denial.denies & {"share", "disclose"} and self.vocabulary.denies_sharing(denial.text):
            return lambda recipient: not _processor(recipient, policy)
        if denial.denies & {"share", "sell"}:
            return lambda recipient: recipient.counts_as(self.vocabulary.advertising_rules)
        return None

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
                category = self.vocabulary.claim_category(self.taxonomy, type_id)
                if sensitive and self.vocabulary.sensitive(self.taxonomy, type_id, self.regimes):
                    category = category or self.taxonomy.types[type_id].category
                elif sensitive:
                    continue
                if category is None or category in seen:
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
    if country in named:
        return True
    return ("EU" in named and country in EU_MEMBERS) or (country == "EU" and bool(named & EU_MEMBERS))


def _disclosure(rule: CodeRule) -> str:
    """The policy disclosure a consistency rule is about: its tag other than ``consistency``."""
    return next((tag for tag in rule.meta.tags if tag != "consistency"), "")
