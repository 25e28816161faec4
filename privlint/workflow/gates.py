"""Gates: which findings are reported at all, and which exit code a report earns."""

from __future__ import annotations

from dataclasses import replace

from privlint.findings import Report, Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3


def at_least(report: Report, minimum: Severity) -> Report:
    """The report without the findings below ``minimum`` (they are not reported at all)."""
    if minimum <= Severity.NOTE:
        return report
    return replace(report, findings=tuple(finding for finding in report.findings if finding.severity >= minimum))


def gate_exit_code(report: Report, fail_on: Severity | None, *, exit_zero: bool = False) -> int:
    """1 when a finding reaches ``fail_on`` (None: never) and ``exit_zero`` is off, else 0."""
    if exit_zero or fail_on is None:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(finding.severity >= fail_on for finding in report.findings) else EXIT_CLEAN
