"""``privlint scan -``: the text of one file read from standard input, named by ``--stdin-filename`` (editors)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from privlint.config import Config
from privlint.code.discovery import display_path
from privlint.findings import Report
from privlint.fingerprints import with_fingerprints
from privlint.report.paths import map_paths


def scan_stdin(data: bytes, filename: Path, config: Config) -> Report:
    """Findings in ``data`` as if it were the file ``filename`` (which need not exist): the text is written to a
    private temporary folder, scanned there without the cache, and its findings renamed to ``filename``."""
    from privlint import api

    name = filename.name if filename.name.endswith(".py") else f"{filename.name or 'stdin'}.py"
    shown = display_path(filename, config.root)
    with tempfile.TemporaryDirectory(prefix="privlint-stdin-") as folder:
        file = Path(folder) / name
        file.write_bytes(data)
        report = api.scan([file], replace(config, cache=False), jobs=1)
        temporary = display_path(file, config.root)
    renamed = map_paths(report, lambda path: shown if path == temporary else path)
    return replace(renamed, findings=tuple(with_fingerprints(renamed.findings)))
