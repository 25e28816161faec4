"""Evaluates expressions to the personal data they carry, checking every call against the sinks."""

from __future__ import annotations

from typing import Callable

import libcst as cst

from privlint.code.context import AnalysisContext
from privlint.code.imports import dotted_name
from privlint.code.methods import ANY_RECEIVER
from privlint.code.positions import Spans
from privlint.code.sinkcheck import SinkChecker
from privlint.code.summaries import USER_MODEL, CallSite, FunctionSummary
from privlint.code.syntax import (
    called_name, is_class_constant, is_constant_name, is_plain_variable, is_short_slice, key_text, loop_targets,
    owner_name, passes_self, placed, string_key, string_value, target_names,
)
from privlint.code.taint import Scope, Taint, hashed, symbolic, union
from privlint.code.vocabulary import (
    BUILTIN_METHODS, CONFIGURATION, CONTAINER_ADDERS, GETTER_PREFIXES, ITERATES, KEYED_GETTERS, PROPAGATORS,
    PUBLISHED_CALLS, PUBLISHED_KEYWORDS, REQUEST_FIELDS, STRING_METHODS, USER_NAMES,
)
from privlint.findings import FlowStep
from privlint.taxonomy import DataType


class ExpressionEvaluator(SinkChecker):
    """Expression half of the flow analysis; the statement walker builds on it."""

    def __init__(self, context: AnalysisContext, *, module_name: str, path: str,
                 positions: Spans, lines: list[str]) -> None:
        super().__init__(context, module_name=module_name, path=path, positions=positions, lines=lines)
        self.call_sites: list[CallSite] = []
        self.summaries: list[FunctionSummary] = []
        self.returns: list[list[tuple[Taint | None, tuple[Taint | None, ...] | None]]] = []
        self.constants: dict[str, str] = {}
        self.module_functions: set[str] = set()
        self.classes: list[str] = []
        self.class_bases: list[tuple[str, tuple[str, ...]]] = []
        self.answered: list[tuple[str, str]] = []  # exception classes a handler answers the requester with, where
        self.guarded = 0  # how many try blocks with handlers enclose the statement being walked
        self.caught: list[frozenset[str]] = []  # what those try blocks of the current function catch
        self.decodes = False  # whether the module decodes values (``json.loads``) at all
        self.decoded: list[dict[str, Taint]] = []  # per function being walked: what its decoded values hold
        self.decoded_guarded: list[dict[cst.If, dict[str, Taint]]] = []  # and what they hold in some if bodies

    # -- sources ---------------------------------------------------------------------------------

    def name_source(self, node: cst.CSTNode, name: str, owner: str | None) -> Taint | None:
        """Personal data recognised by the name of an identifier, attribute or key."""
        data_type = self.context.taxonomy.classify_name(name, owner)
        if data_type is None or data_type.id in self.catalogue.pseudonymous:
            return None
        return self._entering(node, data_type, f"{owner}.{name}" if owner else name)

    def typed_source(self, node: cst.CSTNode, type_id: str, shown: str) -> Taint | None:
        """Personal data of a known type entering at ``node`` (a framework attribute, say)."""
        data_type = self.context.taxonomy.types.get(type_id)
        if data_type is None:
            return None
        self.collect(node, type_id, "request", f"`{shown}`")
        return self._entering(node, data_type, shown)

    def _entering(self, node: cst.CSTNode, data_type: DataType, shown: str) -> Taint:
        return Taint(frozenset({data_type.id}), (self.step(node, f"`{shown}` holds {data_type.phrase}"),))

    # -- evaluation ------------------------------------------------------------------------------

    def evaluate(self, node: cst.BaseExpression, scope: Scope) -> Taint | None:
        """The personal data ``node`` carries (None when none), reporting sink hits inside it."""
        handler = _HANDLERS.get(type(node))
        return handler(self, node, scope) if handler is not None else None

    def _name(self, node: cst.Name, scope: Scope) -> Taint | None:
        bound, taint = scope.lookup(node.value)
        if bound:
            decoded = self.decoded[-1].get(node.value) if self.decoded else None
            return union((taint, self._instance(node, scope), decoded))
        if scope.find("aliases", node.value) is not None:
            return None
        return None if is_constant_name(node.value) else self.name_source(node, node.value, None)

    def _instance(self, node: cst.Name, scope: Scope) -> Taint | None:
        """A whole instance of a project class carries what its schema's fields hold (resolved when linked); a
        ``user`` of no known type is taken to be the project's Django user model."""
        class_name = scope.find("types", node.value)
        if class_name is None and node.value in USER_NAMES:
            return self._user_instance(node)
        if class_name is None or not self.is_project_class(class_name):
            return None
        step = self.step(node, f"`{node.value}` is a `{class_name.rsplit('.', 1)[-1]}`")
        return symbolic(("instance", class_name), step)

    def _user_instance(self, node: cst.CSTNode) -> Taint:
        return symbolic(("instance", USER_MODEL), self.step(node, "a user of the project's user model"))

    def _attribute(self, node: cst.Attribute, scope: Scope) -> Taint | None:
        """A field read narrows to that field: ``customer.email`` is an e-mail, ``customer.id`` is not."""
        dotted = dotted_name(node)
        if dotted is not None:
            bound, taint = scope.lookup(dotted)
            if bound:
                return taint
            known = self.catalogue.source_type(self.resolve_dotted(dotted, scope))
            if known is not None:
                return self.typed_source(node, known, dotted)
        self.evaluate(node.value, scope)
        if dotted is not None and dotted.endswith("request.user"):
            return self._user_instance(node)
        if is_constant_name(node.attr.value) or is_class_constant(node):
            return None
        owner = owner_name(node.value)
        if owner in {"self", "cls"} and self.classes:
            owner = self.classes[-1]
        if dotted is not None and CONFIGURATION.intersection(dotted.split(".")[:-2]):
            owner = "config"  # ``hs.config.registration.delegate_msisdn``: a setting, not a person's number
        kind = scope.find("types", node.value.value) if isinstance(node.value, cst.Name) else None
        if kind is not None and self.context.taxonomy.names_a_thing(kind.rsplit(".", 1)[-1]):
            owner = kind.rsplit(".", 1)[-1]  # ``for q in Queue.objects.filter()``: ``q.email_address`` is a queue's
        return self.serialized(node, scope) or self.name_source(node, node.attr.value, owner)

    def _subscript(self, node: cst.Subscript, scope: Scope) -> Taint | None:
        base = self.evaluate(node.value, scope)
        key = string_key(node)
        if key is not None:
            self.request_key(node.value, key, node, scope)
            return self.keyed_source(node, node.value, key, scope)
        for element in node.slice:
            if isinstance(element.slice, cst.Index):
                self.evaluate(element.slice.value, scope)
        single = node.slice[0].slice if len(node.slice) == 1 else None
        if single is not None and is_short_slice(single):
            return None
        if isinstance(single, cst.Index):
            keyed = self._read_by_parameter(node, node.value, single.value, scope)
            if keyed is not False:
                return keyed
        return base

    def _read_by_parameter(self, node: cst.CSTNode, container: cst.BaseExpression, key: cst.BaseExpression,
                           scope: Scope) -> Taint | None | bool:
        """``dictionary[key]`` in a helper given both: whatever each caller's key names (resolved when linked),
        not the whole container; False when the key is no unchanged parameter."""
        key_parameter = self._parameter(key, scope)
        if key_parameter is None:
            return False
        container_parameter = self._parameter(container, scope)
        if container_parameter is None or container_parameter[1] != key_parameter[1]:
            return None
        function_key, index = container_parameter[1], container_parameter[2]
        step = self.step(node, f"read under the key a caller of `{function_key}` names")
        return symbolic(("key", function_key, index, key_parameter[2]), step)

    def _parameter(self, node: cst.BaseExpression, scope: Scope) -> tuple | None:
        """The ("param", function, index) symbol of a parameter the function was given and has not changed."""
        if not isinstance(node, cst.Name):
            return None
        bound, taint = scope.lookup(node.value)
        if not bound or taint is None or taint.types or len(taint.symbols) != 1:
            return None
        symbol = taint.symbols[0][0]
        return symbol if symbol[0] == "param" else None

    def iteration_kind(self, iterable: cst.BaseExpression, scope: Scope) -> str | None:
        """What a loop over a variable yields: ``keys`` for a mapping (``dict[str, Any]``, a dict literal),
        ``items`` for ``d.items()`` kept in a variable."""
        name = dotted_name(iterable)
        return ITERATES.get(scope.find("types", name) or "") if name is not None else None

    def key_owner(self, container: cst.BaseExpression, scope: Scope) -> str | None:
        """The owner a key read from ``container`` is classified with: none for request input (``request.args``
        names the request's parameters, not infrastructure), else the container's name."""
        return None if self.is_request_data(container, scope) else owner_name(container)

    def keyed_source(self, node: cst.CSTNode, container: cst.BaseExpression, key: str, scope: Scope) -> Taint | None:
        """What ``container[key]`` holds by the key's name, or by REQUEST_FIELDS for request input."""
        owner = self.key_owner(container, scope)
        found = self.name_source(node, key, owner)
        typed = self.context.taxonomy.types.get(REQUEST_FIELDS.get(key, ""))
        if found is None and typed is not None and self.is_request_data(container, scope):
            return self._entering(node, typed, key)
        return found

    def _string(self, node: cst.SimpleString, scope: Scope) -> Taint | None:
        self.literal(node)
        return None

    def _formatted(self, node: cst.FormattedString, scope: Scope) -> Taint | None:
        return union(self.evaluate(part.expression, scope) for part in node.parts
                     if isinstance(part, cst.FormattedStringExpression))

    def _concatenated(self, node: cst.ConcatenatedString, scope: Scope) -> Taint | None:
        return union((self.evaluate(node.left, scope), self.evaluate(node.right, scope)))

    def _binary(self, node: cst.BinaryOperation | cst.BooleanOperation, scope: Scope) -> Taint | None:
        return union((self.evaluate(node.left, scope), self.evaluate(node.right, scope)))

    def _comparison(self, node: cst.Comparison, scope: Scope) -> Taint | None:
        self.evaluate(node.left, scope)
        for target in node.comparisons:
            self.evaluate(target.comparator, scope)
        return None

    def _unary(self, node: cst.UnaryOperation, scope: Scope) -> Taint | None:
        self.evaluate(node.expression, scope)
        return None

    def _dict(self, node: cst.Dict, scope: Scope) -> Taint | None:
        taints = []
        for element in node.elements:
            value = self.evaluate(element.value, scope)
            if isinstance(element, cst.DictElement):
                self.evaluate(element.key, scope)
                key = string_value(element.key)
                if key is not None:
                    value = self._named_by(element.key, key, element.value, value)
            taints.append(value)
        return union(taints)

    def _sequence(self, node: cst.List | cst.Tuple | cst.Set, scope: Scope) -> Taint | None:
        return union(self.evaluate(element.value, scope) for element in node.elements)

    def _if_expression(self, node: cst.IfExp, scope: Scope) -> Taint | None:
        self.evaluate(node.test, scope)
        return union((self.evaluate(node.body, scope), self.evaluate(node.orelse, scope)))

    def _inner(self, node: cst.Await | cst.StarredElement, scope: Scope) -> Taint | None:
        return self.evaluate(node.expression if isinstance(node, cst.Await) else node.value, scope)

    def _yield(self, node: cst.Yield, scope: Scope) -> Taint | None:
        value = node.value
        if isinstance(value, cst.From):
            value = value.item
        return self.evaluate(value, scope) if value is not None else None

    def _named(self, node: cst.NamedExpr, scope: Scope) -> Taint | None:
        taint = self.evaluate(node.value, scope)
        if isinstance(node.target, cst.Name):
            scope.bind(node.target.value, taint)
        return taint

    def _comprehension(self, node: cst.BaseComprehension | cst.DictComp, scope: Scope) -> Taint | None:
        inner = scope.child()
        clause: cst.CompFor | None = node.for_in
        while clause is not None:
            taint = self.evaluate(clause.iter, inner)
            for target, carries in loop_targets(clause.target, clause.iter, self.iteration_kind(clause.iter, inner)):
                for name in target_names(target):
                    inner.values[name] = taint if carries else None
            for condition in clause.ifs:
                self.evaluate(condition.test, inner)
            clause = clause.inner_for_in
        if isinstance(node, cst.DictComp):
            return union((self.evaluate(node.key, inner), self.evaluate(node.value, inner)))
        return self.evaluate(node.elt, inner)

    # -- calls -----------------------------------------------------------------------------------

    def _call(self, node: cst.Call, scope: Scope) -> Taint | None:
        qualified = self.resolve_callee(node.func, scope)
        receiver = self.evaluate(node.func.value, scope) if isinstance(node.func, cst.Attribute) else None
        arguments = [(arg, None if qualified in PUBLISHED_CALLS else self._argument(arg, scope)) for arg in node.args]
        sink = self.catalogue.sink_for(qualified) if qualified else None
        if sink is not None and sink.switch is not None:
            self.check_switch(sink, qualified, node)
        elif sink is not None:
            self.check_sink(sink, qualified, node, arguments, scope)
            if called_name(node.func, qualified)[:1].isupper():
                return None
        if qualified and self.catalogue.is_sanitizer(qualified):
            if not self.catalogue.is_hash(qualified):
                return None
            return hashed(union((receiver, *(t for _, t in arguments))), self.step(node, f"hashed by `{qualified}`"))
        result = self._call_result(node, qualified, receiver, arguments, scope)
        callee = self.project_callee(qualified, scope)
        if callee is None:
            self._call_by_receiver_name(node, arguments, scope)
            return result
        return union((result, self._project_call(node, callee, arguments)))

    def _call_by_receiver_name(self, node: cst.Call, arguments: list[tuple[cst.Arg, Taint | None]],
                               scope: Scope) -> None:
        """``self.translation.log_info("%s", message)``: data passed to a method of an object of unknown type
        is followed into the method when the object's name names one class of the project (``Translation``,
        which may inherit the method); what it returns is not followed."""
        if not isinstance(node.func, cst.Attribute) or all(taint is None for _, taint in arguments):
            return
        method = node.func.attr.value
        receiver = node.func.value
        if (method in BUILTIN_METHODS or method.startswith("__") or not isinstance(receiver, (cst.Name, cst.Attribute))
                or not self._unknown_receiver(receiver, scope)):
            return
        name = receiver.value if isinstance(receiver, cst.Name) else receiver.attr.value
        self._project_call(node, f"{ANY_RECEIVER}.{name}.{method}", arguments)

    @staticmethod
    def _unknown_receiver(receiver: cst.BaseExpression, scope: Scope) -> bool:
        """Whether a method's object is of no type the analysis knows: an attribute of ``self`` or a variable of
        no known type; not a module, a class or a typed variable."""
        dotted = dotted_name(receiver)
        if dotted is None:
            return False
        head = dotted.split(".", 1)[0]
        if head in {"self", "cls"}:
            return True
        return (scope.lookup(head)[0] and scope.find("types", head) is None
                and scope.find("aliases", head) is None)

    def project_callee(self, qualified: str | None, scope: Scope) -> str | None:
        """The project-wide key of a call into the project's own code, or None for library calls."""
        if qualified is None:
            return None
        head, _, rest = qualified.partition(".")
        if not rest and head in self.module_functions and not scope.lookup(head)[0]:
            return f"{self.module_name}.{head}"
        if rest and "." not in rest and head in self.module_classes and not scope.lookup(head)[0]:
            return f"{self.module_name}.{qualified}"
        if head in {"self", "cls"} and self.classes and rest and "." not in rest:
            return f"{self.module_name}.{self.classes[-1]}.{rest}"
        if rest and head in self.context.project_roots:
            return qualified
        return None

    def _project_call(self, node: cst.Call, callee: str, arguments: list[tuple[cst.Arg, Taint | None]]) -> Taint:
        location = self.location(node)
        call_id = f"{self.path}:{location.line}:{location.column}"
        shift = 1 if passes_self(node) else 0  # ``Base.method(self, otp)``: ``otp`` is the method's first
        given = [(None if position is None else position - shift, keyword, arg, taint)
                 for position, keyword, arg, taint in placed(arguments) if not (shift and position == 0)]
        passed = tuple((position, keyword, taint) for position, keyword, arg, taint in given if not arg.star)
        literals = tuple((position, keyword, value) for position, keyword, arg, _ in given
                         if not arg.star and (value := key_text(arg.value)) is not None)
        self.call_sites.append(CallSite(call_id=call_id, callee=callee, arguments=passed, location=location,
                                        guarded=self.guarded > 0, literals=literals,
                                        caught=frozenset().union(*self.caught)))
        return symbolic(("ret", call_id), FlowStep(location=location, message=f"returned by `{callee}`"))

    def _argument(self, arg: cst.Arg, scope: Scope) -> Taint | None:
        if arg.keyword is not None and arg.keyword.value in PUBLISHED_KEYWORDS:
            return None
        taint = self.evaluate(arg.value, scope)
        if arg.keyword is not None:
            taint = self._named_by(arg.keyword, arg.keyword.value, arg.value, taint)
        return taint

    def _named_by(self, label_node: cst.CSTNode, label: str, value: cst.BaseExpression,
                  taint: Taint | None) -> Taint | None:
        """``{"email": value}``, ``f(email=value)``: the key or keyword says what a bare variable holds."""
        if (taint is not None and taint.types) or not is_plain_variable(value):
            return taint
        return union((self.name_source(label_node, label, None), taint))

    def mark_container(self, container: cst.BaseExpression, taint: Taint, scope: Scope) -> None:
        """``obj.field = data``, ``obj[key] = data``, ``items.append(data)``: the object carries the data too; not
        an instance it was given (``workspace.acting_user = request.user`` does not make the workspace a user)."""
        base = dotted_name(container)
        kept = tuple((symbol, path) for symbol, path in taint.symbols if symbol[0] != "instance")
        if base is not None and (taint.types or kept):
            scope.bind(base, union((scope.lookup(base)[1], Taint(taint.types, taint.steps, kept))))

    def _call_result(self, node: cst.Call, qualified: str | None, receiver: Taint | None,
                     arguments: list[tuple[cst.Arg, Taint | None]], scope: Scope) -> Taint | None:
        name = called_name(node.func, qualified)
        added = union(taint for _, taint in arguments) if name in CONTAINER_ADDERS else None
        if added is not None and isinstance(node.func, cst.Attribute):
            self.mark_container(node.func.value, added, scope)
        if name in PROPAGATORS or (qualified or "") in PROPAGATORS:
            return union((receiver, *(taint for _, taint in arguments)))
        if isinstance(node.func, cst.Attribute) and name in STRING_METHODS:
            return union((receiver, *(taint for _, taint in arguments)))
        if name in KEYED_GETTERS and node.args:
            key = string_value(node.args[0].value)
            if key is not None and isinstance(node.func, cst.Attribute):
                self.request_key(node.func.value, key, node, scope)
                return self.keyed_source(node, node.func.value, key, scope)
            if key is not None:
                return self.name_source(node, key, None)
            keyed = (self._read_by_parameter(node, node.func.value, node.args[0].value, scope)
                     if isinstance(node.func, cst.Attribute) else False)
            return receiver if keyed is False else keyed
        if name[:1].isupper():
            return union(taint for _, taint in arguments)
        if name.startswith(GETTER_PREFIXES):
            owner = owner_name(node.func.value) if isinstance(node.func, cst.Attribute) else None
            return self.name_source(node, name.split("_", 1)[1], owner)
        return None



# Handlers by expression type: functions, since methods bound to the walker would make it a reference cycle.
_HANDLERS: dict[type, Callable[..., Taint | None]] = {kind: vars(ExpressionEvaluator)[name] for kind, name in (
    (cst.Name, "_name"), (cst.Attribute, "_attribute"), (cst.Subscript, "_subscript"), (cst.Call, "_call"),
    (cst.FormattedString, "_formatted"), (cst.ConcatenatedString, "_concatenated"), (cst.Dict, "_dict"),
    (cst.BinaryOperation, "_binary"), (cst.BooleanOperation, "_binary"), (cst.Comparison, "_comparison"),
    (cst.List, "_sequence"), (cst.Tuple, "_sequence"), (cst.Set, "_sequence"), (cst.IfExp, "_if_expression"),
    (cst.Await, "_inner"), (cst.StarredElement, "_inner"), (cst.Yield, "_yield"), (cst.NamedExpr, "_named"),
    (cst.UnaryOperation, "_unary"), (cst.ListComp, "_comprehension"), (cst.SetComp, "_comprehension"),
    (cst.GeneratorExp, "_comprehension"), (cst.DictComp, "_comprehension"), (cst.SimpleString, "_string"))}
