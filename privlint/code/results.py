"""Turns the facts of every file into findings: link flows across files, apply rules and suppressions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any, Iterable, Mapping, Sequence

from privlint.code.context import AnalysisContext, CollectionHit, SinkHit
from privlint.code.hierarchy import ExemptExceptions
from privlint.code.hosts import host_of, is_internal
from privlint.code.regions import is_foreign
from privlint.code.scanner import FileFacts
from privlint.code.summaries import Linker
from privlint.code.suppressions import SuppressionTracker
from privlint.code.taint import HASHED_IDENTIFIER
from privlint.findings import Finding, FlowStep, Location, Notification, Severity, data_words
from privlint.loader import CodeRule

TEST_FOLDERS = frozenset({"tests", "test", "testing", "fixtures", "testdata", "test_data"})
# Categories a privacy policy does not list as data collected: a password or token is a secret to keep, and the
# inventory's advice ("make sure the policy lists it") does not fit it. Where it flows is still reported.
NOT_INVENTORIED = frozenset({"credentials"})


@dataclass(frozen=True, slots=True)
class CodeRules:
    """The enabled code rules and the per-rule severity overrides of the project."""

    rules: tuple[CodeRule, ...]
    severity: Mapping[str, Severity]

    def owner_of(self, hit: SinkHit) -> CodeRule | None:
        return next((rule for rule in self.rules if rule.owns(hit.sink)), None)

    def collection_owner(self, hit: CollectionHit, sensitive: bool) -> CodeRule | None:
        return next((rule for rule in self.rules if rule.owns_collection(hit.origin, sensitive)), None)

    @property
    def cross_border(self) -> CodeRule | None:
        return next((rule for rule in self.rules if "cross-border" in rule.kinds), None)


class PlaceConstants:
    """URL and region constants of every module, to place requests whose URL, and clients whose region, comes
    from another module or the settings."""

    def __init__(self, constants: Iterable[tuple[str, str]]) -> None:
        self._by_name = dict(constants)

    def locate(self, hit: SinkHit, context: AnalysisContext) -> SinkHit | None:
        """The hit with its host and country filled in from the constant; None when the host is the project's own."""
        if hit.region_reference is not None:
            region = self._value(hit.region_reference)
            country = context.catalogue.regions.country_of_text(region) if region else None
            return replace(hit, country=country or hit.country, region_reference=None)
        if hit.host is not None or hit.url_reference is None:
            return hit
        value = self._value(hit.url_reference)
        host = host_of(value) if value else None
        if host is None:
            return hit
        if is_internal(host, context.internal_domains):
            return None
        country = context.catalogue.regions.country_of_host(host) or hit.country
        return replace(hit, host=host, country=country)

    def _value(self, reference: str) -> str | None:
        if reference in self._by_name:
            return self._by_name[reference]
        name = reference.rsplit(".", 1)[-1]
        from_settings = ".settings." in f".{reference}"
        for key, value in self._by_name.items():
            module, _, constant = key.rpartition(".")
            if constant != name:
                continue
            if key.endswith(f".{reference}") or (from_settings and "settings" in module.split(".")):
                return value
        return None


class _Collector:
    """Keeps one finding per rule and line, honouring suppressions."""

    def __init__(self, tracker: SuppressionTracker) -> None:
        self.tracker = tracker
        self.findings: dict[tuple[str, str, int], Finding] = {}

    def wants(self, rule: CodeRule, location: Location) -> bool:
        key = (rule.meta.id, location.path, location.line)
        return key not in self.findings and not self.tracker.suppresses(location.path, rule.meta.id, location.line)

    def add(self, finding: Finding) -> None:
        self.findings[(finding.rule_id, finding.location.path, finding.location.line)] = finding


