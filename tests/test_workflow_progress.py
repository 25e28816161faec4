"""Progress: a status line on a terminal, silent when stderr is not a TTY or CI is set."""

from __future__ import annotations

import io

from conftest import write
from privlint import api
from privlint.config import Config
from privlint.workflow import progress

LEAK = "import logging\n\n\ndef f(user):\n    logging.info(user.email)\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_only_on_a_terminal_outside_ci():
    assert progress.wanted(Terminal(), {})
    assert not progress.wanted(Terminal(), {"CI": "true"})
    assert not progress.wanted(io.StringIO(), {})


def test_progress_line_rewrites_in_place_and_erases():
    stream, now = Terminal(), [0.0]
    line = progress.ProgressLine(stream, interval=1.0, clock=lambda: now[0])
    line(1, 0)
    line(2, 1)
    now[0] = 5.0
    line(3, 2)
    line.close()
    first = "privlint: 1 file scanned, 0 findings so far"
    third = "privlint: 3 files scanned, 2 findings so far"
    assert stream.getvalue() == f"\r{first}\r{third.ljust(len(first))}\r{' ' * len(third)}\r"


def test_api_scan_reports_files_done_and_findings_so_far(tmp_path):
    write(tmp_path, "a.py", LEAK)
    write(tmp_path, "b.py", "x = 1\n")
    calls: list[tuple[int, int]] = []
    report = api.scan([tmp_path], Config(root=tmp_path), jobs=1, progress=lambda done, hits: calls.append((done, hits)))
    assert calls == [(1, 1), (2, 1)]
    assert len(report.findings) == 1


def test_cli_draws_progress_on_a_terminal_and_not_otherwise(run_cli, tmp_path, monkeypatch):
    write(tmp_path, "app.py", LEAK)
    assert run_cli("scan", str(tmp_path))[2] == ""
    monkeypatch.setattr(progress, "wanted", lambda stream: True)
    code, out, err = run_cli("scan", "--no-cache", str(tmp_path))  # a rescan of the same files analyses nothing
    text = "privlint: 1 file scanned, 1 finding so far"
    assert code == 1 and err == f"\r{text}\r{' ' * len(text)}\r"
    assert out.endswith("privlint: 1 finding (1 warning) in 1 file\n")
    assert run_cli("scan", "--no-progress", str(tmp_path))[2] == ""
