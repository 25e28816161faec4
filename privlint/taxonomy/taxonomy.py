"""The compiled taxonomy: data types by id, and the cached name and literal classifiers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from privlint.linear_regex import compile_linear
from privlint.taxonomy.literals import CHECKS
from privlint.compiled import compiled
from privlint.taxonomy.loader import TaxonomySource, builtin_files, inline_types, project_files, read_sources
from privlint.taxonomy.matcher import NameMatcher, pattern_tokens
from privlint.taxonomy.model import DataType, NamePattern, ValuePattern
from privlint.taxonomy.schema import TypeSpec, Where

_CACHE_LIMIT = 200_000
_MAX_LITERAL = 64


class Taxonomy:
    """Personal-data types and the classifiers that recognise them in identifiers and string literals."""

    def __init__(self, types: Mapping[str, DataType], matcher: NameMatcher, values: Sequence[ValuePattern]) -> None:
        self.types: Mapping[str, DataType] = MappingProxyType(dict(types))
        self._matcher = matcher
        self._values = tuple(values)
        self._names: dict[tuple[str, str | None], DataType | None] = {}
        self._literals: dict[str, DataType | None] = {}

    def names_a_thing(self, name: str) -> bool:
        """Whether an identifier names a thing, not a person or a person's data: ``host``, ``server_name``."""
        return self._matcher.names_a_thing(name)

    def classify_name(self, name: str, owner: str | None = None) -> DataType | None:
        """The data type an identifier, attribute or dict key holds; ``owner`` is the object it is read from."""
        key = (name, owner)
        if key not in self._names:
            if len(self._names) > _CACHE_LIMIT:
                self._names.clear()
            type_id = self._matcher.classify(name, owner) or self._joined_contact(name, owner)
            self._names[key] = self.types[type_id] if type_id else None
        return self._names[key]

    def _joined_contact(self, name: str, owner: str | None) -> str | None:
        """An address or number named by the channel it reaches a person on: ``mail["address"]`` (a mail
        address), ``phone.number``; only contact data, where the owner's word names the channel."""
        type_id = self._matcher.classify_joined(name, owner)
        return type_id if type_id is not None and self.types[type_id].category == "contact" else None

    @property
    def person_words(self) -> frozenset[str]:
        """Words that make an ambiguous field personal (``user``, ``customer``, ``患者``...)."""
        return self._matcher.person_words

    def classify_literal(self, value: str) -> DataType | None:
        """The data type a string literal's value is (validated by checksum where one exists), or None."""
        if value not in self._literals:
            if len(self._literals) > _CACHE_LIMIT:
                self._literals.clear()
            self._literals[value] = self._match_literal(value)
        return self._literals[value]

    def _match_literal(self, value: str) -> DataType | None:
        """Try every value pattern in order; the first full match whose check passes wins."""
        text = value.strip()
        if not 5 <= len(text) <= _MAX_LITERAL:
            return None
        for pattern in self._values:
            if pattern.regex.fullmatch(text) and (pattern.check is None or CHECKS[pattern.check](text)):
                return self.types[pattern.type_id]
        return None


# Categories whose names need no person owner: whatever object ``ssn``, ``passport_number`` or ``diagnosis``
# is read from, it is a person's. Location is not among them: a room or a venue has coordinates too.
OWNER_INDEPENDENT_CATEGORIES = frozenset({"government-id", "health", "biometric", "beliefs", "criminal"})

def load_taxonomy(extra_files: Sequence[Path] = (), extra_types: Sequence[Mapping[str, Any]] = (),
                  extra_excludes: Sequence[str] = ()) -> Taxonomy:
    """Load the built-in taxonomy plus a project's YAML files, inline types and exclusion patterns.

    Raises RuleError naming the file and line of invalid data.
    """
    files = [*builtin_files(), *project_files(extra_files)]
    source = compiled("taxonomy", files, lambda: read_sources(files), TaxonomySource,
                      (TaxonomySource, TypeSpec, Where))
    source.types.extend(inline_types(extra_types))
    source.context["excludes"].extend(extra_excludes)
    return compile_taxonomy(source)


def compile_taxonomy(source: TaxonomySource) -> Taxonomy:
    """Merge type specs (later entries extend earlier ones with the same id) and precompile patterns."""
    specs: dict[str, TypeSpec] = {}
    for spec in source.types:
        _merge(specs, spec)
    types = {type_id: DataType(**spec.fields) for type_id, spec in specs.items() if spec.fields}
    patterns = [NamePattern(tokens=pattern_tokens(text), type_id=spec.id, needs_person=needs)
                for spec in specs.values()
                for needs, texts in ((False, spec.names), (True, spec.person_names)) for text in texts]
    values = [ValuePattern(regex=compile_linear(regex), check=check, type_id=spec.id) for spec in specs.values()
              for regex, check in spec.values]
    excludes = {spec.id: spec.excludes for spec in specs.values()}
    owner_independent = frozenset(type_id for type_id, data_type in types.items()
                                  if data_type.category in OWNER_INDEPENDENT_CATEGORIES)
    return Taxonomy(types, NameMatcher(patterns, excludes, source.context, owner_independent), values)


def _merge(specs: dict[str, TypeSpec], spec: TypeSpec) -> None:
    """Add a new type, or append an extension's patterns to the known type it names."""
    known = specs.get(spec.id)
    if known is None:
        if spec.fields is None:
            raise spec.where.error(f"{spec.id!r} extends no known data type; give category, name, sensitive")
        specs[spec.id] = spec
        return
    if spec.fields is not None and spec.fields != known.fields:
        raise spec.where.error(f"data type {spec.id!r} is defined twice with different fields")
    known.names.extend(spec.names)
    known.person_names.extend(spec.person_names)
    known.excludes.extend(spec.excludes)
    known.values.extend(spec.values)
