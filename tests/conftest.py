"""Shared helpers for the test suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from privlint.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory, monkeypatch) -> Path:
    """Each test has a user cache folder of its own (``PRIVLINT_CACHE_DIR``), never the real one."""
    folder = tmp_path_factory.mktemp("user-cache") / "privlint"
    monkeypatch.setenv("PRIVLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def run_cli():
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str):
        runner = CliRunner()
        with runner.isolation() as (stdout, stderr, _):
            code = main(list(args))
        return code, stdout.getvalue().decode(), stderr.getvalue().decode()

    return run


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def sarif_of(text: str) -> dict:
    return json.loads(text)
