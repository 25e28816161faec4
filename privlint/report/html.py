"""The data map as one offline HTML file: the flow picture drawn as inline SVG, the tables, every finding linked."""

from __future__ import annotations

import html
import os
import urllib.parse
from pathlib import Path

from privlint import __version__
from privlint.findings import Finding, Report
from privlint.report.datamap import INTRODUCTION, policy_lines
from privlint.report.formats import DEFAULT_OPTIONS, RenderOptions
from privlint.report.mapdata import Edge, Place, Table, build

CHAR_WIDTH, ROW_HEIGHT, NODE_HEIGHT, MAX_LABEL = 7.2, 56, 34, 70
STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1d1d1f;line-height:1.45}
table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}th,td{border:1px solid #d0d0d7;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f2f2f5}code,a.place{font-family:ui-monospace,monospace;font-size:.9em}
.level-error{color:#b00020;font-weight:600}.level-warning{color:#9a5b00;font-weight:600}.level-note{color:#305f8f}
svg .node rect{fill:#eef3fb;stroke:#305f8f;stroke-width:1.5}svg .node.abroad rect{fill:#fde2e2;stroke:#c0392b;
stroke-width:2}svg .edge path{fill:none;stroke:#7d8590;stroke-width:1.5}svg .edge.sensitive path{stroke:#c0392b;
stroke-width:3}svg text{font:12px system-ui,sans-serif;fill:#1d1d1f}svg .edge text{fill:#444}
"""


def render(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """A self-contained HTML page (no script, no network): picture, tables, findings and the policy's claims."""
    data_map = build(report)
    base = options.link_base
    parts = [f"<h1>Personal data map</h1>\n<p>Drafted by privlint {html.escape(__version__)} from "
             f"{data_map.files_scanned} files: {html.escape(INTRODUCTION)}</p>"]
    if data_map.edges:
        parts.append("<h2>Flows</h2>\n<figure>" + svg(data_map.edges) + "<figcaption>Destinations outside the home "
                     "region are shaded red; thick red arrows carry sensitive data.</figcaption></figure>")
    parts.extend(_table(table, base) for table in data_map.tables)
    parts.append(_findings(report.findings, base))
    for record in data_map.policies:
        items = "".join(f"<li>{html.escape(label)}: {html.escape(text)}</li>"
                        for label, text in policy_lines(record.get("claims", {})))
        parts.append(f"<h2>What the privacy policy says: {html.escape(str(record.get('path')))} "
                     f"({html.escape(str(record.get('language', '?')))})</h2>\n<ul>{items}</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            f"<title>Personal data map</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(parts) + "\n</body>\n</html>\n")


def svg(edges: tuple[Edge, ...]) -> str:
    """The flow picture: the code on the left, one box per destination on the right, each arrow labelled with
    the data it carries. Laid out in columns, so no layout engine or script is needed."""
    labels = [_short(", ".join(edge.data) + (" (sensitive)" if edge.sensitive else "")) for edge in edges]
    code_width = 110
    label_width = max(len(label) for label in labels) * CHAR_WIDTH + 40
    box_width = max(len(edge.destination) for edge in edges) * CHAR_WIDTH + 24
    left, right = 10, 10 + code_width + label_width
    height = len(edges) * ROW_HEIGHT + 20
    width = right + box_width + 10
    middle = height / 2
    shapes = [f'<g class="node code"><rect x="{left}" y="{middle - NODE_HEIGHT / 2:.0f}" width="{code_width}" '
              f'height="{NODE_HEIGHT}" rx="17"/><text x="{left + code_width / 2}" y="{middle + 4:.0f}" '
              f'text-anchor="middle">the code</text></g>']
    for index, (edge, label) in enumerate(zip(edges, labels)):
        y = 10 + index * ROW_HEIGHT + ROW_HEIGHT / 2
        start, end = left + code_width, right
        curve = (f"M{start},{middle:.0f} C{start + label_width / 2:.0f},{middle:.0f} "
                 f"{end - label_width / 2:.0f},{y:.0f} {end - 8},{y:.0f}")
        edge_class = "edge sensitive" if edge.sensitive else "edge"
        shapes.append(f'<g class="{edge_class}"><title>{html.escape(", ".join(edge.data))}</title>'
                      f'<path d="{curve}" marker-end="url(#arrow)"/>'
                      f'<text x="{end - 12:.0f}" y="{y - 6:.0f}" text-anchor="end">{html.escape(label)}</text></g>')
        node_class = "node abroad" if edge.abroad else "node"
        shapes.append(f'<g class="{node_class}"><rect x="{right}" y="{y - NODE_HEIGHT / 2:.0f}" '
                      f'width="{box_width:.0f}" height="{NODE_HEIGHT}" rx="4"/><text x="{right + 12}" '
                      f'y="{y + 4:.0f}">{html.escape(edge.destination)}</text></g>')
    marker = ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
              'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#7d8590"/></marker></defs>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="flows" role="img" aria-label="Personal data flows" '
            f'width="{width:.0f}" height="{height}" viewBox="0 0 {width:.0f} {height}">{marker}{"".join(shapes)}</svg>')


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1].rstrip(", ") + "…"


def _table(table: Table, base: Path | None) -> str:
    title = f"<h2>{html.escape(table.title)}</h2>\n"
    if not table.rows:
        return title + "<p>Nothing found.</p>"
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in table.header)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells)
                   + f"<td>{', '.join(_link(place, base) for place in places)}</td></tr>"
                   for cells, places in table.rows)
    return f"{title}<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _findings(findings: tuple[Finding, ...], base: Path | None) -> str:
    if not findings:
        return "<h2>Findings</h2>\n<p>Nothing found.</p>"
    rows = "".join(
        f"<tr><td>{_link((finding.location.path, finding.location.line), base)}</td>"
        f"<td><code>{html.escape(finding.rule_id)}</code></td>"
        f'<td class="level-{finding.severity.label}">{finding.severity.label}</td>'
        f"<td>{html.escape(finding.message)}</td></tr>"
        for finding in sorted(findings, key=lambda f: (f.location.path, f.location.line, f.rule_id)))
    return ("<h2>Findings</h2>\n<table><thead><tr><th>where</th><th>rule</th><th>level</th><th>message</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>")


def _link(place: Place, base: Path | None) -> str:
    """A link to the file, relative to the page's folder, with the line as fragment (``#L27``)."""
    path, line = place
    target = path if base is None else os.path.relpath(path, base)
    href = urllib.parse.quote(Path(target).as_posix().encode("utf-8", "surrogateescape"), safe="/") + f"#L{line}"
    return f'<a class="place" href="{html.escape(href)}">{html.escape(f"{path}:{line}")}</a>'
