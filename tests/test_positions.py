"""The position pass: the same spans whether or not libcst's own position bookkeeping runs."""

from __future__ import annotations

import libcst as cst
import pytest
from libcst._nodes.internal import CodegenState
from libcst.metadata import PositionProvider

from privlint.code.positions import _recording, expression_spans

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


print(Model)
'''


_RECORDED = (cst.BaseExpression, cst.Param, cst.FunctionDef)


class _Reference(CodegenState):
    """libcst's plain code generation, placing each expression, parameter and function by the text so far."""

    def __init__(self, module: cst.Module) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.starts: list[tuple[int, int]] = []
        self.spans: dict[cst.CSTNode, tuple[int, int, int, int]] = {}

    def _here(self) -> tuple[int, int]:
        text = "".join(self.tokens)
        breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
        return breaks + 1, len(text) - max(text.rfind("\n"), text.rfind("\r")) - 1

    def before_codegen(self, node: cst.CSTNode) -> None:
        if isinstance(node, _RECORDED):
            self.starts.append(self._here())

    def after_codegen(self, node: cst.CSTNode) -> None:
        if isinstance(node, _RECORDED):
            self.spans[node] = (*self.starts.pop(), *self._here())


def _reference_spans(source: str) -> tuple[cst.Module, dict[cst.CSTNode, tuple[int, int, int, int]]]:
    module = cst.parse_module(source)
    state = _Reference(module)
    module._codegen(state)
    return module, state.spans


@pytest.mark.parametrize("source", [SOURCE, SOURCE.replace("\n", "\r\n"), SOURCE.replace("\n", "\r")])
def test_spans_are_those_of_plain_code_generation(source):
    module, expected = _reference_spans(source)
    spans = expression_spans(module)
    assert dict(spans) == expected
    assert len(spans) > 40


def test_libcst_code_generation_is_restored_after_the_pass():
    module = cst.parse_module(SOURCE)
    codegen = cst.CSTNode.__dict__["_codegen"]
    expression_spans(module)
    assert cst.CSTNode.__dict__["_codegen"] is codegen
    assert module.code == SOURCE


def test_a_parenthesised_expression_starts_at_its_parenthesis():
    module = cst.parse_module(SOURCE)
    spans = expression_spans(module)
    assign = module.body[1].body.body[0].body[0]
    assert spans[assign.value] == (5, 12, 6, 19)


def test_the_source_of_a_function_is_its_code():
    module = cst.parse_module(SOURCE)
    spans = expression_spans(module)
    function = module.body[1]
    assert spans.source(function) == module.code_for_node(function)
    assert spans.source(function).lstrip().startswith("def register(")


def test_other_code_generation_during_a_pass_is_libcst_own():
    """Another thread generating code while a pass runs gets libcst's own code generation, positions included."""
    module = cst.parse_module(SOURCE)
    expected = cst.MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    with _recording():
        assert module.code == SOURCE
        assert cst.MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider) == expected
