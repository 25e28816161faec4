"""What the walk records about classes: their bases (the project's class hierarchy) and their string form."""

from __future__ import annotations

from dataclasses import replace

import libcst as cst

from privlint.code.collection import DJANGO_USER_BASES, field_definition
from privlint.code.expressions import ExpressionEvaluator
from privlint.code.imports import dotted_name
from privlint.code.summaries import SchemaSummary
from privlint.code.syntax import string_value
from privlint.code.taint import Scope, Taint


class ClassFacts(ExpressionEvaluator):
    """Class bases and string forms, recorded as the statement walker meets class definitions."""

    def class_name(self, node: cst.BaseExpression, scope: Scope) -> str | None:
        """A class's qualified name; a class this module defines is named with the module."""
        qualified = self.resolve_callee(node, scope)
        if qualified is not None and qualified in self.module_classes:
            return f"{self.module_name}.{qualified}"
        return qualified

    def record_class_bases(self, node: cst.ClassDef, scope: Scope) -> None:
        """The bases of a class, for the project's class hierarchy (which exceptions are exempt)."""
        bases = tuple(name for base in node.bases if (name := self.class_name(base.value, scope)) is not None)
        if bases:
            self.class_bases.append((f"{self.module_name}.{'.'.join((*self.classes, node.name.value))}", bases))

    def attribute_types(self, node: cst.ClassDef, scope: Scope) -> dict[str, str]:
        """Types of the instance attributes ``__init__`` sets, for the class's methods: ``self.logger =
        TaskLogger()`` or ``self.logger = logger`` with ``logger: TaskLogger`` makes ``self.logger.info`` a
        ``TaskLogger``'s method, not a logging call."""
        init = next((statement for statement in getattr(node.body, "body", ())
                     if isinstance(statement, cst.FunctionDef) and statement.name.value == "__init__"), None)
        if init is None:
            return {}
        annotated = {param.name.value: param.annotation.annotation for param in init.params.params
                     if param.annotation is not None}
        types: dict[str, str] = {}
        for statement in getattr(init.body, "body", ()):
            for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
                if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
                    continue
                target = dotted_name(small.targets[0].target)
                if target is None or not target.startswith("self.") or target.count(".") != 1:
                    continue
                kind = self._value_type(small.value, annotated, scope)
                if kind is not None:
                    types[target] = kind
        return types

    def _value_type(self, value: cst.BaseExpression, annotated: dict[str, cst.BaseExpression],
                    scope: Scope) -> str | None:
        if isinstance(value, cst.Call):
            return self.call_type(value, scope)
        annotation = annotated.get(value.value) if isinstance(value, cst.Name) else None
        dotted = dotted_name(annotation) if annotation is not None else None
        return self.class_named(self.resolve_dotted(dotted, scope)) if dotted else None

    def record_string_form(self, node: cst.ClassDef, scope: Scope) -> None:
        """What ``str(instance)`` shows, when it is personal data: what the class's ``__str__`` (else
        ``__repr__``) returns, or a Django user model's USERNAME_FIELD. Logging or formatting an instance
        whole then carries that, not every field."""
        key = f"{self.module_name}.{node.name.value}"
        user_model = self._is_django_user_model(node, scope)
        shown = self._method_returns(f"{key}.__str__")
        if shown is None:
            shown = self._method_returns(f"{key}.__repr__") or (self._username_field(node) if user_model else None)
        if shown is None:
            return
        known = next((index for index, schema in enumerate(self.schemas) if schema.key == key), None)
        if known is not None:
            self.schemas[known] = replace(self.schemas[known], shown=shown, user_model=user_model)
        elif shown.types:
            self.schemas.append(SchemaSummary(key=key, carries=shown, shown=shown, user_model=user_model))

    def _is_django_user_model(self, node: cst.ClassDef, scope: Scope) -> bool:
        bases = [dotted_name(base.value) for base in node.bases]
        return any(self.resolve_dotted(base, scope).endswith(DJANGO_USER_BASES) for base in bases if base)

    def _method_returns(self, key: str) -> Taint | None:
        """What a method of this module returns, as concrete data (nothing: an empty taint); None when the
        module defines no such method."""
        summary = next((summary for summary in self.summaries if summary.key == key), None)
        if summary is None:
            return None
        returned = summary.returns
        return Taint(returned.types, returned.steps) if returned is not None else Taint(frozenset(), ())

    def _username_field(self, node: cst.ClassDef) -> Taint | None:
        """A Django user model shows its USERNAME_FIELD (``username`` unless it says otherwise)."""
        field_node: cst.CSTNode = node.name
        field = "username"
        for statement in getattr(node.body, "body", ()):
            for small in getattr(statement, "body", ()) if isinstance(statement, cst.SimpleStatementLine) else ():
                found = field_definition(small)
                if found is not None and found[1] == "USERNAME_FIELD":
                    value = string_value(small.value) if isinstance(small, cst.Assign) else None
                    if value:
                        field_node, field = found[0], value
        data_type = self.context.taxonomy.classify_name(field, None)
        if data_type is None:
            return None
        return Taint(frozenset({data_type.id}), (self.step(field_node, f"a `{node.name.value}` shows its `{field}` "
                                                                       f"as text ({data_type.phrase})"),))
