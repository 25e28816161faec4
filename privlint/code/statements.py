"""Walks a module's statements in order, keeping each scope's taint, types and imports up to date."""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from privlint.code.catalogue import RAISE
from privlint.code.classes import ClassFacts
from privlint.code.collection import REQUEST_DATA
from privlint.code.decoded import DECODES, decoded_data
from privlint.code.endpoints import REGION_REFERENCE
from privlint.code.handlers import (
    BROAD_HANDLERS, answers_requester, caught_names, handled_types, registered_types,
)
from privlint.code.hierarchy import EVERYWHERE
from privlint.code.imports import dotted_name, import_aliases
from privlint.code.scanner import names_a_place
from privlint.code.summaries import FunctionSummary
from privlint.code.syntax import (
    branch_bodies, domain_parts, elif_tests, is_dunder_assignment, is_static, leading_text, loop_targets,
    named_by_getter, reads_by_loop_key, string_key,
)
from privlint.code.taint import Scope, Taint, item_of, symbolic, union
from privlint.code.vocabulary import ITEMS, MAPPING, MAPPING_TYPES
from privlint.findings import FlowStep

_COMPOUND_BRANCHES = (cst.If, cst.For, cst.While, cst.Try, cst.TryStar, cst.Match)
# Keyword arguments of an exception that make up its message; any other keyword is kept as an attribute.
MESSAGE_KEYWORDS = frozenset({"message", "msg", "detail", "details", "reason", "description", "text", "error",
                              "errors", "params", "args"})


