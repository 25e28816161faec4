"""``--select``: which rules a run reports, by rule id (globs allowed) or by kind (``policy``, ``consistency``)."""

from __future__ import annotations

import fnmatch
from dataclasses import replace
from typing import Sequence

from privlint.errors import ConfigError
from privlint.findings import Report, RuleMeta


def parse_selection(text: str | None) -> tuple[str, ...]:
    """The comma-separated entries of a ``--select`` value (empty: everything)."""
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def selected(report: Report, entries: Sequence[str], known: Sequence[RuleMeta]) -> Report:
    """The report with only the findings of rules an entry names (by id or id glob, or by kind). An entry that
    names none of the ``known`` rules is a usage error, so that a typo cannot empty a gate."""
    if not entries:
        return report
    for entry in entries:
        if not any(_matches(entry, rule.id, rule.kind) for rule in (*known, *report.rules)):
            raise ConfigError(f"--select: {entry!r} names no rule id or kind (`privlint rules` lists them)")
    return replace(report, findings=tuple(finding for finding in report.findings
                                          if any(_matches(entry, finding.rule_id, finding.kind)
                                                 for entry in entries)))


def _matches(entry: str, rule_id: str, kind: str) -> bool:
    return entry == kind or fnmatch.fnmatchcase(rule_id, entry)
