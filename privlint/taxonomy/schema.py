"""Validation of taxonomy YAML entries into type specifications, with file and line in every error."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from privlint.errors import RuleError
from privlint.linear_regex import compile_linear
from privlint.taxonomy.literals import CHECKS

TYPE_FIELDS = ("id", "category", "name", "sensitive")
LIST_FIELDS = ("names", "person_names", "excludes")
ALL_FIELDS = {*TYPE_FIELDS, "fideslang", "description", "values", *LIST_FIELDS}
CONTEXT_KEYS = ("excludes", "person_tokens", "non_person_owners", "fillers", "prefix_excludes")
_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Where:
    """Where a piece of taxonomy data came from, for error messages."""

    path: str
    line: int | None = None

    def error(self, message: str, line: int | None = None) -> RuleError:
        """A RuleError naming this place (or a more precise ``line``)."""
        return RuleError(message, path=self.path, line=line or self.line)


@dataclass(slots=True, kw_only=True)
class TypeSpec:
    """One YAML type entry, validated; ``fields`` is None for an entry that only extends a known type."""

    id: str
    fields: dict[str, Any] | None
    where: Where
    names: list[str] = field(default_factory=list)
    person_names: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    values: list[tuple[str, str | None]] = field(default_factory=list)  # regex (checked), check name


def parse_type(entry: Any, where: Where, lines: Mapping[str, int]) -> TypeSpec:
    """Validate one type entry (a mapping) and return its spec; ``lines`` maps keys to their lines."""
    if not isinstance(entry, Mapping):
        raise where.error("a taxonomy type must be a mapping with id, category, name, sensitive")
    unknown = sorted(set(entry) - ALL_FIELDS)
    if unknown:
        raise where.error(f"unknown key {unknown[0]!r} in taxonomy type", lines.get(unknown[0]))
    type_id = entry.get("id")
    if not isinstance(type_id, str) or not _KEBAB.match(type_id):
        raise where.error(f"type id must be a kebab-case string, got {type_id!r}", lines.get("id"))
    spec = TypeSpec(id=type_id, fields=_type_fields(entry, where, lines), where=where)
    for key in LIST_FIELDS:
        getattr(spec, key).extend(string_list(entry.get(key, []), key, where, lines.get(key)))
    spec.values.extend(_values(entry.get("values", []), where, lines.get("values")))
    return spec


def _type_fields(entry: Mapping[str, Any], where: Where, lines: Mapping[str, int]) -> dict[str, Any] | None:
    """The DataType fields of a new type, or None when the entry only adds patterns to a known id."""
    if not any(key in entry for key in (*TYPE_FIELDS[1:], "fideslang")):
        return None
    missing = [key for key in TYPE_FIELDS if key not in entry]
    if missing:
        raise where.error(f"taxonomy type {entry['id']!r} lacks {missing[0]!r}")
    for key in ("category", "name"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise where.error(f"{key!r} must be a non-empty string", lines.get(key))
    if not isinstance(entry["sensitive"], bool):
        raise where.error("'sensitive' must be true or false", lines.get("sensitive"))
    fideslang = entry.get("fideslang")
    if fideslang is not None and not isinstance(fideslang, str):
        raise where.error("'fideslang' must be a string or null", lines.get("fideslang"))
    return {"id": entry["id"], "category": entry["category"], "name": entry["name"],
            "sensitive": entry["sensitive"], "fideslang": fideslang}


def string_list(value: Any, key: str, where: Where, line: int | None) -> list[str]:
    """Check that ``value`` is a list of non-empty strings."""
    if not isinstance(value, list):
        raise where.error(f"{key!r} must be a list of strings", line)
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise where.error(f"{key!r} must hold non-empty strings, not {item!r} (quote numbers and yes/no/on/off)", line)
    return list(value)


def _values(value: Any, where: Where, line: int | None) -> list[tuple[str, str | None]]:
    """Check the ``values`` list: mappings of ``regex`` (full match, compiled to be sure it can be) and an
    optional ``check``."""
    if not isinstance(value, list):
        raise where.error("'values' must be a list of {regex, check} mappings", line)
    checked = []
    for item in value:
        if not isinstance(item, Mapping) or not isinstance(item.get("regex"), str) or set(item) - {"regex", "check"}:
            raise where.error("each value pattern must be a mapping with 'regex' and optional 'check'", line)
        check = item.get("check")
        if check is not None and check not in CHECKS:
            raise where.error(f"unknown value check {check!r}; known: {', '.join(sorted(CHECKS))}", line)
        try:
            compile_linear(item["regex"])
        except ValueError as exc:
            raise where.error(f"invalid regex {item['regex']!r}: {exc}", line) from None
        checked.append((item["regex"], check))
    return checked
