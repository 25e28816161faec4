"""SARIF 2.1.0 output as plain JSON objects; deterministic, so golden files compare byte for byte."""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path
from typing import Any

from privlint import __version__
from privlint.findings import Finding, FlowStep, Location, Notification, Report, RuleMeta, Severity
from privlint.packs import builtin_pack
from privlint.report.formats import DEFAULT_OPTIONS, RenderOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "SRCROOT"
RULES_DOC = f"https://github.com/privlint/privlint/blob/v{__version__}/docs/rules.md"
# GitHub code scanning sorts alerts by this score: 7.0-8.9 is "high", 4.0-6.9 "medium".
SECURITY_SEVERITY = {Severity.ERROR: "7.5", Severity.WARNING: "5.0"}
# Written for every tool and run, as the SARIF object model (sarif-om) writes them: reports stay byte for byte.
TOOL_CONTENTS = ("localizedData", "nonLocalizedData")
NEWLINE_SEQUENCES = ("\r\n", "\n")


def render(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The report as a SARIF 2.1.0 log; paths relative to ``options.srcroot`` (the repository root) become URIs
    relative to the base id SRCROOT, which ``originalUriBaseIds`` maps to that folder's file URI.

    Properties appear in the order of the SARIF object model's classes and absent ones (None) are left out."""
    rule_index = {rule.id: index for index, rule in enumerate(report.rules)}
    driver = {"name": "privlint", "contents": list(TOOL_CONTENTS),
              "rules": [_descriptor(rule) for rule in report.rules],
              "semanticVersion": __version__, "version": __version__}
    invocation = _present(
        executionSuccessful=not any(note.unreadable for note in report.notifications),
        toolExecutionNotifications=[_notification(note) for note in report.notifications] or None,
    )
    run = _present(
        tool={"driver": driver},
        columnKind="unicodeCodePoints",
        invocations=[invocation],
        newlineSequences=list(NEWLINE_SEQUENCES),
        originalUriBaseIds={SRCROOT: {"uri": folder_uri(options.srcroot)}} if options.srcroot is not None else None,
        results=[_result(finding, rule_index) for finding in report.findings],
    )
    log = {"runs": [run], "version": "2.1.0", "$schema": SCHEMA}
    return json.dumps(log, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _present(**properties: Any) -> dict[str, Any]:
    """The properties that have a value (None means absent), in the order given."""
    return {name: value for name, value in properties.items() if value is not None}


def _descriptor(rule: RuleMeta) -> dict[str, Any]:
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
    return _present(
        id=rule.id,
        defaultConfiguration={"level": rule.severity.label},
        fullDescription=_text(rule.full_description),
        help=_present(text=help_text, markdown=_help_markdown(rule)),
        helpUri=f"{RULES_DOC}#{rule.id}" if _built_in(rule) else None,
        name=rule.name,
        properties=properties,
        shortDescription=_text(rule.short_description),
    )


def _text(text: str | None) -> dict[str, Any]:
    return _present(text=text)


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


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    properties = {"kind": finding.kind, "dataCategories": list(finding.data_categories), **finding.properties}
    index = rule_index.get(finding.rule_id, -1)
    return _present(
        message={"text": finding.message},
        codeFlows=[_code_flow(finding.flow)] if finding.flow else None,
        level=finding.severity.label,
        locations=[_location(finding.location)],
        partialFingerprints={"privlintFingerprint/v1": finding.fingerprint} if finding.fingerprint else None,
        properties=properties,
        relatedLocations=[{"id": number, **_location(step.location, step.message)}
                          for number, step in enumerate(finding.related)] or None,
        ruleId=finding.rule_id,
        ruleIndex=index if index != -1 else None,
    )


def _location(location: Location, message: str | None = None) -> dict[str, Any]:
    region = _present(
        endColumn=location.end_column + 1 if location.end_column is not None else None,
        endLine=location.end_line,
        snippet={"text": location.snippet} if location.snippet else None,
        startColumn=location.column + 1,
        startLine=location.line,
    )
    return _present(
        message={"text": message} if message else None,
        physicalLocation={"artifactLocation": _artifact(location.path), "region": region},
    )


def _artifact(path: str) -> dict[str, Any]:
    """A relative path against SRCROOT; an absolute one (a file outside the repository) as a file URI."""
    if os.path.isabs(path):
        return {"uri": "file://" + path_uri(path)}
    return {"uri": path_uri(path), "uriBaseId": SRCROOT}


def folder_uri(folder: Path) -> str:
    """A folder's absolute ``file://`` URI, percent-encoded, ending in ``/`` as SARIF requires of a base."""
    return "file://" + path_uri(os.path.abspath(folder)).rstrip("/") + "/"


def path_uri(path: str) -> str:
    """A relative path as an RFC 3986 URI reference: the file system's bytes percent-encoded (``my%20file.py``,
    ``hash%23x.py``), folders separated by ``/``."""
    return urllib.parse.quote(os.fsencode(path), safe="/")


def _code_flow(steps: tuple[FlowStep, ...]) -> dict[str, Any]:
    return {"threadFlows": [{"locations": [
        {"executionOrder": order, "location": _location(step.location, step.message)}
        for order, step in enumerate(steps)
    ]}]}


def _notification(note: Notification) -> dict[str, Any]:
    location = {"physicalLocation": _present(
        artifactLocation=_artifact(note.path),
        region={"startLine": note.line} if note.line else None,
    )}
    return {"message": {"text": note.message}, "level": note.level, "locations": [location]}
