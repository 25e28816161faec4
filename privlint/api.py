"""The programmatic entry point: ``scan(paths, config)`` returns a Report and never prints."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from privlint.code.discovery import discover
from privlint.config import Config
from privlint.engine import build_engine, scan_files
from privlint.fingerprints import with_fingerprints
from privlint.findings import Finding, Notification, Report


def scan(paths: Sequence[Path], config: Config, *, jobs: int | None = None) -> Report:
    """Scan Python files under ``paths`` with the rules ``config`` enables."""
    engine = build_engine(config)
    found = discover(paths, root=config.root, include=config.include, exclude=config.exclude)
    findings: list[Finding] = []
    notifications: list[Notification] = list(found.notifications)
    for result in scan_files(engine, found.files, jobs):
        findings.extend(result.findings)
        notifications.extend(result.notifications)
    return Report(
        findings=tuple(with_fingerprints(findings)),
        rules=engine.rule_metas,
        notifications=tuple(notifications),
        files_scanned=len(found.files),
    )
