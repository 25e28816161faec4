"""SARIF 2.1.0 output built with sarif-om; deterministic, so golden files compare byte for byte."""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path
from typing import Any

import attr
import sarif_om as sarif

from privlint import __version__
from privlint.findings import Finding, FlowStep, Location, Notification, Report, RuleMeta, Severity
from privlint.loader import builtin_pack
from privlint.report.formats import DEFAULT_OPTIONS, RenderOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "SRCROOT"
RULES_DOC = f"https://github.com/privlint/privlint/blob/v{__version__}/docs/rules.md"
# GitHub code scanning sorts alerts by this score: 7.0-8.9 is "high", 4.0-6.9 "medium".
SECURITY_SEVERITY = {Severity.ERROR: "7.5", Severity.WARNING: "5.0"}
_ALWAYS_KEPT = frozenset({"level"})


def render(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The report as a SARIF 2.1.0 log; paths relative to ``options.srcroot`` (the repository root) become URIs
    relative to the base id SRCROOT, which ``originalUriBaseIds`` maps to that folder's file URI."""
    rule_index = {rule.id: index for index, rule in enumerate(report.rules)}
    run = sarif.Run(
        tool=sarif.Tool(driver=sarif.ToolComponent(
            name="privlint", version=__version__, semantic_version=__version__,
            rules=[_descriptor(rule) for rule in report.rules],
        )),
        original_uri_base_ids={SRCROOT: sarif.ArtifactLocation(uri=folder_uri(options.srcroot))}
        if options.srcroot is not None else None,
        column_kind="unicodeCodePoints",
        results=[_result(finding, rule_index) for finding in report.findings],
        invocations=[sarif.Invocation(
            execution_successful=not any(note.unreadable for note in report.notifications),
            tool_execution_notifications=[_notification(note) for note in report.notifications] or None,
        )],
    )
    log = sarif.SarifLog(version="2.1.0", schema_uri=SCHEMA, runs=[run])
    return json.dumps(_to_json(log), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _descriptor(rule: RuleMeta) -> sarif.ReportingDescriptor:
    help_text = "\n\n".join(part for part in (rule.docs.why, _labelled("Example", rule.docs.example),
                                              _labelled("Use instead", rule.docs.instead),
                                              _labelled("References", "; ".join(rule.references))) if part)
    properties: dict[str, Any] = {"tags": list(rule.tags), "precision": rule.confidence.value, "kind": rule.kind}
    if rule.regime:
        properties["regime"] = rule.regime
    if rule.references:
        properties["references"] = list(rule.references)
    if rule.severity in SECURITY_SEVERITY:
        properties["security-severity"] = SECURITY_SEVERITY[rule.severity]
    return sarif.ReportingDescriptor(
        id=rule.id, name=rule.name,
        short_description=sarif.MultiformatMessageString(text=rule.short_description),
        full_description=sarif.MultiformatMessageString(text=rule.full_description),
        help=sarif.MultiformatMessageString(text=help_text, markdown=_help_markdown(rule)),
        help_uri=f"{RULES_DOC}#{rule.id}" if _built_in(rule) else None,
        default_configuration=sarif.ReportingConfiguration(level=rule.severity.label),
        properties=properties,
    )


def _help_markdown(rule: RuleMeta) -> str:
    """The rule's documentation as Markdown: why, the example and what to use instead as code, references."""
    parts = [" ".join(rule.docs.why.split()) or rule.full_description]
    for title, text in (("Example", rule.docs.example), ("Use instead", rule.docs.instead)):
        if text.strip():
            parts.append(f"**{title}:**\n\n```python\n{text.strip()}\n```" if rule.regime is None
                         else f"**{title}:** {' '.join(text.split())}")
    if rule.references:
        parts.append("**References:** " + "; ".join(rule.references))
    return "\n\n".join(parts)


def _built_in(rule: RuleMeta) -> bool:
    """Whether the rule ships with privlint, so that docs/rules.md has a section for it."""
    if not rule.source_path:
        return False
    try:
        Path(rule.source_path).resolve().relative_to(builtin_pack().resolve())
    except (ValueError, OSError):
        return False
    return True


def _labelled(label: str, text: str) -> str:
    return f"{label}: {text.strip()}" if text.strip() else ""


def _result(finding: Finding, rule_index: dict[str, int]) -> sarif.Result:
    properties = {"kind": finding.kind, "dataCategories": list(finding.data_categories), **finding.properties}
    return sarif.Result(
        rule_id=finding.rule_id,
        rule_index=rule_index.get(finding.rule_id, -1),
        level=finding.severity.label,
        message=sarif.Message(text=finding.message),
        locations=[_location(finding.location)],
        partial_fingerprints={"privlintFingerprint/v1": finding.fingerprint} if finding.fingerprint else None,
        code_flows=[_code_flow(finding.flow)] if finding.flow else None,
        properties=properties,
    )


def _location(location: Location, message: str | None = None) -> sarif.Location:
    region = sarif.Region(
        start_line=location.line,
        start_column=location.column + 1,
        end_line=location.end_line,
        end_column=location.end_column + 1 if location.end_column is not None else None,
        snippet=sarif.ArtifactContent(text=location.snippet) if location.snippet else None,
    )
    return sarif.Location(
        physical_location=sarif.PhysicalLocation(
            artifact_location=_artifact(location.path),
            region=region,
        ),
        message=sarif.Message(text=message) if message else None,
    )


def _artifact(path: str) -> sarif.ArtifactLocation:
    """A relative path against SRCROOT; an absolute one (a file outside the repository) as a file URI."""
    if os.path.isabs(path):
        return sarif.ArtifactLocation(uri="file://" + path_uri(path))
    return sarif.ArtifactLocation(uri=path_uri(path), uri_base_id=SRCROOT)


def folder_uri(folder: Path) -> str:
    """A folder's absolute ``file://`` URI, percent-encoded, ending in ``/`` as SARIF requires of a base."""
    return "file://" + path_uri(os.path.abspath(folder)).rstrip("/") + "/"


def path_uri(path: str) -> str:
    """A relative path as an RFC 3986 URI reference: the file system's bytes percent-encoded (``my%20file.py``,
    ``hash%23x.py``), folders separated by ``/``."""
    return urllib.parse.quote(os.fsencode(path), safe="/")


def _code_flow(steps: tuple[FlowStep, ...]) -> sarif.CodeFlow:
    return sarif.CodeFlow(thread_flows=[sarif.ThreadFlow(locations=[
        sarif.ThreadFlowLocation(location=_location(step.location, step.message), execution_order=order)
        for order, step in enumerate(steps)
    ])])


def _notification(note: Notification) -> sarif.Notification:
    location = sarif.Location(physical_location=sarif.PhysicalLocation(
        artifact_location=_artifact(note.path),
        region=sarif.Region(start_line=note.line) if note.line else None,
    ))
    return sarif.Notification(message=sarif.Message(text=note.message), level=note.level, locations=[location])


def _to_json(value: Any) -> Any:
    """sarif-om attrs objects to plain JSON, named as the schema names them, defaults left out."""
    if attr.has(type(value)):
        result = {}
        for field in attr.fields(type(value)):
            item = getattr(value, field.name)
            if item is None or (item == field.default and field.name not in _ALWAYS_KEPT):
                continue
            result[field.metadata.get("schema_property_name", field.name)] = _to_json(item)
        return result
    if isinstance(value, (list, tuple)):
        return [_to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: _to_json(item) for key, item in value.items()}
    return value
