"""Holds the code's findings against what the privacy policy says: undisclosed data, recipients, transfers,
and claims the code contradicts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from privlint.code.results import in_test_folder
from privlint.errors import RuleError
from privlint.findings import Finding, FlowStep, Location, data_words
from privlint.loader import CodeRule, load_code_rules, pack_files
from privlint.taxonomy import Taxonomy
from privlint.wordsets import any_of
from privlint.yamlio import line_of, load_yaml

TRANSFER_KINDS = frozenset({"third-party", "network"})


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Taxonomy types to policy claim categories, country codes to names, and what a sharing denial says."""

    types: Mapping[str, str]
    categories: Mapping[str, str]
    countries: Mapping[str, str]
    sharing: re.Pattern[str]
    third_party: re.Pattern[str]
    covers: Mapping[str, Sequence[str]]

    def claim_category(self, taxonomy: Taxonomy, type_id: str) -> str | None:
        data_type = taxonomy.types.get(type_id)
        if data_type is None:
            return None
        return self.types.get(type_id) or self.categories.get(data_type.category)

    def disclosed(self, category: str, claimed: frozenset[str]) -> bool:
        """True when the policy claims the category or a broader one that covers it."""
        return category in claimed or any(category in self.covers.get(broader, ()) for broader in claimed)

    def denies_sharing(self, text: str) -> bool:
        return bool(self.sharing.search(text) and self.third_party.search(text))


@dataclass(frozen=True, slots=True)
class PolicyView:
    """What one policy document says, as the consistency rules need it."""

    path: str
    text: str
    categories: frozenset[str]
    countries: frozenset[str]
    discloses_transfers: bool
    negative_claims: tuple[tuple[str, int], ...]


def load_vocabulary(files: Iterable[Path]) -> Vocabulary:
    """Merge the vocabulary files of every pack."""
    merged: dict[str, Any] = {"types": {}, "categories": {}, "countries": {}, "covers": {}, "sharing-verbs": [],
                              "third-party-words": []}
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
    if not all(isinstance(names, list) and all(isinstance(name, str) for name in names)
               for names in merged["covers"].values()):
        raise RuleError("'covers' maps a claim category to a list of the categories it covers", path=str(path),
                        line=1)
    return Vocabulary(types=merged["types"], categories=merged["categories"], countries=merged["countries"],
                      sharing=any_of(merged["sharing-verbs"]), third_party=any_of(merged["third-party-words"]),
                      covers=merged["covers"])


def load_consistency(folders: Sequence[Path]) -> tuple[dict[str, CodeRule], Vocabulary]:
    """The consistency rules and vocabulary of the given rule pack folders."""
    rules = load_code_rules(pack_files(folders, "consistency"))
    return {rule.meta.id: rule for rule in rules}, load_vocabulary(pack_files(folders, "consistency/vocabulary"))


def policy_view(record: Mapping[str, Any], text: str) -> PolicyView:
    """The consistency-relevant part of a policy check's document record."""
    claims = record.get("claims", {})
    return PolicyView(
        path=record["path"], text=text, categories=frozenset(claims.get("data_categories", ())),
        countries=frozenset(claims.get("countries", ())),
        discloses_transfers=bool(record.get("evidence", {}).get("cross-border-transfer"))
        or record.get("reader", {}).get("cross-border-transfer", {}).get("state") == "present",
        negative_claims=tuple((claim["text"], claim["line"]) for claim in claims.get("negative_claims", ())),
    )


def check_consistency(findings: Sequence[Finding], policies: Sequence[PolicyView], rules: Mapping[str, CodeRule],
                      vocabulary: Vocabulary, taxonomy: Taxonomy, home: str | None) -> list[Finding]:
    """Consistency findings of the code's findings against every policy document."""
    code = [f for f in findings if f.rule_id != "pii-literal" and not in_test_folder(f.location.path)]
    checker = _Checker(rules, vocabulary, taxonomy, home)
    results: list[Finding] = []
    for policy in policies:
        results.extend(checker.categories(code, policy))
        results.extend(checker.recipients(code, policy))
        results.extend(checker.transfers(code, policy))
        results.extend(checker.contradictions(code, policy))
    return results


