"""The programmatic entry point: ``scan(paths, config)`` returns a Report and never prints."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from privlint.code.discovery import discover
from privlint.code.results import build_findings
from privlint.config import Config
from privlint.engine import build_engine, project_roots, scan_files
from privlint.fingerprints import with_fingerprints
from privlint.findings import Report


def scan(paths: Sequence[Path], config: Config, *, jobs: int | None = None) -> Report:
    """Scan Python files under ``paths`` with the rules ``config`` enables."""
    found = discover(paths, root=config.root, include=config.include, exclude=config.exclude)
    engine = build_engine(config, project_roots(found.files, config.root))
    facts = list(scan_files(engine, found.files, jobs))
    findings, notifications = build_findings(facts, engine.context, engine.rules)
    return Report(
        findings=tuple(with_fingerprints(findings)),
        rules=engine.rule_metas,
        notifications=(*found.notifications, *notifications),
        files_scanned=len(found.files),
    )
