"""Scans one Python file: read, parse once, walk the flow, and turn sink hits into findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from privlint.code.context import AnalysisContext, SinkHit
from privlint.code.imports import module_name
from privlint.code.source_file import parse_module, read_source
from privlint.code.statements import StatementWalker
from privlint.code.suppressions import find_suppressions, is_suppressed, unused
from privlint.findings import Finding, FlowStep, Notification, Severity
from privlint.loader import CodeRule


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file produced; small, so that it crosses process boundaries cheaply."""

    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]


@dataclass(frozen=True, slots=True)
class CodeRules:
    """The enabled code rules and the per-rule severity overrides of the project."""

    rules: tuple[CodeRule, ...]
    severity: Mapping[str, Severity]

    def owner_of(self, hit: SinkHit) -> CodeRule | None:
        return next((rule for rule in self.rules if rule.owns(hit.sink)), None)


def scan_file(path: Path, display: str, context: AnalysisContext, rules: CodeRules) -> FileResult:
    """All findings and notifications of one file; never raises for bad input."""
    source = read_source(path, display)
    if source.text is None:
        return FileResult((), (source.notification,) if source.notification else ())
    parsed = parse_module(source.text, display)
    if isinstance(parsed, Notification):
        return FileResult((), (parsed,))
    hits = analyse(parsed, source.text, display, context)
    return _to_findings(hits, source.text, display, context, rules)


def analyse(module: cst.Module, text: str, display: str, context: AnalysisContext) -> list[SinkHit]:
    """Run the flow analysis over a parsed module; one MetadataWrapper, one walk."""
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    walker = StatementWalker(context, module_name=module_name(display), path=display,
                             positions=positions, lines=text.splitlines())
    walker.walk_module(wrapper.module)
    return walker.hits


def _to_findings(hits: Sequence[SinkHit], text: str, display: str, context: AnalysisContext,
                 rules: CodeRules) -> FileResult:
    suppressions = find_suppressions(text)
    findings: dict[tuple[str, int, int], Finding] = {}
    for hit in hits:
        rule = rules.owner_of(hit)
        if rule is None or is_suppressed(suppressions, rule.meta.id, hit.location.line):
            continue
        key = (rule.meta.id, hit.location.line, hit.location.column)
        if key not in findings:
            findings[key] = _finding(rule, hit, context, rules.severity)
    notes = tuple(
        Notification(message=f"unused suppression of {rule_id}", path=display, line=line, level="warning",
                     unreadable=False)
        for line, rule_id in unused(suppressions)
    )
    return FileResult(tuple(findings.values()), notes)


def _finding(rule: CodeRule, hit: SinkHit, context: AnalysisContext, severity: Mapping[str, Severity]) -> Finding:
    types = sorted(hit.taint.types)
    names = [context.taxonomy.types[type_id].name.lower() for type_id in types]
    sensitive = any(context.taxonomy.types[type_id].sensitive for type_id in types)
    destination = hit.host or hit.sink.vendor
    message = rule.message.format(data=", ".join(names), sink=hit.qualified_name, destination=destination)
    message = message[:1].upper() + message[1:]
    sink_step = FlowStep(location=hit.location, message=f"reaches `{hit.qualified_name}` ({destination})")
    properties = {
        "kind": rule.meta.kind,
        "dataCategories": types,
        "destination": destination,
        "sink": hit.qualified_name,
        "vendor": hit.sink.vendor,
        "sensitive": sensitive,
    }
    if hit.sink.country:
        properties["country"] = hit.sink.country
    return Finding(
        rule_id=rule.meta.id,
        message=message,
        severity=severity.get(rule.meta.id, rule.meta.severity),
        location=hit.location,
        kind=rule.meta.kind,
        data_categories=tuple(types),
        destination=destination,
        flow=(*hit.taint.steps, sink_step),
        properties=properties,
    )
