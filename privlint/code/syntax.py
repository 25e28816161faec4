"""Small questions about libcst nodes that the flow analysis asks: names, keys, strings, argument places."""

from __future__ import annotations

import ast
import functools
import re
from typing import Iterator

import libcst as cst

from privlint.code.imports import dotted_name
from privlint.code.taint import Scope, Taint
from privlint.code.vocabulary import GETTER_PREFIXES


def placed(arguments: list[tuple[cst.Arg, Taint | None]]
           ) -> Iterator[tuple[int | None, str | None, cst.Arg, Taint | None]]:
    """(position or None, keyword or None, argument, taint) of each argument; ``*args`` take no position."""
    position = 0
    for arg, taint in arguments:
        keyword = arg.keyword.value if arg.keyword is not None else None
        yield (position if keyword is None and not arg.star else None), keyword, arg, taint
        if keyword is None and not arg.star:
            position += 1


def is_constant_name(name: str) -> bool:
    """``DB_DRIVER_NAME``, ``SPANDATA.USER_EMAIL``: constants name keys and settings, not a person's data."""
    return name.isupper() and len(name) > 3


def is_class_constant(node: cst.Attribute) -> bool:
    """``Ban.IP``, ``Status.SSN``, ``Action.EnforceUserHandle``: an upper-case or capitalised member of a class
    (an enum value, a kind, a nested class), not data."""
    owner = node.value.attr.value if isinstance(node.value, cst.Attribute) else getattr(node.value, "value", "")
    return (node.attr.value[:1].isupper() and isinstance(owner, str) and owner[:1].isupper()
            and any(char.islower() for char in owner))


def called_name(func: cst.BaseExpression, qualified: str | None) -> str:
    """The last part of the callee's name: ``join`` in ``" ".join(parts)``."""
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return (qualified or dotted_name(func) or "").rsplit(".", 1)[-1]


def owner_name(node: cst.BaseExpression) -> str | None:
    """The name an attribute is read from: ``user`` in ``user.email``, ``profile`` in ``self.profile.phone``."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Call):
        return owner_name(node.func)
    if isinstance(node, cst.Subscript):
        return string_key(node) or owner_name(node.value)
    return None


def string_value(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = literal_value(node)
        return value if isinstance(value, str) else None
    return None


def literal_value(node: cst.SimpleString) -> str | bytes:
    """What a string literal evaluates to (libcst's ``evaluated_value``, remembered by the literal's source)."""
    return _evaluated(node.value)


@functools.lru_cache(maxsize=1 << 14)
def _evaluated(source: str) -> str | bytes:
    # ast.literal_eval parses its argument and leaves four closures in a reference cycle on every call: the same
    # few keys are read again and again, so each literal is evaluated once, and one with no escape, no bytes
    # prefix and no carriage return (which Python reads as a newline) is its text between the quotes.
    quote = source[-1] * 3 if source.endswith(('"""', "'''")) and len(source) >= 6 else source[-1]
    prefix = source[:source.index(quote[0])]
    if prefix.lower() in _PLAIN_PREFIXES and "\\" not in source and "\r" not in source:
        return source[len(prefix) + len(quote):-len(quote)]
    return ast.literal_eval(source)


_PLAIN_PREFIXES = frozenset({"", "u", "r"})


def key_text(node: cst.BaseExpression) -> str | None:
    """The words a key passed as an argument is made of: a string literal, or the literal parts of an f-string
    (``f"t_chars_{suffix}"`` -> ``t_chars_``); None when there are none."""
    if isinstance(node, cst.FormattedString):
        text = "".join(part.value for part in node.parts if isinstance(part, cst.FormattedStringText))
        return text or None
    return string_value(node)


def string_key(node: cst.Subscript) -> str | None:
    if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return string_value(node.slice[0].slice.value)
    return None


def is_plain_variable(node: cst.BaseExpression) -> bool:
    """A bare variable (``value``, ``x``): its key or keyword then says what it holds (``{"email": value}``); not
    a constant (``to_emails=ADMIN_EMAILS`` names the project's own addresses)."""
    return (isinstance(node, cst.Name) and node.value not in {"None", "True", "False"}
            and not is_constant_name(node.value))


def leading_text(node: cst.BaseExpression, scope: Scope) -> str | None:
    """The literal start of a URL expression: a string, an f-string's head, a named string constant."""
    if isinstance(node, cst.SimpleString):
        return string_value(node)
    if isinstance(node, cst.FormattedString):
        head = ""
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                head += part.value
            else:
                return head or leading_text(part.expression, scope)
        return head
    if isinstance(node, cst.BinaryOperation):
        return leading_text(node.left, scope)
    name = dotted_name(node)
    return scope.find("constants", name) if name else None


def leading_expression(node: cst.BaseExpression) -> cst.BaseExpression:
    """What a URL expression starts with: the left of ``a + b``, the first part of an f-string."""
    if isinstance(node, cst.BinaryOperation):
        return leading_expression(node.left)
    if isinstance(node, cst.FormattedString) and node.parts and isinstance(node.parts[0], cst.FormattedStringExpression):
        return leading_expression(node.parts[0].expression)
    return node