class _Checker:
    def __init__(self, rules: Mapping[str, CodeRule], vocabulary: Vocabulary, taxonomy: Taxonomy,
                 home: str | None) -> None:
        self.rules = rules
        self.vocabulary = vocabulary
        self.taxonomy = taxonomy
        self.home = home or ""

    def categories(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """One finding per undisclosed claim category, at the first place the code handles it."""
        seen: set[str] = set()
        for finding in _in_order(code):
            for type_id in finding.data_categories:
                category = self.vocabulary.claim_category(self.taxonomy, type_id)
                if category is None or self.vocabulary.disclosed(category, policy.categories) or category in seen:
                    continue
                seen.add(category)
                yield self._finding("undisclosed-data-category", finding.location, [type_id], policy,
                                    {"category": category.replace("-", " ")}, "data-categories", "undisclosed")

    def recipients(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """Third-party vendors the code sends personal data to and the policy never names."""
        named: dict[str, bool] = {}
        for finding in _in_order(code):
            vendor = finding.properties.get("vendor", "")
            if finding.kind != "third-party" or not vendor:
                continue
            if vendor not in named:
                named[vendor] = _mentions(policy.text, vendor)
                if not named[vendor]:
                    yield self._finding("undisclosed-recipient", finding.location, list(finding.data_categories),
                                        policy, {"recipient": vendor}, "third-party-sharing", "undisclosed")

    def transfers(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """Transfers abroad to a country the policy neither names nor covers with a transfer disclosure."""
        if policy.discloses_transfers:
            return
        reported: set[str] = set()
        for finding in _in_order(code):
            country = finding.properties.get("country", "")
            if finding.kind != "cross-border" or not country or country in reported:
                continue
            if self.vocabulary.countries.get(country) in policy.countries:
                continue
            reported.add(country)
            yield self._finding("undisclosed-cross-border", finding.location, list(finding.data_categories), policy,
                                {"country": country, "home": self.home},
                                "cross-border-transfer", "undisclosed")

    def contradictions(self, code: Sequence[Finding], policy: PolicyView) -> Iterator[Finding]:
        """A denial of sharing in the policy, against the first transfer of personal data to someone else."""
        transfer = next((f for f in _in_order(code) if f.kind in TRANSFER_KINDS), None)
        if transfer is None:
            return
        for claim, line in policy.negative_claims:
            if self.vocabulary.denies_sharing(claim):
                location = Location(path=policy.path, line=line, snippet=claim)
                where = f"{transfer.location.path}:{transfer.location.line}"
                yield self._finding("contradicted-sharing-claim", location, list(transfer.data_categories), policy,
                                    {"claim": claim, "recipient": transfer.destination, "where": where},
                                    "third-party-sharing", "contradicted",
                                    flow=(FlowStep(location=transfer.location, message="the code shares it here"),))

    def _finding(self, rule_id: str, location: Location, types: list[str], policy: PolicyView,
                 words: dict[str, str], disclosure: str, status: str,
                 flow: tuple[FlowStep, ...] = ()) -> Finding:
        rule = self.rules[rule_id]
        described = [self.taxonomy.types[type_id].phrase for type_id in types if type_id in self.taxonomy.types]
        message = rule.message.format_map({**data_words(described or ["personal data"]), "policy": policy.path,
                                           **words})
        return Finding(
            rule_id=rule_id, message=message[:1].upper() + message[1:], severity=rule.meta.severity,
            location=location, kind="consistency", data_categories=tuple(types), flow=flow,
            properties={"kind": "consistency", "dataCategories": types, "disclosure": disclosure, "status": status,
                        "policy": policy.path},
        )


def _in_order(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.location.path, f.location.line, f.location.column, f.rule_id))


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None
