"""Scanning one file: the cyclic garbage collector rests while libcst's tree of the file is alive."""

from __future__ import annotations

import gc

import pytest

from conftest import write
from privlint.code import analysis
from privlint.config import Config
from privlint.engine import build_engine

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n"


@pytest.fixture(scope="module")
def engine():
    return build_engine(Config())


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_rests_during_the_analysis_and_is_left_as_it_was(engine, tmp_path, monkeypatch, enabled):
    seen = []
    real = analysis.analyse

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis, "analyse", watched)
    path = write(tmp_path, "app.py", LEAK)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        facts = engine.scan(path)
        after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]
    assert after is enabled
    assert [hit.sink.kind for hit in facts.hits] == ["logging"]


def test_collector_is_back_when_the_analysis_fails(engine, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(analysis, "analyse", broken)
    facts = engine.scan(write(tmp_path, "app.py", LEAK))
    assert gc.isenabled()
    assert "internal error" in facts.notifications[0].message
