"""Policy rule packs: the built-in YAML in privlint.rules/policy plus a project's own rule folders."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from privlint.errors import RuleError
from privlint.findings import Confidence, RuleDocs, RuleMeta, Severity
from privlint.packs import builtin_pack
from privlint.policy.vocabulary import Disclosure, merge_disclosure, parse_disclosure
from privlint.yamlio import load_text

LOG = logging.getLogger(__name__)

REGIMES = ("pipl", "gbt35273", "gdpr", "ccpa")
_RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class PolicyRule:
    """One required disclosure of one regime."""

    meta: RuleMeta
    disclosure: str
    partial_message: str = ""
    requires_any: tuple[str, ...] = ()
    requires_all: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Catalogue:
    """Everything the policy check reads from YAML (compared and hashed by identity, so it can key caches)."""

    disclosures: Mapping[str, Disclosure]
    claims: Mapping[str, Any]
    traditional: Mapping[str, str]
    rules: tuple[PolicyRule, ...] = field(default=())
    chinese_names: Mapping[str, str] = field(default_factory=dict)

    def rules_for(self, regimes: Sequence[str]) -> tuple[PolicyRule, ...]:
        return tuple(rule for rule in self.rules if rule.meta.regime in regimes)


def builtin_dir() -> Path:
    """The folder of built-in policy packs (rules/policy, installed as privlint.rules/policy)."""
    return builtin_pack() / "policy"


@functools.lru_cache(maxsize=8)
def load_catalogue(rule_dirs: tuple[Path, ...] = ()) -> Catalogue:
    """Built-in packs, then every *.yml / *.yaml of each rule folder in order."""
    disclosures: dict[str, Disclosure] = {}
    claims: dict[str, Any] = {}
    traditional: dict[str, str] = {}
    chinese_names: dict[str, str] = {}
    rules: list[PolicyRule] = []
    for path in pack_files((builtin_dir(), *rule_dirs)):
        data = _read_yaml(path)
        chinese_names.update({str(name): str(text) for name, text in (data.get("chinese_names") or {}).items()})
        for name, raw in (data.get("disclosures") or {}).items():
            parsed = parse_disclosure(name, raw or {}, f"{path.name}:disclosures")
            disclosures[name] = merge_disclosure(disclosures[name], parsed) if name in disclosures else parsed
        _merge_claims(claims, data.get("claims") or {})
        traditional.update(_traditional(data.get("traditional") or [], path))
        if "rules" in data:
            rules.extend(_pack_rules(data, path))
    _check(rules, disclosures)
    return Catalogue(disclosures=disclosures, claims=claims, traditional=traditional, rules=tuple(rules),
                     chinese_names=chinese_names)


def pack_files(folders: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise RuleError("policy rule folder does not exist", path=str(folder))
        files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml")))
    return files


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"cannot read policy rule pack: {error}", path=str(path)) from error
    data = load_text(text, str(path))
    if not isinstance(data, dict):
        raise RuleError("a policy rule pack must be a YAML mapping", path=str(path))
    return data


def _merge_claims(claims: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Nested merge: mappings merge key by key, lists are extended."""
    for key, value in extra.items():
        if isinstance(value, Mapping):
            _merge_claims(claims.setdefault(key, {}), value)
        elif isinstance(value, list):
            claims[key] = [*claims.get(key, []), *value]
        else:
            claims[key] = value


def _traditional(entries: list[Any], path: Path) -> dict[str, str]:
    pairs = [str(entry) for entry in entries]
    bad = [pair for pair in pairs if len(pair) != 2]
    if bad:
        raise RuleError(f"traditional entries must be two characters, got {bad[:3]}", path=str(path))
    return {pair[0]: pair[1] for pair in pairs}


def _pack_rules(data: Mapping[str, Any], path: Path) -> list[PolicyRule]:
    regime = data.get("regime")
    if regime not in REGIMES:
        raise RuleError(f"regime must be one of {', '.join(REGIMES)}, got {regime!r}", path=str(path))
    return [_rule(raw, regime, path) for raw in data.get("rules") or []]


def _rule(raw: Mapping[str, Any], regime: str, path: Path) -> PolicyRule:
    rule_id = str(raw.get("id", ""))
    if not _RULE_ID.match(rule_id) or not raw.get("disclosure") or not raw.get("message"):
        raise RuleError(f"rule {rule_id!r} needs a kebab-case id, a disclosure and a message", path=str(path))
    docs = raw.get("docs") or {}
    try:
        severity = Severity.parse(str(raw.get("severity", "warning")))
        confidence = Confidence(str(raw.get("confidence", "medium")))
    except ValueError as error:
        raise RuleError(f"rule {rule_id}: {error}", path=str(path)) from error
    requires = raw.get("requires") or {}
    meta = RuleMeta(
        id=rule_id, name="".join(part.capitalize() for part in rule_id.split("-")),
        short_description=str(raw["message"]), full_description=str(docs.get("why", raw["message"])),
        severity=severity, confidence=confidence, kind="policy", tags=tuple(raw.get("tags") or ()),
        references=tuple(str(ref) for ref in raw.get("references") or ()),
        docs=RuleDocs(why=docs.get("why", ""), example=docs.get("example", ""), instead=docs.get("instead", "")),
        regime=regime, source_path=str(path),
    )
    return PolicyRule(meta=meta, disclosure=str(raw["disclosure"]), partial_message=str(raw.get("partial", "")),
                      requires_any=tuple(requires.get("any") or ()), requires_all=tuple(requires.get("all") or ()))


def _check(rules: list[PolicyRule], disclosures: Mapping[str, Disclosure]) -> None:
    seen: set[str] = set()
    for rule in rules:
        where = rule.meta.source_path
        if rule.meta.id in seen:
            raise RuleError(f"duplicate policy rule id {rule.meta.id}", path=where)
        seen.add(rule.meta.id)
        if rule.disclosure not in disclosures:
            raise RuleError(f"rule {rule.meta.id}: unknown disclosure {rule.disclosure!r}", path=where)
        details = disclosures[rule.disclosure].details
        missing = [name for name in (*rule.requires_any, *rule.requires_all) if name not in details]
        if missing:
            raise RuleError(f"rule {rule.meta.id}: unknown detail groups {missing} of {rule.disclosure}", path=where)
