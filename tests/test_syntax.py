"""Small questions about libcst nodes: a string literal's value, evaluated the quick way, is Python's."""

from __future__ import annotations

import ast

import libcst as cst
import pytest

from privlint.code.syntax import literal_value

LITERALS = [
    "'email'", '"email"', "''", '""', "u'x'", "U'x'", "r'x'", "R'a b'", '"""a\nb"""', "'''a ''b'''", '""""a" """',
    "'''\n'''", "''''''", '"a\'b"', "'a\"b'", r"'a\nb'", r"r'a\nb'", r"'\x41'", "b'bytes'", "rb'x'", "Rb'\\d'",
    "'caf\u00e9'", '"\\""', '"""a\\\nb"""',
]


@pytest.mark.parametrize("source", LITERALS)
def test_a_literal_evaluates_as_python_reads_it(source):
    value = literal_value(cst.ensure_type(cst.parse_expression(source), cst.SimpleString))
    expected = ast.literal_eval(source)
    assert value == expected
    assert type(value) is type(expected)


def test_a_carriage_return_in_a_literal_is_read_as_python_reads_it():
    module = cst.parse_module('x = """a\r\nb"""\r\n')
    node = cst.ensure_type(cst.ensure_type(module.body[0], cst.SimpleStatementLine).body[0], cst.Assign).value
    assert literal_value(cst.ensure_type(node, cst.SimpleString)) == ast.literal_eval(module.code.split("= ", 1)[1])
