"""Line and column of the expressions the analysis reports, from one plain code-generation pass.

libcst's PositionProvider computes ranges for every node with a context manager per node and a second
visit, which costs about twice the parse; the analysis only ever reports expressions, so this pass records
just those, with the same 1-based lines and 0-based columns. A parenthesised expression starts at its
opening parenthesis.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, ContextManager, Iterator, Mapping

import libcst as cst
from libcst._nodes.expression import _BaseParenthesizedNode
from libcst._nodes.internal import CodegenState

Span = tuple[int, int, int, int]
_NOTHING = nullcontext()
_NEWLINE = re.compile("\n")


def _concrete_subclasses(*roots: type) -> frozenset[type]:
    found: set[type] = set()
    stack = list(roots)
    while stack:
        cls = stack.pop()
        found.add(cls)
        stack.extend(cls.__subclasses__())
    return frozenset(found)


_RECORDED = _concrete_subclasses(cst.BaseExpression, cst.Param, cst.FunctionDef)


@dataclass
class _SpanState(CodegenState):
    """Code generation that keeps every token and, for each recorded node, the tokens it spans."""

    bounds: dict[cst.CSTNode, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.add_token = self.tokens.append  # type: ignore[method-assign]  # no Python call per token

    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
                                  end_node: cst.CSTNode | None = None) -> ContextManager[None]:
        """Nothing to record (the spans come from the tokens around codegen): a context that costs nothing."""
        return _NOTHING


class _Parenthesized:
    """libcst's ``_parenthesize`` (a generator-based context manager, made for every expression) as a class."""

    __slots__ = ("node", "state")

    def __init__(self, node: _BaseParenthesizedNode, state: CodegenState) -> None:
        self.node = node
        self.state = state

    def __enter__(self) -> None:
        for lpar in self.node.lpar:
            lpar._codegen(self.state)

    def __exit__(self, *exception: object) -> None:
        if exception[0] is None:
            for rpar in self.node.rpar:
                rpar._codegen(self.state)


# libcst's own, restored after each pass and used meanwhile for any other code generation (another thread's).
_CODEGEN = cst.CSTNode.__dict__["_codegen"]
_PARENTHESIZE = _BaseParenthesizedNode.__dict__["_parenthesize"]
_PASS = threading.Lock()


def _parenthesized(self: _BaseParenthesizedNode, state: CodegenState) -> ContextManager[None]:
    if type(state) is not _SpanState:
        return _PARENTHESIZE(self, state)  # type: ignore[no-any-return]
    return _Parenthesized(self, state)


def _recording_codegen(self: cst.CSTNode, state: CodegenState, **kwargs: Any) -> None:
    """``CSTNode._codegen`` noting the tokens of recorded nodes, without a method call before and after each."""
    if type(state) is not _SpanState:
        _CODEGEN(self, state, **kwargs)
    elif type(self) in _RECORDED:
        start = len(state.tokens)
        self._codegen_impl(state, **kwargs)
        state.bounds[self] = (start, len(state.tokens))
    else:
        self._codegen_impl(state, **kwargs)


@contextmanager
def _recording() -> Iterator[None]:
    """libcst's code generation, recording spans, for the duration of one pass (one at a time; restored even
    on errors)."""
    with _PASS:
        cst.CSTNode._codegen = _recording_codegen  # type: ignore[method-assign,assignment]
        _BaseParenthesizedNode._parenthesize = _parenthesized  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            cst.CSTNode._codegen = _CODEGEN  # type: ignore[method-assign]
            _BaseParenthesizedNode._parenthesize = _PARENTHESIZE  # type: ignore[method-assign]


class Spans(Mapping[cst.CSTNode, Span]):
    """(line, column, end line, end column) by node, worked out from token offsets when a node is looked up."""

    def __init__(self, tokens: list[str], bounds: dict[cst.CSTNode, tuple[int, int]]) -> None:
        self._tokens = tokens
        self._bounds = bounds
        self._text = ""
        self._offsets: list[int] = []
        self._line_starts: list[int] = []
        self._places: list[tuple[int, int]] | None = None  # by token index, where the text has a carriage return

    def __getitem__(self, node: cst.CSTNode) -> Span:
        start, end = self._bounds[node]
        return (*self._place(start), *self._place(end))

    def __iter__(self) -> Iterator[cst.CSTNode]:
        return iter(self._bounds)

    def __len__(self) -> int:
        return len(self._bounds)

    def source(self, node: cst.FunctionDef) -> str:
        """The code of a function, its decorators and the comments above it included."""
        start, end = self._bounds[node]
        offsets = self._measured()
        return self._text[offsets[start]:offsets[end]]

    def _place(self, index: int) -> tuple[int, int]:
        """Line and column where token ``index`` starts."""
        offset = self._measured()[index]
        if self._places is not None:
            return self._places[index]
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1]

    def _measured(self) -> list[int]:
        """Each token's offset in the text, worked out on first use."""
        if not self._offsets:
            self._text = "".join(self._tokens)
            self._offsets = list(accumulate(map(len, self._tokens), initial=0))
            if "\r" in self._text:
                self._places = _places(self._tokens)
            else:
                self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(self._text))]
        return self._offsets


def _places(tokens: list[str]) -> list[tuple[int, int]]:
    """Line and column of every token boundary, counted token by token: a token's line breaks are its
    newlines or, when it has none, its carriage returns."""
    line, column = 1, 0
    places = [(line, column)]
    for value in tokens:
        newlines = value.count("\n") or value.count("\r")
        if newlines:
            line += newlines
            column = len(value) - max(value.rfind("\n"), value.rfind("\r")) - 1
        else:
            column += len(value)
        places.append((line, column))
    return places


def expression_spans(module: cst.Module) -> Spans:
    """(line, column, end line, end column) of every expression, parameter and function of ``module``."""
    state = _SpanState(default_indent=module.default_indent, default_newline=module.default_newline)
    with _recording():
        module._codegen(state)
    return Spans(state.tokens, state.bounds)
