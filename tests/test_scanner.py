"""Scanning one file: no garbage collection while its tree is alive, no re-check of the parser's nodes."""

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


SOURCES = [
    LEAK,
    "async def f(a, /, b=(1, 2), *c, d: int = 3, **e) -> None:\n    return [x async for x in a if (y := x)]\n",
    "class A(B, metaclass=M):\n    @property\n    def v(self):\n        with open('f') as g, h:\n            pass\n",
    "x = f'{a!r:>{w}} {b}' + rb'\\x00' ; del x[1:2, ::3]\n",
    "match p:\n    case {'k': [1, *rest]} | Point(x=0) if rest:\n        pass\n",
]


@pytest.mark.parametrize("source", SOURCES)
def test_parsing_without_node_checks_builds_the_same_tree(source):
    import libcst as cst

    parsed = analysis.parse_module(source, "app.py")
    assert parsed.deep_equals(cst.parse_module(source))
    assert parsed.code == source


def test_node_checks_are_back_after_parsing_even_a_bad_file():
    import libcst as cst
    from libcst._nodes.base import CSTNode

    check = CSTNode.__dict__["__post_init__"]
    note = analysis.parse_module("def f(:\n", "bad.py")
    assert "syntax error" in note.message
    assert CSTNode.__dict__["__post_init__"] is check
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")
