"""Baselines: today's findings recorded by fingerprint, so that a gate fails only on new ones."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from privlint.errors import ConfigError
from privlint.findings import Finding, Report
from privlint.safe_io import read_regular

VERSION = 1
MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One recorded finding; ``reason`` is the team's note on why it is accepted."""

    fingerprint: str
    rule_id: str
    path: str
    line: int
    message: str
    reason: str = ""


def entries_for(findings: Iterable[Finding], previous: Iterable[Entry] = ()) -> list[Entry]:
    """Entries for ``findings``, keeping the reason of any previous entry with the same fingerprint."""
    reasons = {entry.fingerprint: entry.reason for entry in previous if entry.reason}
    entries = [Entry(fingerprint=f.fingerprint, rule_id=f.rule_id, path=f.location.path, line=f.location.line,
                     message=f.message, reason=reasons.get(f.fingerprint, "")) for f in findings]
    return sorted(entries, key=lambda entry: (entry.path, entry.line, entry.rule_id, entry.fingerprint))


def render(entries: Iterable[Entry]) -> str:
    """The baseline file: stable order, one object per finding, ``reason`` only where one was given."""
    records = []
    for entry in entries:
        record: dict[str, Any] = {"fingerprint": entry.fingerprint, "ruleId": entry.rule_id, "path": entry.path,
                                  "line": entry.line, "message": entry.message}
        if entry.reason:
            record["reason"] = entry.reason
        records.append(record)
    return json.dumps({"version": VERSION, "findings": records}, indent=2, ensure_ascii=False) + "\n"


def read(path: Path) -> list[Entry]:
    """The entries of a baseline file; a ConfigError naming the file when it is missing or malformed."""
    try:
        document = json.loads(read_regular(path, limit=MAX_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError("baseline file not found (create it with `privlint baseline FILE`)", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read baseline: {error.strerror if isinstance(error, OSError) else error}",
                          path=str(path)) from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"invalid baseline JSON: {error.msg}", path=str(path), line=error.lineno) from None
    except RecursionError:
        raise ConfigError("invalid baseline JSON: nested too deeply", path=str(path)) from None
    records = document.get("findings") if isinstance(document, dict) else None
    if not isinstance(records, list):
        raise ConfigError("a baseline must be a JSON object with a 'findings' list", path=str(path))
    try:
        return [Entry(fingerprint=str(record["fingerprint"]), rule_id=str(record.get("ruleId", "")),
                      path=str(record.get("path", "")), line=int(record.get("line", 0)),
                      message=str(record.get("message", "")), reason=str(record.get("reason", "")))
                for record in records]
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        raise ConfigError("every baseline entry needs a 'fingerprint' (and a numeric 'line')", path=str(path)) from None


def new_findings(report: Report, entries: Iterable[Entry]) -> Report:
    """The report without the findings the baseline records."""
    known = {entry.fingerprint for entry in entries}
    return replace(report, findings=tuple(finding for finding in report.findings if finding.fingerprint not in known))


def fixed_entries(report: Report, entries: Iterable[Entry]) -> list[Entry]:
    """Baseline entries that no finding of ``report`` matches any more."""
    found = {finding.fingerprint for finding in report.findings}
    return [entry for entry in entries if entry.fingerprint not in found]