def build_findings(facts: Sequence[FileFacts], context: AnalysisContext,
                   rules: CodeRules) -> tuple[list[Finding], list[Notification]]:
    """Findings of the whole scan, one per rule and line, and the notifications of every file."""
    linker = Linker((s for fact in facts for s in fact.summaries), (c for fact in facts for c in fact.call_sites),
                    (schema for fact in facts for schema in fact.schemas), lambda key: _key_type(key, context),
                    (bases for fact in facts for bases in fact.class_bases))
    hits = [hit for fact in facts for hit in fact.hits]
    hits.extend(hit for fact in facts for pending in fact.pending for hit in linker.resolve(pending))
    urls = PlaceConstants(constant for fact in facts for constant in fact.constants.items())
    exempt = ExemptExceptions((bases for fact in facts for bases in fact.class_bases), context.catalogue,
                              (answer for fact in facts for answer in fact.answered_exceptions))
    hits = _reported(hits, urls, exempt, context, linker)
    tracker = SuppressionTracker({fact.path: fact.suppressions for fact in facts if fact.suppressions})
    collector = _Collector(tracker)
    operator_paths = frozenset(fact.path for fact in facts if fact.command_line)
    for hit in hits:
        rule = rules.owner_of(hit)
        if rule is not None and collector.wants(rule, hit.location):
            for_operator = hit.location.path in operator_paths or (
                hit.sink.group == "console" and hit.function is not None
                and linker.called_only_from(hit.function, operator_paths, in_test_folder))
            collector.add(_flow_finding(rule, hit, context, rules.severity, for_operator))
        transfer = rules.cross_border
        if transfer is not None and _abroad(hit, context) and collector.wants(transfer, hit.location):
            collector.add(_cross_border_finding(transfer, hit, context, rules.severity))
    for point in (point for fact in facts for point in fact.collections):
        data_type = context.taxonomy.types[point.data_type]
        if data_type.category in NOT_INVENTORIED:
            continue
        rule = rules.collection_owner(point, data_type.sensitive)
        if rule is None:
            continue
        same_line = collector.findings.get((rule.meta.id, point.location.path, point.location.line))
        if same_line is not None:
            collector.add(_with_collected_type(same_line, rule, point, context))
        elif collector.wants(rule, point.location):
            collector.add(_collection_finding(rule, point, context, rules.severity))
    notes = [note for fact in facts for note in fact.notifications]
    notes.extend(Notification(message=f"unused suppression of {rule_id}", path=path, line=line, level="warning",
                              unreadable=False) for path, line, rule_id in tracker.unused())
    return list(collector.findings.values()), notes


def _flow_finding(rule: CodeRule, hit: SinkHit, context: AnalysisContext,
                  severity: Mapping[str, Severity], in_command_line_tool: bool = False) -> Finding:
    types = sorted(hit.taint.types)
    destination = hit.host or hit.sink.vendor
    sink_step = FlowStep(location=hit.sink_at, message=f"reaches `{hit.qualified_name}` ({destination})")
    properties: dict[str, Any] = {"destination": destination, "sink": hit.qualified_name, "vendor": hit.sink.vendor}
    if hit.country:
        properties["country"] = hit.country
    return _finding(rule, hit.location, types, context, _flow_level(rule, hit, severity, in_command_line_tool),
                    {"sink": hit.qualified_name, "destination": destination}, properties,
                    flow=_dedupe_steps((*hit.taint.steps, sink_step)))


def _reported(hits: Iterable[SinkHit], urls: PlaceConstants, exempt: ExemptExceptions,
              context: AnalysisContext, linker: Linker) -> list[SinkHit]:
    """The hits that report something: placed at their host or region, seen as the API their host is, without
    hashed identifiers where a hash identifies no one, and neither an exempt exception nor test data."""
    kept = []
    for hit in hits:
        located = urls.locate(hit, context)
        if (located is None or (hit.sink.kind == "exception" and (exempt.exempts(hit.qualified_name, hit.function)
                                                                  or _contained_by_callers(hit, linker)))
                or _test_data_in_production(hit)):
            continue
        located = _matched(_at_api(located, context), context)
        if located.taint.types:
            kept.append(located)
    return kept


def _at_api(hit: SinkHit, context: AnalysisContext) -> SinkHit:
    """A request to a host the catalogue names as an API is that API's sink (TikTok's Events API: advertising)."""
    api = context.catalogue.api_sink(hit.host) if hit.sink.kind == "network" and hit.host else None
    return hit if api is None else replace(hit, sink=api, country=hit.country or api.country)


def _matched(hit: SinkHit, context: AnalysisContext) -> SinkHit:
    """The hit without the types its sink cannot carry: hashed identifiers unless the sink matches hashes to
    people (advertising platforms), and those its kind of sink does not report (a photo's URL in a log line)."""
    catalogue = context.catalogue
    dropped = set(catalogue.unreported.get(hit.sink.kind, ()))
    if hit.sink.group not in catalogue.hash_matching_groups:
        dropped.add(HASHED_IDENTIFIER)
    if not dropped & hit.taint.types:
        return hit
    return replace(hit, taint=replace(hit.taint, types=hit.taint.types - dropped))


def _key_type(key: str, context: AnalysisContext) -> str | None:
    """The personal data type a key names (``"email"``), when it names one that is not pseudonymous."""
    data_type = context.taxonomy.classify_name(key, None)
    return data_type.id if data_type is not None and data_type.id not in context.catalogue.pseudonymous else None


def _contained_by_callers(hit: SinkHit, linker: Linker) -> bool:
    """An exception raised where it is reported (not data a caller passed in) that every caller of its function
    catches and contains: ``_parse_ip(ip_str)`` raising ValueError for its callers to turn into a validation
    error or a False."""
    return (hit.sink_location is None and hit.function is not None
            and linker.caught_by_every_caller(hit.function, hit.qualified_name.rsplit(".", 1)[-1]))


