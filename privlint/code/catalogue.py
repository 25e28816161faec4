"""The sink catalogue: where personal data can leave, by qualified name, read from YAML packs."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from privlint.code.regions import RegionTable
from privlint.errors import RuleError
from privlint.wordsets import any_of
from privlint.yamlio import line_of, load_yaml

CODE_KINDS = ("collection", "logging", "exception", "third-party", "network", "cookie", "storage", "cross-border")
RAISE = "<raise>"
# The pattern of a sink that is an HTTP API's host (``hosts:`` in a sink entry), not a function.
API_HOST = "<host>"


@dataclass(frozen=True, slots=True, kw_only=True)
class Sink:
    """A function or method that sends its arguments somewhere personal data must not go unnoticed."""

    pattern: str
    kind: str
    group: str
    vendor: str
    country: str | None = None
    positions: tuple[int, ...] | None = None
    keywords: tuple[str, ...] | None = None
    switch: tuple[str, bool] | None = None
    sends: tuple[str, ...] = ()

    def selects(self, position: int | None, keyword: str | None) -> bool:
        """Whether the argument at ``position`` (or named ``keyword``) is one this sink sends."""
        if self.positions is None and self.keywords is None:
            return True
        if keyword is not None:
            return keyword in (self.keywords or ())
        return position in (self.positions or ())


class _PatternTable:
    """Exact names in a dict, wildcard names (``*.set_cookie``, ``hashlib.*``) in one regex."""

    def __init__(self, items: Iterable[tuple[str, Any]]) -> None:
        self._exact: dict[str, Any] = {}
        self._wild: list[tuple[re.Pattern[str], Any]] = []
        for pattern, value in items:
            if "*" in pattern:
                self._wild.append((re.compile(fnmatch.translate(pattern)), value))
            else:
                self._exact.setdefault(pattern, value)
        self.lookup = lru_cache(maxsize=4096)(self._lookup)

    def _lookup(self, name: str) -> Any:
        found = self._exact.get(name)
        if found is not None:
            return found
        for regex, value in self._wild:
            if regex.match(name):
                return value
        return None


@dataclass(slots=True)
class CollectionCatalogue:
    """What marks request input and schema definitions, merged from every pack."""

    request_objects: list[str] = field(default_factory=list)
    request_containers: list[str] = field(default_factory=list)
    schema_bases: list[str] = field(default_factory=list)
    schema_decorators: list[str] = field(default_factory=list)
    field_types: dict[str, str] = field(default_factory=dict)

    def read(self, document: Mapping[str, Any], path: Path) -> None:
        for key in ("request-objects", "request-containers", "schema-bases", "schema-decorators"):
            getattr(self, key.replace("-", "_")).extend(_string_list(document.get(key, []), key, path))
        self.field_types.update(_string_map(document.get("field-types", {}), "field-types", path))


CATALOGUE_KEYS = frozenset({
    "sinks", "returns", "receivers", "sanitizers", "sanitizer-words", "sources", "pseudonymous",
    "request-objects", "request-containers", "schema-bases", "schema-decorators", "field-types",
    "regions", "hosts", "country-domains", "transfer-law", "not-sinks", "exempt-exceptions", "hashes",
    "hash-words", "hash-matching-groups", "unreported",
})


@dataclass(slots=True)
class CatalogueData:
    """Everything the catalogue files of the enabled packs say, merged in pack order."""

    sinks: list[Sink] = field(default_factory=list)
    not_sinks: list[str] = field(default_factory=list)
    exempt_exceptions: list[str] = field(default_factory=list)
    returns: dict[str, str] = field(default_factory=dict)
    receivers: dict[str, str] = field(default_factory=dict)
    sanitizers: list[str] = field(default_factory=list)
    sanitizer_words: list[str] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    hash_words: list[str] = field(default_factory=list)
    hash_matching_groups: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    pseudonymous: list[str] = field(default_factory=list)
    unreported: dict[str, list[str]] = field(default_factory=dict)
    collection: CollectionCatalogue = field(default_factory=CollectionCatalogue)
    regions: RegionTable = field(default_factory=RegionTable)

    def read(self, document: Any, path: Path) -> None:
        """Add one catalogue file; a malformed entry is a RuleError naming file and line."""
        if not isinstance(document, dict):
            raise RuleError("a sink catalogue must be a mapping", path=str(path), line=1)
        _check_keys(document, CATALOGUE_KEYS, path)
        self.sinks.extend(_read_sink_groups(document.get("sinks", []), path))
        self.not_sinks.extend(_string_list(document.get("not-sinks", []), "not-sinks", path))
        self.exempt_exceptions.extend(_string_list(document.get("exempt-exceptions", []), "exempt-exceptions", path))
        self.returns.update(_string_map(document.get("returns", {}), "returns", path))
        for type_name, names in _string_map(document.get("receivers", {}), "receivers", path, list).items():
            self.receivers.update({name: type_name for name in names})
        self.sanitizers.extend(_string_list(document.get("sanitizers", []), "sanitizers", path))
        self.sanitizer_words.extend(_string_list(document.get("sanitizer-words", []), "sanitizer-words", path))
        self.hashes.extend(_string_list(document.get("hashes", []), "hashes", path))
        self.hash_words.extend(_string_list(document.get("hash-words", []), "hash-words", path))
        self.hash_matching_groups.extend(_string_list(document.get("hash-matching-groups", []),
                                                      "hash-matching-groups", path))
        self.sources.update(_string_map(document.get("sources", {}), "sources", path))
        self.pseudonymous.extend(_string_list(document.get("pseudonymous", []), "pseudonymous", path))
        unreported = document.get("unreported", {})
        for kind, types in _string_map(unreported, "unreported", path, list).items():
            if kind not in CODE_KINDS:
                raise RuleError(f"unreported: unknown kind {kind!r} (expected one of {', '.join(CODE_KINDS)})",
                                path=str(path), line=line_of(unreported))
            self.unreported.setdefault(kind, []).extend(_string_list(types, f"unreported: {kind}", path))
        self.collection.read(document, path)
        for key in ("regions", "hosts", "country-domains", "transfer-law"):
            _string_map(document.get(key, {}), key, path)
        self.regions.update(document)


class SinkCatalogue:
    """Sinks, what factory calls return, receiver-name hints, sanitizers, sources and regions, compiled."""

    def __init__(self, data: CatalogueData) -> None:
        self.sinks = tuple(data.sinks)
        self._sinks = _PatternTable((sink.pattern, sink) for sink in data.sinks)
        self._api_hosts = {sink.pattern.removeprefix(API_HOST): sink for sink in data.sinks
                           if sink.pattern.startswith(API_HOST)}
        self._not_sinks = _PatternTable((name, True) for name in data.not_sinks)
        self._exempt_exceptions = _PatternTable((name, True) for name in data.exempt_exceptions)
        self.returns = dict(data.returns)
        self.receivers = dict(data.receivers)
        self._sanitizers = _PatternTable((name, True) for name in data.sanitizers)
        self._sanitizer_words = any_of(data.sanitizer_words)
        self._hashes = _PatternTable((name, True) for name in data.hashes)
        self._hash_words = any_of(data.hash_words)
        self.hash_matching_groups = frozenset(data.hash_matching_groups)
        self._sources = _PatternTable(data.sources.items())
        self.pseudonymous = frozenset(data.pseudonymous)
        self.unreported = {kind: frozenset(types) for kind, types in data.unreported.items()}
        collection = data.collection
        self.request_objects = frozenset(collection.request_objects)
        self.request_containers = frozenset(collection.request_containers)
        self.schema_decorators = frozenset(collection.schema_decorators)
        self._schema_bases = _PatternTable((name, True) for name in collection.schema_bases)
        self._field_types = _PatternTable(collection.field_types.items())
        self.regions = data.regions
        self.regions.compile()
        self.screen_words = frozenset(
            [".".join(name.split(".")[-2:]) for name in data.sources]
            + [name.rsplit(".", 1)[-1] for name in collection.field_types])

    def sink_for(self, qualified_name: str) -> Sink | None:
        """The sink a call to ``qualified_name`` (or an item assignment ``name[]``) is, if any."""
        if self._not_sinks.lookup(qualified_name):
            return None
        return self._sinks.lookup(qualified_name)

    def api_sink(self, host: str) -> Sink | None:
        """The sink a request to ``host`` is when the host is an API the catalogue names (an advertising
        platform's conversion API is advertising, not a plain request)."""
        return self._api_hosts.get(host.lower())

    def is_exempt_exception(self, qualified_name: str) -> bool:
        """Whether data in an exception class's message is no leak: the message goes back to the person who made
        the request (a validation error, a 404, a usage error) or names configuration."""
        return bool(self._exempt_exceptions.lookup(qualified_name))

    def source_type(self, qualified_name: str) -> str | None:
        """The data type an attribute such as ``flask.request.remote_addr`` always holds, if any."""
        return self._sources.lookup(qualified_name)

    def is_schema_base(self, qualified_name: str) -> bool:
        """Whether a class deriving from ``qualified_name`` defines stored or validated records."""
        return bool(self._schema_bases.lookup(qualified_name))

    def field_type(self, qualified_name: str) -> str | None:
        """The data type a field class (``django.db.models.EmailField``) always holds."""
        return self._field_types.lookup(qualified_name)

    def is_sanitizer(self, qualified_name: str) -> bool:
        """Whether a call to ``qualified_name`` makes personal data safe (hashing, masking, redaction)."""
        if self._sanitizers.lookup(qualified_name):
            return True
        return bool(self._sanitizer_words.search(qualified_name.rsplit(".", 1)[-1]))

    def is_hash(self, qualified_name: str) -> bool:
        """Whether a sanitizer is a plain hash, whose result still identifies the person to whoever hashes the
        same data (an advertising platform matching customers by hashed e-mail address)."""
        if self._hashes.lookup(qualified_name):
            return True
        return bool(self._hash_words.search(qualified_name.rsplit(".", 1)[-1]))


def load_catalogue(files: Iterable[Path], extra_sanitizers: Iterable[str] = ()) -> SinkCatalogue:
    """Read every sink catalogue file, in order, plus the project's own sanitizers."""
    from privlint.compiled import compiled

    files = list(files)
    data = compiled("sinks", files, lambda: _read_catalogue(files), CatalogueData,
                    (CatalogueData, CollectionCatalogue, RegionTable))
    data.sanitizers[:0] = extra_sanitizers
    return SinkCatalogue(data)


def _read_catalogue(files: Iterable[Path]) -> CatalogueData:
    data = CatalogueData()
    for path in files:
        data.read(load_yaml(path), path)
    return data


def _read_sink_groups(groups: Any, path: Path) -> list[Sink]:
    if not isinstance(groups, list):
        raise RuleError("'sinks' must be a list", path=str(path))
    sinks = []
    for group in groups:
        if not isinstance(group, dict):
            raise RuleError("each entry of 'sinks' must be a mapping", path=str(path))
        line = line_of(group)
        _check_keys(group, {"group", "kind", "vendor", "country", "functions", "hosts", "arguments", "switch",
                            "docs"}, path, line)
        for required in ("group", "kind", "vendor"):
            if required not in group:
                raise RuleError(f"sink entry lacks '{required}'", path=str(path), line=line)
        if "functions" not in group and "hosts" not in group:
            raise RuleError("sink entry lacks 'functions' (or 'hosts', for an HTTP API)", path=str(path), line=line)
        if "functions" in group and "hosts" in group:
            raise RuleError("a sink entry has 'functions' or 'hosts', not both", path=str(path), line=line)
        if group["kind"] not in CODE_KINDS:
            raise RuleError(f"unknown kind {group['kind']!r} (expected one of {', '.join(CODE_KINDS)})",
                            path=str(path), line=line)
        positions, keywords = _read_arguments(group.get("arguments", "all"), path, line)
        switch, sends = _read_switch(group.get("switch"), path, line)
        patterns = [API_HOST + host.lower() for host in _string_list(group.get("hosts", []), "hosts", path, line)]
        for pattern in [*_string_list(group.get("functions", []), "functions", path, line), *patterns]:
            sinks.append(Sink(
                pattern=pattern, kind=group["kind"], group=str(group["group"]), vendor=str(group["vendor"]),
                country=group.get("country"), positions=positions, keywords=keywords, switch=switch, sends=sends,
            ))
    return sinks


def _read_switch(spec: Any, path: Path, line: int | None) -> tuple[tuple[str, bool] | None, tuple[str, ...]]:
    """``switch: {keyword: send_default_pii, value: true, sends: [ip-address, ...]}``: a setting that makes a
    library send personal data by itself (the call is a sink only when the keyword has that value)."""
    if spec is None:
        return None, ()
    if (isinstance(spec, dict) and set(spec) == {"keyword", "value", "sends"} and isinstance(spec["keyword"], str)
            and isinstance(spec["value"], bool) and _strings(spec["sends"])):
        return (spec["keyword"], spec["value"]), tuple(spec["sends"])
    raise RuleError("'switch' must be a mapping of 'keyword' (a name), 'value' (true or false) and 'sends' "
                    "(data type ids)", path=str(path), line=line)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _read_arguments(spec: Any, path: Path, line: int | None) -> tuple[tuple[int, ...] | None, tuple[str, ...] | None]:
    if spec == "all":
        return None, None
    if isinstance(spec, dict) and set(spec) <= {"positions", "keywords"}:
        positions = spec.get("positions", [])
        keywords = spec.get("keywords", [])
        if all(isinstance(p, int) for p in positions) and all(isinstance(k, str) for k in keywords):
            return tuple(positions), tuple(keywords)
    raise RuleError("'arguments' must be 'all' or a mapping with 'positions' (integers) and 'keywords' (names)",
                    path=str(path), line=line)


def _check_keys(mapping: Mapping[str, Any], allowed: set[str], path: Path, line: int | None = None) -> None:
    unknown = sorted(set(mapping) - allowed)
    if unknown:
        raise RuleError(f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})",
                        path=str(path), line=line or line_of(mapping))


def _string_list(value: Any, key: str, path: Path, line: int | None = None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuleError(f"'{key}' must be a list of strings", path=str(path), line=line)
    return value


def _string_map(value: Any, key: str, path: Path, value_type: type = str) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(v, value_type) for v in value.values()):
        raise RuleError(f"'{key}' must be a mapping of names to {value_type.__name__}", path=str(path),
                        line=line_of(value))
    return value
