"""Turns the facts of every file into findings: link flows across files, apply rules and suppressions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from privlint.code.context import AnalysisContext, SinkHit
from privlint.code.scanner import FileFacts
from privlint.code.summaries import Linker
from privlint.code.suppressions import SuppressionTracker
from privlint.findings import Finding, FlowStep, Notification, Severity
from privlint.loader import CodeRule


@dataclass(frozen=True, slots=True)
class CodeRules:
    """The enabled code rules and the per-rule severity overrides of the project."""

    rules: tuple[CodeRule, ...]
    severity: Mapping[str, Severity]

    def owner_of(self, hit: SinkHit) -> CodeRule | None:
        return next((rule for rule in self.rules if rule.owns(hit.sink)), None)


def build_findings(facts: Sequence[FileFacts], context: AnalysisContext,
                   rules: CodeRules) -> tuple[list[Finding], list[Notification]]:
    """Findings of the whole scan, one per rule and location, and the notifications of every file."""
    linker = Linker((s for fact in facts for s in fact.summaries), (c for fact in facts for c in fact.call_sites))
    hits = [hit for fact in facts for hit in fact.hits]
    hits.extend(hit for fact in facts for pending in fact.pending for hit in linker.resolve(pending))
    tracker = SuppressionTracker({fact.path: fact.suppressions for fact in facts if fact.suppressions})
    findings: dict[tuple[str, str, int], Finding] = {}
    for hit in hits:
        rule = rules.owner_of(hit)
        if rule is None:
            continue
        key = (rule.meta.id, hit.location.path, hit.location.line)
        if key in findings or tracker.suppresses(hit.location.path, rule.meta.id, hit.location.line):
            continue
        findings[key] = _finding(rule, hit, context, rules.severity)
    notes = [note for fact in facts for note in fact.notifications]
    notes.extend(Notification(message=f"unused suppression of {rule_id}", path=path, line=line, level="warning",
                              unreadable=False) for path, line, rule_id in tracker.unused())
    return list(findings.values()), notes


def _finding(rule: CodeRule, hit: SinkHit, context: AnalysisContext, severity: Mapping[str, Severity]) -> Finding:
    types = sorted(hit.taint.types)
    names = [context.taxonomy.types[type_id].name.lower() for type_id in types]
    destination = hit.host or hit.sink.vendor
    message = rule.message.format(data=", ".join(names), sink=hit.qualified_name, destination=destination)
    sink_step = FlowStep(location=hit.location, message=f"reaches `{hit.qualified_name}` ({destination})")
    properties = {
        "kind": rule.meta.kind,
        "dataCategories": types,
        "destination": destination,
        "sink": hit.qualified_name,
        "vendor": hit.sink.vendor,
        "sensitive": any(context.taxonomy.types[type_id].sensitive for type_id in types),
    }
    if hit.sink.country:
        properties["country"] = hit.sink.country
    return Finding(
        rule_id=rule.meta.id,
        message=message[:1].upper() + message[1:],
        severity=severity.get(rule.meta.id, rule.meta.severity),
        location=hit.location,
        kind=rule.meta.kind,
        data_categories=tuple(types),
        destination=destination,
        flow=_dedupe_steps((*hit.taint.steps, sink_step)),
        properties=properties,
    )


def _dedupe_steps(steps: Iterable[FlowStep]) -> tuple[FlowStep, ...]:
    """Drop a step that repeats the one before it (same place, same words)."""
    kept: list[FlowStep] = []
    for step in steps:
        if not kept or kept[-1] != step:
            kept.append(step)
    return tuple(kept)
