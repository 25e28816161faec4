"""Finds rule packs (built-in and project-local), reads code rules from YAML and validates them."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from privlint.code.catalogue import CODE_KINDS, Sink
from privlint.compiled import compiled
from privlint.errors import RuleError
from privlint.findings import Confidence, RuleDocs, RuleMeta, Severity
from privlint.yamlio import line_of, load_yaml

RULE_KEYS = {
    "name", "kind", "severity", "confidence", "select", "message", "short", "description",
    "references", "tags", "docs",
}
RULE_KINDS = (*CODE_KINDS, "consistency")
SELECT_KEYS = {"kinds", "groups", "origins", "sensitive"}
REQUIRED_KEYS = ("kind", "severity", "confidence", "select", "message", "short", "description", "docs")
TEXT_KEYS = ("name", "message", "short", "description")
# The words a rule's message can name, by kind of rule: ``{data}``, ``{sink}`` ...
CODE_PLACEHOLDERS = frozenset({"data", "is", "leaves", "sink", "destination", "source", "country", "home", "law"})
CONSISTENCY_PLACEHOLDERS = frozenset({"data", "is", "leaves", "policy", "category", "recipient", "country", "home",
                                      "claim", "where"})


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeRule:
    """A code rule: which sink kinds and groups it owns, and the message it reports."""

    meta: RuleMeta
    kinds: tuple[str, ...]
    groups: tuple[str, ...]
    message: str
    origins: tuple[str, ...] = ()
    sensitive: bool | None = None

    def owns(self, sink: Sink) -> bool:
        """Whether a flow into ``sink`` is reported by this rule."""
        if self.groups:
            return sink.group in self.groups
        return sink.kind in self.kinds

    def owns_collection(self, origin: str, sensitive: bool) -> bool:
        """Whether a collection point of ``origin`` (request, schema, literal) is reported by this rule."""
        if "collection" not in self.kinds or (self.origins and origin not in self.origins):
            return False
        return self.sensitive is None or self.sensitive == sensitive


def load_code_rules(files: Iterable[Path]) -> list[CodeRule]:
    """Read and validate code rule files (or take them from the user's cache when none changed); the file name
    is the rule id."""
    files = list(files)
    return list(compiled("code-rules", files, lambda: _read_code_rules(files), tuple,
                         (CodeRule, RuleMeta, RuleDocs, Severity, Confidence)))


def _read_code_rules(files: Iterable[Path]) -> tuple[CodeRule, ...]:
    rules: dict[str, CodeRule] = {}
    for path in files:
        rule = read_code_rule(path)
        if rule.meta.id in rules:
            raise RuleError(f"duplicate rule id {rule.meta.id!r}", path=str(path))
        rules[rule.meta.id] = rule
    return tuple(rules.values())


def read_code_rule(path: Path) -> CodeRule:
    """One code rule from its YAML file."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise RuleError("a rule file must be a mapping", path=str(path), line=1)
    _validate(data, path)
    select = data["select"]
    meta = RuleMeta(
        id=path.stem,
        name=data.get("name") or "".join(part.capitalize() for part in path.stem.split("-")),
        short_description=data["short"],
        full_description=data["description"].strip(),
        severity=Severity.parse(data["severity"]),
        confidence=Confidence(data["confidence"]),
        kind=data["kind"],
        tags=tuple(dict.fromkeys([data["kind"], "privacy", *data.get("tags", [])])),
        references=tuple(data.get("references", [])),
        docs=RuleDocs(**{key: str(value).strip() for key, value in data["docs"].items()}),
        source_path=str(path),
    )
    return CodeRule(meta=meta, kinds=tuple(select.get("kinds", [])), groups=tuple(select.get("groups", [])),
                    message=data["message"].strip(), origins=tuple(select.get("origins", [])),
                    sensitive=select.get("sensitive"))


def _validate(data: Mapping[str, Any], path: Path) -> None:
    def fail(message: str, at: Any = data) -> RuleError:
        return RuleError(message, path=str(path), line=line_of(at) or 1)

    unknown = sorted(set(data) - RULE_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(RULE_KEYS))})")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise fail(f"missing required key {key!r}")
    for key in TEXT_KEYS:
        if key in data and not isinstance(data[key], str):
            raise fail(f"'{key}' must be a string")
    if data["kind"] not in RULE_KINDS:
        raise fail(f"unknown kind {data['kind']!r} (expected one of {', '.join(RULE_KINDS)})")
    problem = _placeholder_problem(data["message"], data["kind"])
    if problem:
        raise fail(f"'message': {problem}")
    try:
        Severity.parse(str(data["severity"]))
        Confidence(data["confidence"])
    except ValueError as error:
        raise fail(str(error)) from None
    select = data["select"]
    if not isinstance(select, dict) or not set(select) <= SELECT_KEYS or not select:
        raise fail("'select' must be a mapping with 'kinds', 'groups', 'origins' and/or 'sensitive'", select)
    if not isinstance(select.get("sensitive", False), bool):
        raise fail("'select.sensitive' must be true or false", select)
    for key in ("kinds", "groups", "origins"):
        if not _strings(select.get(key, [])):
            raise fail(f"'select.{key}' must be a list of strings", select)
    docs = data["docs"]
    if not isinstance(docs, dict) or not set(docs) <= {"why", "example", "instead"} or "why" not in docs:
        raise fail("'docs' must be a mapping with 'why' and optionally 'example' and 'instead'", docs)
    if not all(isinstance(value, str) for value in docs.values()):
        raise fail("every entry of 'docs' must be a string", docs)
    for key in ("references", "tags"):
        if not _strings(data.get(key, [])):
            raise fail(f"'{key}' must be a list of strings")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _placeholder_problem(message: str, kind: str) -> str | None:
    """Why ``message`` cannot be filled in (a positional, unknown or formatted placeholder), or None."""
    allowed = CONSISTENCY_PLACEHOLDERS if kind == "consistency" else CODE_PLACEHOLDERS
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)
                  if name is not None]
    except ValueError as error:
        return f"{error} (write a literal brace as {{{{ or }}}})"
    for name, spec, conversion in fields:
        if name not in allowed:
            shown = f"{{{name}}}" if name else "{}"
            return f"unknown placeholder {shown} (known: {', '.join(sorted(allowed))})"
        if spec or conversion:
            return f"placeholder {{{name}}} takes no format or conversion"
    return None
