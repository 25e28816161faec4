"""The data map: what personal data the code collects, where it goes, which countries it reaches, and
what the policy says, as a Markdown draft of a record of processing with a Mermaid picture of the flows."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable, Mapping

from privlint import __version__
from privlint.report.formats import DEFAULT_OPTIONS, RenderOptions
from privlint.findings import Finding, Report

TRANSFER_KINDS = ("logging", "exception", "third-party", "network", "cookie", "storage", "cross-border")
MAX_PLACES = 3


def render(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The report as a Markdown data map."""
    types: Mapping[str, Mapping[str, Any]] = report.extra.get("dataTypes", {})
    code = [finding for finding in report.findings if finding.kind in ("collection", *TRANSFER_KINDS)]
    sections = [
        "# Personal data map",
        f"Drafted by privlint {__version__} from {report.files_scanned} files: a starting point for the record of "
        "processing activities (GDPR Art. 30, PIPL Art. 54-55), to be checked by someone who knows the system.",
        _collected(code, types),
        _destinations(code, types),
        _abroad(code, types),
        _picture(code, types),
        _policies(report.extra.get("policies", [])),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def _collected(findings: list[Finding], types: Mapping[str, Mapping[str, Any]]) -> str:
    places: dict[str, list[str]] = defaultdict(list)
    for finding in findings:
        if finding.kind == "collection":
            for type_id in finding.data_categories:
                places[type_id].append(_place(finding))
    rows = [[_name(type_id, types), types.get(type_id, {}).get("category", ""),
             "yes" if types.get(type_id, {}).get("sensitive") else "no", _places(places[type_id])]
            for type_id in sorted(places, key=lambda key: _name(key, types))]
    return _section("What the code collects", ["data", "category", "sensitive", "where"], rows)


def _destinations(findings: list[Finding], types: Mapping[str, Mapping[str, Any]]) -> str:
    flows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for finding in findings:
        if finding.kind in TRANSFER_KINDS and finding.kind != "cross-border":
            key = (finding.destination, finding.kind, str(finding.properties.get("country", "")))
            entry = flows.setdefault(key, {"types": set(), "places": []})
            entry["types"].update(finding.data_categories)
            entry["places"].append(_place(finding))
    rows = [[destination, kind, country or "-", _names(entry["types"], types), _places(entry["places"])]
            for (destination, kind, country), entry in sorted(flows.items())]
    return _section("Where it goes", ["destination", "kind", "country", "data", "where"], rows)


def _abroad(findings: list[Finding], types: Mapping[str, Mapping[str, Any]]) -> str:
    transfers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for finding in findings:
        if finding.kind == "cross-border":
            transfers[(str(finding.properties.get("country", "")), finding.destination)].update(finding.data_categories)
    rows = [[country, destination, _names(data, types)] for (country, destination), data in sorted(transfers.items())]
    return _section("Transfers out of the home region", ["country", "destination", "data"], rows)


def _picture(findings: list[Finding], types: Mapping[str, Mapping[str, Any]]) -> str:
    edges: set[tuple[str, str]] = set()
    for finding in findings:
        if finding.kind in TRANSFER_KINDS and finding.kind != "cross-border":
            country = finding.properties.get("country")
            target = f"{finding.destination} ({country})" if country else finding.destination
            edges.update((_name(type_id, types), target) for type_id in finding.data_categories)
    if not edges:
        return ""
    lines = ["```mermaid", "flowchart LR"]
    lines.extend(f'  {_node(source)}["{_label(source)}"] --> {_node(target)}["{_label(target)}"]'
                 for source, target in sorted(edges))
    lines.append("```")
    return "## Flows\n\n" + "\n".join(lines)


def _policies(records: Iterable[Mapping[str, Any]]) -> str:
    parts = []
    for record in records:
        claims = record.get("claims", {})
        lines = [f"### {record.get('path')} ({record.get('language', '?')})", ""]
        for label, key in (("Data it says it collects", "data_categories"), ("Recipients it names", "recipients"),
                           ("Countries it names", "countries")):
            lines.append(f"- {label}: {', '.join(claims.get(key, [])) or 'none'}")
        denials = [f"\"{claim['text']}\" (line {claim['line']})" for claim in claims.get("negative_claims", [])]
        lines.append(f"- What it denies: {'; '.join(denials) or 'nothing'}")
        parts.append("\n".join(lines))
    return "## What the privacy policy says\n\n" + "\n\n".join(parts) if parts else ""


def _section(title: str, header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return f"## {title}\n\nNothing found."
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows)
    return f"## {title}\n\n" + "\n".join(lines)


def _place(finding: Finding) -> str:
    return f"`{finding.location.path}:{finding.location.line}`"


def _places(places: list[str]) -> str:
    unique = list(dict.fromkeys(places))
    more = f" and {len(unique) - MAX_PLACES} more" if len(unique) > MAX_PLACES else ""
    return ", ".join(unique[:MAX_PLACES]) + more


def _name(type_id: str, types: Mapping[str, Mapping[str, Any]]) -> str:
    return str(types.get(type_id, {}).get("name", type_id))


def _names(type_ids: Iterable[str], types: Mapping[str, Mapping[str, Any]]) -> str:
    return ", ".join(sorted(_name(type_id, types) for type_id in type_ids))


def _label(text: str) -> str:
    return text.replace('"', "'")


def _node(label: str) -> str:
    return "n_" + re.sub(r"\W+", "_", label.lower()).strip("_")
