"""Human-readable output: findings grouped by file, each line's code shown once, and a one-line summary."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import Iterable

from privlint.findings import Finding, FlowStep, Report, Severity
from privlint.report.formats import DEFAULT_OPTIONS, RenderOptions

INVENTORY_KINDS = frozenset({"collection", "storage"})
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.NOTE: "36"}


def render(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """``path:line:col: rule-id (level) message`` lines grouped by file, the code line under the findings on
    it, then the summary. Inventory notes (collection and storage) are counted in one line unless
    ``options.verbose``; notifications go to standard error, not here."""
    listed = [finding for finding in report.findings if options.verbose or not is_inventory(finding)]
    blocks = []
    ordered = sorted(listed, key=lambda f: (f.location.path, f.location.line, f.location.column, f.rule_id))
    for _, in_file in groupby(ordered, key=lambda finding: finding.location.path):
        lines: list[str] = []
        for line, on_line in groupby(in_file, key=lambda finding: finding.location.line):
            group = list(on_line)
            for finding in group:
                lines.append(_finding_line(finding, options.color))
                lines.extend(_related_line(step) for step in finding.related)
            lines.extend(_snippet(line, group))
        blocks.append("\n".join(lines))
    tail = [_inventory_line(report.findings)] if not options.verbose else []
    tail.append(summary(report, options.hidden_by_baseline))
    body = "\n\n".join(blocks)
    return (body + "\n\n" if body else "") + "\n".join(line for line in tail if line) + "\n"


def is_inventory(finding: Finding) -> bool:
    """A note that records where personal data is collected or stored: the inventory, not a problem."""
    return finding.severity == Severity.NOTE and finding.kind in INVENTORY_KINDS


def _finding_line(finding: Finding, colour: bool) -> str:
    where = f"{finding.location.path}:{finding.location.line}:{finding.location.column + 1}"
    details = []
    if finding.data_categories:
        details.append(f"data: {', '.join(finding.data_categories)}")
    if finding.destination:
        details.append(f"to: {finding.destination}")
    suffix = f" [{'; '.join(details)}]" if details else ""
    rule = f"{finding.rule_id} ({finding.severity.label})"
    if colour:
        where = f"\x1b[1m{where}\x1b[0m"
        rule = f"\x1b[{_COLOURS[finding.severity]}m{rule}\x1b[0m"
    return f"{where}: {rule} {finding.message}{suffix}"


def _related_line(step: FlowStep) -> str:
    """The other side of a finding that holds code against policy: ``  see PRIVACY.md:12: the policy's ...``."""
    return f"    see {step.location.path}:{step.location.line}: {step.message}"


def _snippet(line: int, findings: list[Finding]) -> list[str]:
    text = next((finding.location.snippet for finding in findings if finding.location.snippet), "")
    first = text.splitlines()[0].rstrip() if text.strip() else ""
    return [f"  {line:>5} | {first}"] if first else []


def _inventory_line(findings: Iterable[Finding]) -> str:
    counted = Counter(finding.rule_id for finding in findings if is_inventory(finding))
    if not counted:
        return ""
    total = sum(counted.values())
    parts = ", ".join(f"{rule_id} {count}" for rule_id, count in sorted(counted.items()))
    return (f"privlint: {total} inventory note{'s' if total != 1 else ''} not listed ({parts}); "
            f"-v or --min-severity note lists them")


def summary(report: Report, hidden_by_baseline: int = 0) -> str:
    """``privlint: N findings (x errors, y warnings) in M files``, with what a baseline hid and what was unread."""
    if not report.findings:
        counts = "no findings"
    else:
        by_level = Counter(finding.severity.label for finding in report.findings)
        parts = [_count(by_level[level], level) for level in ("error", "warning", "note") if by_level[level]]
        counts = f"{_count(len(report.findings), 'finding')} ({', '.join(parts)})"
    unread = sum(1 for note in report.notifications if note.unreadable)
    tail = f", {_count(unread, 'file')} not analysed" if unread else ""
    if hidden_by_baseline:
        tail += f", {hidden_by_baseline} hidden by the baseline"
    return f"privlint: {counts} in {_count(report.files_scanned, 'file')}{tail}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"