class StatementWalker(ClassFacts):
    """Runs every function and module body once, in order, reporting sink hits as it goes."""

    def walk_module(self, module: cst.Module) -> None:
        self.module_functions = {node.name.value for node in module.body if isinstance(node, cst.FunctionDef)}
        self.module_classes = {node.name.value for node in module.body if isinstance(node, cst.ClassDef)}
        self.decodes = any(DECODES.search(line) for line in self.lines)
        module_scope = Scope()
        self.block(module.body, module_scope)
        self.constants = {f"{self.module_name}.{name}": value for name, value in module_scope.constants.items()
                          if names_a_place(value, self.context)}

    def block(self, body: Sequence[cst.BaseStatement | cst.BaseSmallStatement], scope: Scope) -> None:
        deferred: list[cst.FunctionDef] = []
        for statement in body:
            if isinstance(statement, cst.FunctionDef):
                deferred.append(statement)
            else:
                self.statement(statement, scope)
        for function in deferred:
            self.function(function, scope)

    def statement(self, node: cst.BaseStatement | cst.BaseSmallStatement, scope: Scope) -> None:
        if isinstance(node, cst.SimpleStatementLine):
            for small in node.body:
                self.small_statement(small, scope)
        elif isinstance(node, cst.ClassDef):
            self.class_body(node, scope)
        elif isinstance(node, cst.With):
            self.with_statement(node, scope)
        elif isinstance(node, _COMPOUND_BRANCHES):
            self.branches(node, scope)
        elif isinstance(node, cst.BaseSmallStatement):
            self.small_statement(node, scope)

    def small_statement(self, node: cst.BaseSmallStatement, scope: Scope) -> None:
        if isinstance(node, cst.Expr):
            self.evaluate(node.value, scope)
        elif isinstance(node, cst.Assign) and not is_dunder_assignment(node):
            taint = self.evaluate(node.value, scope)
            for target in node.targets:
                self.bind(target.target, self.fetched_into(target.target, node.value, taint), node.value, scope)
        elif isinstance(node, cst.AnnAssign) and node.value is not None:
            taint = self.evaluate(node.value, scope)
            self.bind(node.target, self.fetched_into(node.target, node.value, taint), node.value, scope)
        elif isinstance(node, cst.AugAssign):
            taint = union((self.evaluate(node.target, scope), self.evaluate(node.value, scope)))
            self.bind(node.target, taint, None, scope)
        elif isinstance(node, cst.Return) and node.value is not None:
            taint = self.evaluate(node.value, scope)
            if self.returns:
                self.returns[-1].append((taint, self._returned_items(node.value, scope)))
        elif isinstance(node, cst.Raise) and node.exc is not None:
            self.raise_statement(node.exc, scope)
        elif isinstance(node, (cst.Import, cst.ImportFrom)):
            scope.aliases.update(import_aliases(node, self.module_name))

    def raise_statement(self, exception: cst.BaseExpression, scope: Scope) -> None:
        """Data in the message of a raised exception; not for exceptions whose message goes back to the
        person who made the request, nor for keyword arguments an exception keeps as attributes."""
        if not isinstance(exception, cst.Call):
            self.evaluate(exception, scope)
            return
        sink = self.catalogue.sink_for(RAISE)
        taints = [self.evaluate(arg.value, scope) for arg in exception.args
                  if arg.keyword is None or arg.keyword.value in MESSAGE_KEYWORDS]
        taint = union(taints)
        name = self.class_name(exception.func, scope) or "exception"
        if sink is not None and taint is not None and not self._caught_here(name):
            self.report(sink, name, taint, exception)

    def record_answered(self, node: cst.Try | cst.TryStar, scope: Scope) -> None:
        """The project's exception classes a handler in a method shows the requester and keeps nowhere: what the
        methods of its class (and of the classes deriving from it) raise (a base view's dispatch showing the
        errors of its subclasses' actions)."""
        if not (self.classes and self.functions):
            return
        owner = f"{self.module_name}.{self.classes[-1]}"
        for handler in node.handlers:
            if answers_requester(handler):
                self.answered_by([kind for kind in handled_types(handler) if kind is not None], scope, owner)

    def answered_by(self, kinds: list[cst.BaseExpression], scope: Scope, where: str = EVERYWHERE) -> None:
        """Record the project's own exception classes among ``kinds`` as answered to the requester in the
        methods of ``where`` (everywhere: a handler registered for every request), never a broad class:
        ``Exception`` is raised everywhere, in requests and out of them."""
        for kind in kinds:
            name = self.class_name(kind, scope)
            if name and name.rsplit(".", 1)[-1] not in BROAD_HANDLERS and self.is_project_class(name):
                self.answered.append((name, where))

    def _caught_here(self, name: str) -> bool:
        """Whether a try block of this function around the raise catches it (by its name, ``Exception`` or a
        bare ``except``): the exception is handled, not shown."""
        last = name.rsplit(".", 1)[-1]
        return any(last in names or names & BROAD_HANDLERS for names in self.caught)

    def function(self, node: cst.FunctionDef, parent: Scope, *, in_class: bool = False) -> None:
        """Walk a function body with each parameter both named (by the taxonomy) and symbolic (for callers)."""
        owner = self.classes[-1:] if in_class else []
        key = ".".join((self.module_name, *owner, node.name.value))
        self.route_parameters(node, parent)
        self.answered_by(registered_types(node), parent)
        scope = parent.child()
        names = self.parameters(node.params, key, scope, parent, skip_first=in_class)
        always, guarded = decoded_data(node, self.positions, self.name_source) if self.decodes else ({}, {})
        self.decoded.append(always)
        self.decoded_guarded.append(guarded)
        self.returns.append([])
        self.functions.append(node.name.value)
        self.function_keys.append(key)
        outer_caught, self.caught = self.caught, []
        try:
            self.block(node.body.body if isinstance(node.body, cst.IndentedBlock) else [node.body], scope)
        finally:
            self.functions.pop()
            self.function_keys.pop()
            self.decoded.pop()
            self.decoded_guarded.pop()
            self.caught = outer_caught
        returns = self.returns.pop()
        item_lists = [items for _, items in returns]
        items = None
        if item_lists and all(found is not None and len(found) == len(item_lists[0]) for found in item_lists):
            items = tuple(union(column) for column in zip(*item_lists))
        positional = len(node.params.posonly_params) + len(node.params.params)
        self.summaries.append(FunctionSummary(key=key, params=tuple(names), is_method=in_class,
                                              returns=union(taint for taint, _ in returns), items=items,
                                              positional=positional))

    def _returned_items(self, value: cst.BaseExpression, scope: Scope) -> tuple[Taint | None, ...] | None:
        """What each element of a returned tuple carries (``return sql, args``), for callers that unpack it."""
        if not isinstance(value, cst.Tuple) or any(isinstance(element, cst.StarredElement)
                                                   for element in value.elements):
            return None
        return tuple(self.evaluate(element.value, scope) for element in value.elements)

    def parameters(self, params: cst.Parameters, key: str, scope: Scope, parent: Scope, *,
                   skip_first: bool) -> list[str]:
        """Bind each parameter to what its name says and to a symbol its callers fill in; returns the names."""
        names: list[str] = []
        star = params.star_arg if isinstance(params.star_arg, cst.Param) else None
        ordered = (*params.posonly_params, *params.params, *([star] if star else ()), *params.kwonly_params,
                   *([params.star_kwarg] if params.star_kwarg is not None else ()))
        for index, param in enumerate(ordered):
            name = param.name.value
            stars = param.star if isinstance(param.star, str) else ""
            names.append(f"{stars}{name}")
            if param.default is not None:
                self.evaluate(param.default, parent)
            if skip_first and index == 0:
                scope.values[name] = None
                continue
            step = FlowStep(location=self.location(param.name), message=f"parameter `{name}` of `{key}`")
            named = None if stars else self.name_source(param.name, name, None)
            scope.values[name] = union((named, symbolic(("param", key, index), step)))
            self.annotated_type(name, param.annotation, scope)
        return names

    def annotated_type(self, name: str, annotation: cst.Annotation | None, scope: Scope) -> None:
        """``customer: Customer`` makes ``customer`` an instance of the project's ``Customer``."""
        kind = annotation.annotation if annotation is not None else None
        if isinstance(kind, cst.Subscript):
            kind = kind.value
        dotted = dotted_name(kind) if kind is not None else None
        resolved = self.resolve_dotted(dotted, scope) if dotted else None
        if resolved in MAPPING_TYPES:
            scope.types[name] = MAPPING
            return
        class_name = self.class_named(resolved) if resolved else None
        if class_name is not None:
            scope.types[name] = class_name

    def class_body(self, node: cst.ClassDef, scope: Scope) -> None:
        self.record_class_bases(node, scope)
        body_scope = scope.child()
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else [node.body]
        self.schema_fields(node, scope)
        methods_scope = scope.child()
        methods_scope.types.update(self.attribute_types(node, scope))
        self.classes.append(node.name.value)
        try:
            for statement in body:
                if isinstance(statement, cst.FunctionDef):
                    self.function(statement, methods_scope, in_class=not is_static(statement))
                else:
                    self.statement(statement, body_scope)
        finally:
            self.classes.pop()
        self.record_string_form(node, scope)

    def with_statement(self, node: cst.With, scope: Scope) -> None:
        for item in node.items:
            taint = self.evaluate(item.item, scope)
            if item.asname is not None:
                self.bind(item.asname.name, taint, item.item, scope)
        self.nested_block(node.body, scope)

    def branches(self, node: cst.BaseCompoundStatement, scope: Scope) -> None:
        """if/for/while/try/match: every branch may or may not run, so assignments in them only add taint."""
        if isinstance(node, cst.If):
            for test in (node.test, *elif_tests(node)):
                self.evaluate(test, scope)
        elif isinstance(node, cst.While):
            self.evaluate(node.test, scope)
        elif isinstance(node, cst.For):
            taint = self.evaluate(node.iter, scope)
            kind = self.iteration_kind(node.iter, scope) or ("keys" if reads_by_loop_key(node) else None)
            for target, carries in loop_targets(node.target, node.iter, kind):
                self.bind_loop_target(target, taint if carries else None, scope)
            rows = self.call_type(node.iter, scope) if isinstance(node.iter, cst.Call) else None
            if rows is not None and rows.endswith(".objects") and isinstance(node.target, cst.Name):
                scope.types[node.target.value] = rows.removesuffix(".objects")  # a model's rows
        elif isinstance(node, cst.Match):
            self.evaluate(node.subject, scope)
        caught = frozenset()
        if isinstance(node, (cst.Try, cst.TryStar)):
            caught = caught_names(node)
            self.record_answered(node, scope)
        scope.conditional += 1
        try:
            for index, group in enumerate(branch_bodies(node)):
                scope.open_branch()
                outer_decoded = self._enter_guarded_reads(node, index)
                try:
                    for body, guarded in group:
                        self._guarded_block(body, scope, caught if guarded else frozenset())
                finally:
                    scope.close_branch()
                    if outer_decoded is not None:
                        self.decoded[-1] = outer_decoded
        finally:
            scope.conditional -= 1

    def _enter_guarded_reads(self, node: cst.BaseCompoundStatement, index: int) -> dict[str, Taint] | None:
        """In ``if "email" in data:``, add what the body reads to ``data``; returns what held before, or None."""
        guarded = self.decoded_guarded[-1].get(node) if self.decoded_guarded and index == 0 else None
        if not guarded:
            return None
        outer = self.decoded[-1]
        self.decoded[-1] = {**outer, **{name: union((outer.get(name), taint)) for name, taint in guarded.items()}}
        return outer

    def _guarded_block(self, body: cst.BaseSuite, scope: Scope, caught: frozenset[str]) -> None:
        """Walk a block; inside a try body its handlers (what they catch) guard every call and raise."""
        depth = 1 if caught else 0
        self.guarded += depth
        self.caught.extend([caught] * depth)
        try:
            self.nested_block(body, scope)
        finally:
            self.guarded -= depth
            del self.caught[len(self.caught) - depth:]

    def fetched_into(self, target: cst.BaseExpression, value: cst.BaseExpression, taint: Taint | None) -> Taint | None:
        """``email = get_required(params, "email")``: a value fetched by a call or a lookup whose data the
        analysis cannot tell holds what the variable's name says; a literal or a computed value does not."""
        if (taint is not None and taint.types) or not isinstance(target, cst.Name):
            return taint
        if not isinstance(value, (cst.Call, cst.Subscript, cst.Attribute, cst.Await)) or self._converts_a_thing(value):
            return taint
        return union((taint, self.name_source(target, target.value, None)))

    def _converts_a_thing(self, value: cst.BaseExpression) -> bool:
        """``ip_address = IPAddress(address.host)``: a value built from things (a host, a server) is theirs; and
        ``username = credentials["username"]``: a data word read from an owner that makes it no person's."""
        word = string_key(value) if isinstance(value, cst.Subscript) else getattr(getattr(value, "attr", None),
                                                                                   "value", None)
        if word is not None and self.context.taxonomy.classify_name(word, None) is not None:
            return True
        names = [dotted_name(arg.value) for arg in value.args if arg.keyword is None] if isinstance(
            value, cst.Call) else []
        return bool(names) and all(name is not None and self.context.taxonomy.names_a_thing(name.rsplit(".", 1)[-1])
                                   for name in names)

    def bind_loop_target(self, target: cst.BaseExpression, taint: Taint | None, scope: Scope) -> None:
        """A loop variable holds what the iterable carries, and what its own name says (``for email in cc``)."""
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.bind_loop_target(element.value, taint, scope)
            return
        named = self.name_source(target, target.value, None) if isinstance(target, cst.Name) else None
        self.bind(target, union((taint, named)), None, scope)

    def nested_block(self, body: cst.BaseSuite, scope: Scope) -> None:
        statements = body.body if isinstance(body, cst.IndentedBlock) else body.body
        self.block(statements, scope)

    def bind(self, target: cst.BaseExpression, taint: Taint | None, value: cst.BaseExpression | None,
             scope: Scope) -> None:
        """Assign ``taint`` to an assignment target, recording static types and string constants."""
        if isinstance(target, (cst.Tuple, cst.List)):
            self.bind_sequence(target, taint, value, scope)
            return
        if isinstance(target, cst.StarredElement):
            self.bind(target.value, taint, None, scope)
            return
        if isinstance(target, cst.Subscript):
            if taint is not None:
                self.mark_container(target.value, taint, scope)
                self.item_sink(target, taint, scope)
            return
        name = dotted_name(target)
        if name is None:
            return
        if taint is not None:
            taint = taint.then(self.step(target, f"assigned to `{name}`"))
            if isinstance(target, cst.Attribute):
                self.mark_container(target.value, taint, scope)
                self.assignment_sink(target, f"{self.resolve_dotted(name, scope)}=", taint)
        scope.bind(name, taint)
        self.record_type(name, value, scope)

    def item_sink(self, target: cst.Subscript, taint: Taint, scope: Scope) -> None:
        """``session["email"] = data``: item assignment into a store the catalogue names ``flask.session[]``."""
        base = dotted_name(target.value)
        if base is not None:
            self.assignment_sink(target, f"{self.resolve_dotted(base, scope)}[]", taint)

    def assignment_sink(self, target: cst.BaseExpression, name: str, taint: Taint) -> None:
        """An assignment the catalogue names a sink: ``flask.session[]`` for items, ``sentry_sdk.Scope.user=``
        for an attribute of an SDK's object."""
        sink = self.catalogue.sink_for(name)
        if sink is not None:
            self.report(sink, name, taint, target)

    def bind_sequence(self, target: cst.Tuple | cst.List, taint: Taint | None,
                      value: cst.BaseExpression | None, scope: Scope) -> None:
        elements = [element.value for element in target.elements]
        if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == len(elements):
            for element, item in zip(elements, value.elements):
                self.bind(element, self.evaluate(item.value, scope), item.value, scope)
            return
        if taint is not None and named_by_getter(value):
            # ``res, error, otp_dict = token.get_multi_otp()``: the getter's name says what the whole result is,
            # not what each part holds; each target is what the call returns there and what its own name says.
            taint = Taint(frozenset(), (), taint.symbols)
            for index, element in enumerate(elements):
                self.bind(element, self.fetched_into(element, value, item_of(taint, index)), None, scope)
            return
        domains = domain_parts(value, len(elements))  # ``user, realm = login.rsplit("@", 1)``: a realm or domain
        for index, element in enumerate(elements):
            self.bind(element, None if index in domains else item_of(taint, index), None, scope)

    def record_type(self, name: str, value: cst.BaseExpression | None, scope: Scope) -> None:
        if value is not None and self.is_request_data(value, scope):
            scope.types[name] = REQUEST_DATA
        elif isinstance(value, (cst.Dict, cst.DictComp)):
            scope.types[name] = MAPPING
        elif (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute)
              and value.func.attr.value == "items" and not value.args):
            scope.types[name] = ITEMS
        elif isinstance(value, cst.Call):
            type_name = self.call_type(value, scope)
            if type_name is not None:
                scope.types[name] = type_name
            country = self.endpoint_country(value, scope)
            reference = self.endpoint_reference(value, scope) if country is None else None
            if country is not None or reference is not None:
                scope.regions[name] = country or f"{REGION_REFERENCE}{reference}"
        elif isinstance(value, (cst.SimpleString, cst.FormattedString)):  # a URL's literal head names its host
            scope.constants[name] = leading_text(value, scope) or ""
        elif isinstance(value, (cst.Name, cst.Attribute)) and (dotted := dotted_name(value)) is not None:
            function = self.resolve_dotted(dotted, scope)
            if self.catalogue.sink_for(function) is not None:
                scope.aliases[name] = function
