"""Human-readable output: one line per finding with its data and destination, then a summary."""

from __future__ import annotations

from collections import Counter

from privlint.report.formats import DEFAULT_OPTIONS, RenderOptions
from privlint.findings import Finding, Report


def render(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """``path:line:col: rule-id message`` lines and a one-line summary (notifications go to stderr)."""
    lines = [_finding_line(finding) for finding in report.findings]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _finding_line(finding: Finding) -> str:
    where = f"{finding.location.path}:{finding.location.line}:{finding.location.column + 1}"
    details = []
    if finding.data_categories:
        details.append(f"data: {', '.join(finding.data_categories)}")
    if finding.destination:
        details.append(f"to: {finding.destination}")
    suffix = f" [{'; '.join(details)}]" if details else ""
    return f"{where}: {finding.rule_id} ({finding.severity.label}) {finding.message}{suffix}"


def _summary(report: Report) -> str:
    if not report.findings:
        counts = "no findings"
    else:
        by_level = Counter(finding.severity.label for finding in report.findings)
        parts = [f"{by_level[level]} {level}" for level in ("error", "warning", "note") if by_level[level]]
        counts = f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} ({', '.join(parts)})"
    unread = sum(1 for note in report.notifications if note.unreadable)
    tail = f", {unread} file{'s' if unread != 1 else ''} not analysed" if unread else ""
    return f"privlint: {counts} in {report.files_scanned} file{'s' if report.files_scanned != 1 else ''}{tail}"