def loop_targets(target: cst.BaseExpression, iterable: cst.BaseExpression,
                 kind: str | None = None) -> list[tuple[cst.BaseExpression, bool]]:
    """Each loop target and whether it receives the iterable's data: in ``for key, value in d.items()`` and
    ``for key in d.keys()`` (or in a mapping, ``kind="keys"``) the keys are names (``"email"``), only the values
    are data. ``kind`` is what the iterable is known to yield when it is a variable (``"items"``, ``"keys"``)."""
    method = iterable.func.attr.value if isinstance(iterable, cst.Call) and isinstance(iterable.func,
                                                                                     cst.Attribute) else kind
    if method == "keys":
        return [(target, False)]
    if method == "items" and isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2:
        return [(target.elements[0].value, False), (target.elements[1].value, True)]
    return [(target, True)]


def is_dunder_assignment(node: cst.Assign) -> bool:
    """``__author_email__ = "..."``: package metadata, not data the code handles."""
    return all(isinstance(t.target, cst.Name) and t.target.value.startswith("__") and t.target.value.endswith("__")
               for t in node.targets)


def target_names(target: cst.BaseExpression) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [name for element in target.elements for name in target_names(element.value)]
    return []


SHORT_SLICE = 4


def is_short_slice(node: cst.BaseSlice) -> bool:
    """``card_number[-4:]``, ``phone[:3]``: a slice of at most four characters, which identifies no one."""
    if not isinstance(node, cst.Slice) or node.step is not None:
        return False
    lower, upper = _integer(node.lower), _integer(node.upper)
    if node.lower is not None and lower is None or node.upper is not None and upper is None:
        return False
    if lower is not None and lower < 0 and upper is None:
        return -lower <= SHORT_SLICE
    if lower is None and upper is not None and upper >= 0:
        return upper <= SHORT_SLICE
    return lower is not None and upper is not None and 0 <= lower <= upper and upper - lower <= SHORT_SLICE


def _integer(node: cst.BaseExpression | None) -> int | None:
    """The value of an integer literal, negative ones included."""
    if isinstance(node, cst.Integer):
        return int(node.value, 0)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        value = _integer(node.expression)
        return -value if value is not None else None
    return None


def passes_self(node: cst.Call) -> bool:
    """``Base.method(self, ...)``: a method called through its class, with the instance passed explicitly."""
    owner = dotted_name(node.func.value) if isinstance(node.func, cst.Attribute) else None
    first = node.args[0] if node.args else None
    return (owner is not None and owner.rsplit(".", 1)[-1][:1].isupper() and first is not None
            and first.keyword is None and not first.star and isinstance(first.value, cst.Name)
            and first.value.value in {"self", "cls"})


def branch_bodies(node: cst.BaseCompoundStatement) -> list[list[tuple[cst.BaseSuite, bool]]]:
    """The bodies of a compound statement as branches, each a list of (block, guarded by the try's handlers):
    a try's else continues from its body, so they are one branch; handlers and finally are branches of their
    own, as are an if's, elif's and else's bodies, a loop's body and its else, and each case of a match."""
    if isinstance(node, cst.Match):
        return [[(case.body, False)] for case in node.cases]
    if isinstance(node, (cst.Try, cst.TryStar)):
        first = [(node.body, True)] + ([(node.orelse.body, False)] if node.orelse is not None else [])
        rest = [[(handler.body, False)] for handler in node.handlers]
        return [first, *rest, *([[(node.finalbody.body, False)]] if node.finalbody is not None else [])]
    groups: list[list[tuple[cst.BaseSuite, bool]]] = [[(node.body, False)]]
    orelse = getattr(node, "orelse", None)
    while orelse is not None:
        groups.append([(orelse.body, False)])
        orelse = orelse.orelse if isinstance(orelse, cst.If) else None
    return groups


def elif_tests(node: cst.If) -> list[cst.BaseExpression]:
    tests = []
    orelse = node.orelse
    while isinstance(orelse, cst.If):
        tests.append(orelse.test)
        orelse = orelse.orelse
    return tests


def reads_by_loop_key(node: cst.For) -> bool:
    """``for k in params: ... params.get(k)``: a loop whose body reads the iterable by the loop variable runs over
    a mapping's keys (names such as ``"username"``), not over its values."""
    container = dotted_name(node.iter)
    if container is None or not isinstance(node.target, cst.Name):
        return False
    body = cst.Module(body=[]).code_for_node(node.body)
    key = re.escape(node.target.value)
    return re.search(rf"(?<![\w.]){re.escape(container)}(?:\[\s*{key}\s*\]|\.get\(\s*{key}\b)", body) is not None


def domain_parts(value: cst.BaseExpression | None, count: int) -> frozenset[int]:
    """The parts of an address or a login split at its domain separator that name the domain or realm, not the
    person: what follows the ``@`` (``login.rsplit("@", 1)``, ``address.partition("@")``) and what precedes a
    backslash (``DOMAIN\\user``)."""
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.args
            and value.func.attr.value in {"split", "rsplit", "partition", "rpartition"}):
        return frozenset()
    separator = string_value(value.args[0].value)
    if separator == "@":
        return frozenset(range(1, count))
    if separator == "\\":
        return frozenset(range(count - 1))
    return frozenset()


def named_by_getter(value: cst.BaseExpression | None) -> bool:
    """A call named for what it fetches (``get_multi_otp()``, ``fetch_user()``)."""
    return isinstance(value, cst.Call) and called_name(value.func, None).startswith(GETTER_PREFIXES)


def is_static(node: cst.FunctionDef) -> bool:
    return any(isinstance(decorator.decorator, cst.Name) and decorator.decorator.value == "staticmethod"
               for decorator in node.decorators)