def _test_data_in_production(hit: SinkHit) -> bool:
    """A flow that starts in a test module and ends in production code: test data, not a production leak."""
    steps = hit.taint.steps
    return bool(steps) and in_test_folder(steps[0].location.path) and not in_test_folder(hit.location.path)


def _flow_level(rule: CodeRule, hit: SinkHit, severity: Mapping[str, Severity], in_command_line_tool: bool) -> Severity:
    """The rule's level; a note when a request's host cannot be read (it may be the project's own), in test
    modules (their data is made up and they do not run in production) and for what a command-line tool prints,
    or a function only command-line tools call (it shows the operator who ran it the record they asked for)."""
    if rule.meta.id in severity:
        return severity[rule.meta.id]
    if ((hit.sink.kind == "network" and hit.host is None) or in_test_folder(hit.location.path)
            or (hit.sink.group == "console" and in_command_line_tool)):
        return Severity.NOTE
    return rule.meta.severity


def _abroad(hit: SinkHit, context: AnalysisContext) -> bool:
    home = context.home_region
    return home is not None and hit.country is not None and is_foreign(hit.country, home)


def _cross_border_finding(rule: CodeRule, hit: SinkHit, context: AnalysisContext,
                          severity: Mapping[str, Severity]) -> Finding:
    home = context.home_region or ""
    destination = hit.host or hit.sink.vendor
    words = {"sink": hit.qualified_name, "destination": destination, "country": hit.country or "",
             "home": home, "law": context.catalogue.regions.transfer_law.get(home, "")}
    sink_step = FlowStep(location=hit.sink_at, message=f"leaves {home} for {hit.country} through "
                                                         f"`{hit.qualified_name}` ({destination})")
    properties = {"destination": destination, "sink": hit.qualified_name, "vendor": hit.sink.vendor,
                  "country": hit.country, "homeRegion": home}
    return _finding(rule, hit.location, sorted(hit.taint.types), context,
                    severity.get(rule.meta.id, rule.meta.severity), words, properties,
                    flow=_dedupe_steps((*hit.taint.steps, sink_step)))


def _collection_finding(rule: CodeRule, point: CollectionHit, context: AnalysisContext,
                        severity: Mapping[str, Severity]) -> Finding:
    level = severity.get(rule.meta.id, rule.meta.severity)
    if in_test_folder(point.location.path):
        level = Severity.NOTE
    return _finding(rule, point.location, [point.data_type], context, level, {"source": point.detail},
                    {"origin": point.origin, "source": point.detail}, flow=())


def _with_collected_type(finding: Finding, rule: CodeRule, point: CollectionHit,
                         context: AnalysisContext) -> Finding:
    """A line's collection finding that also names another type collected on it (``nickname=payload.get(
    "nickname"), gender=payload.get("gender")``): one finding per line, every type in it."""
    if point.data_type in finding.data_categories:
        return finding
    source = f"{finding.properties['source']}, {point.detail}"
    return _finding(rule, finding.location, [*finding.data_categories, point.data_type], context, finding.severity,
                    {"source": source}, {"origin": finding.properties["origin"], "source": source}, flow=())


def _finding(rule: CodeRule, location: Location, types: list[str], context: AnalysisContext, level: Severity,
             words: dict[str, str], properties: dict[str, Any], flow: tuple[FlowStep, ...]) -> Finding:
    described = [context.taxonomy.types[type_id] for type_id in types]
    message = rule.message.format_map({**data_words([t.phrase for t in described]), "sink": "",
                                       "destination": "", "source": "", "country": "", "home": "", "law": "",
                                       **words})
    return Finding(
        rule_id=rule.meta.id,
        message=message[:1].upper() + message[1:],
        severity=level,
        location=location,
        kind=rule.meta.kind,
        data_categories=tuple(types),
        destination=properties.get("destination", ""),
        flow=flow,
        properties={"kind": rule.meta.kind, "dataCategories": types,
                    "sensitive": any(t.sensitive for t in described), **properties},
    )


def in_test_folder(path: str) -> bool:
    """Whether a display path lies in a test or fixture folder, or is a test module (``test_x.py``,
    ``x_test.py``, ``tests.py``, ``conftest.py``) or one that makes test data (``create_test_data.py``)."""
    parts = PurePosixPath(path).parts
    name = parts[-1] if parts else ""
    stem = name.removesuffix(".py")
    return (any(part in TEST_FOLDERS for part in parts[:-1]) or stem.startswith("test_")
            or stem.endswith(("_test", "_tests", "test_data", "testdata")) or stem in {"tests", "test", "conftest"})


def _dedupe_steps(steps: Iterable[FlowStep]) -> tuple[FlowStep, ...]:
    """Drop a step that repeats the one before it (same place, same words)."""
    kept: list[FlowStep] = []
    for step in steps:
        if not kept or kept[-1] != step:
            kept.append(step)
    return tuple(kept)
