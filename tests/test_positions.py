"""The position pass: the same spans whether or not libcst's own position bookkeeping runs."""

from __future__ import annotations

import libcst as cst
from libcst._nodes.internal import CodegenState

from privlint.code.positions import _SpanState, expression_spans

SOURCE = '''\
import logging as log


def register(name: str, *args, email=None, **rest) -> None:
    value = (name
             + "x")
    log.info(f"registered {name!r} <{email}>", extra={"phone": rest["phone"]})
    return [item async for item in args] if args else (lambda x: x)(value)


class Model:
    async def save(self, *, user: "User" = None) -> None:
        await self.store[user.email](*(yield), **{"a": 1})
'''


class _LibcstBookkeeping(_SpanState):
    """The span state with libcst's own ``record_syntactic_position`` (a generator per expression)."""

    record_syntactic_position = CodegenState.record_syntactic_position


def test_spans_do_not_depend_on_libcst_position_bookkeeping():
    module = cst.parse_module(SOURCE)
    state = _LibcstBookkeeping(default_indent=module.default_indent, default_newline=module.default_newline)
    module._codegen(state)
    spans = expression_spans(module)
    assert spans == state.spans
    assert len(spans) > 40
    assert "".join(state.tokens) == SOURCE


def test_a_parenthesised_expression_starts_at_its_parenthesis():
    module = cst.parse_module(SOURCE)
    spans = expression_spans(module)
    assign = module.body[1].body.body[0].body[0]
    assert spans[assign.value] == (5, 12, 6, 19)
