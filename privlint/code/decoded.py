"""Raw values a function decodes (``json.loads(rsp)``, ``rsp.json()``) and then reads under keys that name
personal data (``data["email"]``): the raw value, and the decoded one, hold that data from the start."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Mapping

import libcst as cst

from privlint.code.positions import Spans
from privlint.code.syntax import string_key, string_value
from privlint.code.taint import Taint, union

# Text that must occur in a module for any of its functions to decode a value.
DECODES = re.compile(r"\bloads\(|\.json\(\)")
# Names one of which a function's code must contain for it to decode a value (what ``_decoded_from`` finds).
DECODING_NAMES = ("loads", "json")


class DecodedReads(cst.CSTVisitor):
    """In one function body (not the functions and classes nested in it): ``decoded = loads(raw)`` and
    ``raw.json()`` assignments, and the string keys each plain variable is read under."""

    def __init__(self) -> None:
        self.raw_of: dict[str, str] = {}
        self.keys: dict[str, list[tuple[cst.CSTNode, str]]] = defaultdict(list)
        # Reads of ``data`` inside ``if "email" in data:``, by the if statement: what they find is there only then.
        self.guarded: dict[cst.If, dict[str, list[tuple[cst.CSTNode, str]]]] = {}
        self._guards: list[tuple[cst.If, frozenset[str]]] = []

    def visit_If(self, node: cst.If) -> bool:
        node.test.visit(self)
        self._guards.append((node, _membership_tests(node.test)))
        node.body.visit(self)
        self._guards.pop()
        if node.orelse is not None:
            node.orelse.visit(self)
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Assign(self, node: cst.Assign) -> None:
        target = node.targets[0].target if len(node.targets) == 1 else None
        raw = _decoded_from(node.value)
        if isinstance(target, cst.Name) and raw is not None:
            self.raw_of[target.value] = raw

    def visit_Subscript(self, node: cst.Subscript) -> None:
        key = string_key(node)
        if isinstance(node.value, cst.Name) and key is not None:
            self._read(node.value.value, node, key)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if (isinstance(func, cst.Attribute) and func.attr.value == "get" and isinstance(func.value, cst.Name)
                and node.args and (key := string_value(node.args[0].value)) is not None):
            self._read(func.value.value, node, key)

    def _read(self, name: str, node: cst.CSTNode, key: str) -> None:
        guard = next((statement for statement, tested in reversed(self._guards) if name in tested), None)
        if guard is None:
            self.keys[name].append((node, key))
        else:
            self.guarded.setdefault(guard, defaultdict(list))[name].append((node, key))


def decoded_data(function: cst.FunctionDef, spans: Spans,
                 name_source: Callable[[cst.CSTNode, str, str | None], Taint | None]
                 ) -> tuple[dict[str, Taint], dict[cst.If, dict[str, Taint]]]:
    """What a function's raw and decoded values hold, by the keys it reads from the decoded one (``name_source``
    classifies each key): after ``data = json.loads(rsp)`` and ``data["email"]``, both ``rsp`` and ``data`` hold
    an e-mail address; a key read inside ``if "email" in data:``, by that if statement, only there. The body is
    visited only when the function's code names a decoding call."""
    code = spans.source(function)
    if not any(name in code for name in DECODING_NAMES):
        return {}, {}
    reads = DecodedReads()
    function.body.visit(reads)

    def held(keys: Mapping[str, list[tuple[cst.CSTNode, str]]]) -> dict[str, Taint]:
        found: dict[str, Taint] = {}
        for decoded, raw in reads.raw_of.items():
            taint = union(name_source(key_node, key, decoded) for key_node, key in keys.get(decoded, ()))
            if taint is not None:
                found[decoded] = union((found.get(decoded), taint))
                found[raw] = union((found.get(raw), taint))
        return found

    return held(reads.keys), {statement: held(keys) for statement, keys in reads.guarded.items()}


def _decoded_from(value: cst.BaseExpression) -> str | None:
    """The plain variable ``value`` decodes: ``raw`` in ``json.loads(raw)``, ``loads(raw)`` and ``raw.json()``."""
    if isinstance(value, cst.Await):
        value = value.expression
    if not isinstance(value, cst.Call):
        return None
    func = value.func
    if isinstance(func, cst.Attribute) and func.attr.value == "json" and not value.args:
        return func.value.value if isinstance(func.value, cst.Name) else None
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
    if name == "loads" and value.args and isinstance(value.args[0].value, cst.Name):
        return value.args[0].value.value
    return None


def _membership_tests(test: cst.BaseExpression) -> frozenset[str]:
    """The variables a test requires a key in (``"key" in variable``, alone or joined by ``and``)."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _membership_tests(test.left) | _membership_tests(test.right)
    if (isinstance(test, cst.Comparison) and len(test.comparisons) == 1
            and isinstance(test.comparisons[0].operator, cst.In) and isinstance(test.comparisons[0].comparator, cst.Name)
            and string_value(test.left) is not None):
        return frozenset({test.comparisons[0].comparator.value})
    return frozenset()
