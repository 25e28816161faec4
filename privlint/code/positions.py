"""Line and column of the expressions the analysis reports, from one plain code-generation pass.

libcst's PositionProvider computes ranges for every node with a context manager per node and a second
visit, which costs about twice the parse; the analysis only ever reports expressions, so this pass records
just those, with the same 1-based lines and 0-based columns. A parenthesised expression starts at its
opening parenthesis.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import ContextManager

import libcst as cst
from libcst._nodes.internal import CodegenState

Span = tuple[int, int, int, int]
_NOTHING = nullcontext()


def _concrete_subclasses(*roots: type) -> frozenset[type]:
    found: set[type] = set()
    stack = list(roots)
    while stack:
        cls = stack.pop()
        found.add(cls)
        stack.extend(cls.__subclasses__())
    return frozenset(found)


_RECORDED = _concrete_subclasses(cst.BaseExpression, cst.Param)


@dataclass
class _SpanState(CodegenState):
    line: int = 1
    column: int = 0
    spans: dict[cst.CSTNode, Span] = field(default_factory=dict)
    starts: list[tuple[int, int]] = field(default_factory=list)

    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
                                  end_node: cst.CSTNode | None = None) -> ContextManager[None]:
        """Nothing to record (the spans come from before and after codegen): a context that costs nothing,
        where libcst's own makes a generator for every token of an expression."""
        return _NOTHING

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        newlines = value.count("\n") or value.count("\r")
        if newlines:
            self.line += newlines
            self.column = len(value) - max(value.rfind("\n"), value.rfind("\r")) - 1
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        if type(node) in _RECORDED:
            self.starts.append((self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        if type(node) in _RECORDED:
            line, column = self.starts.pop()
            self.spans[node] = (line, column, self.line, self.column)


def expression_spans(module: cst.Module) -> dict[cst.CSTNode, Span]:
    """(line, column, end line, end column) of every expression and parameter of ``module``."""
    state = _SpanState(default_indent=module.default_indent, default_newline=module.default_newline)
    module._codegen(state)
    return state.spans
