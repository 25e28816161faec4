"""The data map: what personal data the code collects, where it goes, which countries it reaches, and
what the policy says, as a Markdown draft of a record of processing with a Mermaid picture of the flows."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from privlint import __version__
from privlint.findings import Report
from privlint.report.formats import DEFAULT_OPTIONS, RenderOptions
from privlint.report.mapdata import Edge, Place, Table, build

MAX_PLACES = 3
INTRODUCTION = ("a starting point for the record of processing activities (GDPR Art. 30, PIPL Art. 54-55), to be "
                "checked by someone who knows the system.")


def render(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The report as a Markdown data map."""
    data_map = build(report)
    sections = [
        "# Personal data map",
        f"Drafted by privlint {__version__} from {data_map.files_scanned} files: {INTRODUCTION}",
        *(_section(table) for table in data_map.tables),
        _picture(data_map.edges),
        _policies(data_map.policies),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def _picture(edges: tuple[Edge, ...]) -> str:
    """A Mermaid flowchart from the code to each destination, edges labelled with the data; destinations abroad
    and edges carrying sensitive data styled apart."""
    if not edges:
        return ""
    lines = ["```mermaid", "flowchart LR", '  code(["the code"])']
    for edge in edges:
        label = _label(", ".join(edge.data) + (" (sensitive)" if edge.sensitive else ""))
        style = ":::abroad" if edge.abroad else ""
        lines.append(f'  code -- "{label}" --> {mermaid_node(edge.destination)}["{_label(edge.destination)}"]{style}')
    lines.append("  classDef abroad fill:#fde2e2,stroke:#c0392b,stroke-width:2px")
    sensitive = [str(index) for index, edge in enumerate(edges) if edge.sensitive]
    if sensitive:
        lines.append(f"  linkStyle {','.join(sensitive)} stroke:#c0392b,stroke-width:3px")
    lines.append("```")
    legend = "Destinations outside the home region are shaded red; thick red arrows carry sensitive data."
    return "## Flows\n\n" + "\n".join(lines) + "\n\n" + legend


def _policies(records: Iterable[Mapping[str, Any]]) -> str:
    parts = []
    for record in records:
        claims = record.get("claims", {})
        lines = [f"### {record.get('path')} ({record.get('language', '?')})", ""]
        lines.extend(f"- {label}: {text}" for label, text in policy_lines(claims))
        parts.append("\n".join(lines))
    return "## What the privacy policy says\n\n" + "\n\n".join(parts) if parts else ""


def policy_lines(claims: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What a policy says it collects, names and denies, as (label, text) pairs."""
    lines = [(label, ", ".join(claims.get(key, [])) or "none")
             for label, key in (("Data it says it collects", "data_categories"), ("Recipients it names", "recipients"),
                                ("Countries it names", "countries"))]
    denials = [f"\"{claim['text']}\" (line {claim['line']})" for claim in claims.get("negative_claims", [])]
    lines.append(("What it denies", "; ".join(denials) or "nothing"))
    return lines


def _section(table: Table) -> str:
    if not table.rows:
        return f"## {table.title}\n\nNothing found."
    lines = ["| " + " | ".join(table.header) + " |", "| " + " | ".join("---" for _ in table.header) + " |"]
    lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in (*cells, _places(places))) + " |"
                 for cells, places in table.rows)
    return f"## {table.title}\n\n" + "\n".join(lines)


def _places(places: tuple[Place, ...]) -> str:
    more = f" and {len(places) - MAX_PLACES} more" if len(places) > MAX_PLACES else ""
    return ", ".join(f"`{path}:{line}`" for path, line in places[:MAX_PLACES]) + more


def _label(text: str) -> str:
    return text.replace('"', "'")


def mermaid_node(label: str) -> str:
    """A Mermaid node id for a label."""
    return "n_" + re.sub(r"\W+", "_", label.lower()).strip("_")
