"""Disclosures owed only for some processing: notes unless the code scan shows that processing."""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from privlint.findings import Finding, Severity
from privlint.taxonomy.taxonomy import Taxonomy

APPLIES_WHEN = {
    "sensitive-data": "sensitive",
    "children": "children",
    "automated-decisions": "profiling",
    "sale-opt-out": "profiling",
    "cross-border-transfer": "abroad",
}
PROCESSING = {
    "sensitive": "handles sensitive personal data",
    "children": "handles children's data",
    "profiling": "sends personal data to advertising or analytics",
    "abroad": "transfers personal data abroad",
}
PROFILING_RULES = frozenset({"pii-to-advertising", "pii-to-analytics"})


def as_note(finding: Finding) -> Finding:
    """A conditional disclosure's finding as the note it is without a code scan."""
    condition = APPLIES_WHEN.get(finding.properties.get("disclosure", ""))
    if condition is None or finding.severity == Severity.NOTE:
        return finding
    return replace(finding, message=finding.message + _note_suffix(condition), severity=Severity.NOTE,
                   properties={**finding.properties, "appliesWhen": condition, "severityWhenApplies":
                               finding.severity.label})


def escalated(policy: Sequence[Finding], code: Sequence[Finding], taxonomy: Taxonomy) -> list[Finding]:
    """Conditional policy notes raised back to their rule's level where the code shows the processing."""
    shown = _processing(code, taxonomy)
    out = []
    for finding in policy:
        condition = finding.properties.get("appliesWhen")
        where = shown.get(condition) if condition else None
        if where is None:
            out.append(finding)
            continue
        base = finding.message.removesuffix(_note_suffix(condition))
        out.append(replace(finding, severity=Severity.parse(finding.properties["severityWhenApplies"]),
                           message=f"{base} The code {PROCESSING[condition]} at {where}.",
                           properties={**finding.properties, "processing": where}))
    return out


def _note_suffix(condition: str) -> str:
    """What `as_note` adds to a conditional finding's message, and `escalated` takes off again."""
    return f" (a note: owed where the project {PROCESSING[condition]}, which no code scan has shown)"


def _processing(code: Sequence[Finding], taxonomy: Taxonomy) -> Mapping[str, str]:
    """The first code place (path:line) showing each kind of processing."""
    shown: dict[str, str] = {}
    for finding in sorted(code, key=lambda f: (f.location.path, f.location.line)):
        where = f"{finding.location.path}:{finding.location.line}"
        types = [taxonomy.types[t] for t in finding.data_categories if t in taxonomy.types]
        if any(t.sensitive for t in types):
            shown.setdefault("sensitive", where)
        if any(t.category == "children" for t in types):
            shown.setdefault("children", where)
        if finding.rule_id in PROFILING_RULES:
            shown.setdefault("profiling", where)
        if finding.kind == "cross-border":
            shown.setdefault("abroad", where)
    return shown
