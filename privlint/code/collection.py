"""Where personal data enters: web-request input, schema fields, route parameters and literals."""

from __future__ import annotations

from typing import Iterator

import libcst as cst

from privlint.code.calls import CallResolver
from privlint.code.context import AnalysisContext, CollectionHit
from privlint.code.imports import dotted_name
from privlint.code.positions import Spans
from privlint.code.summaries import SchemaSummary
from privlint.code.syntax import literal_value
from privlint.code.taint import Scope, Taint, symbolic, union
from privlint.findings import FlowStep, Location
from privlint.taxonomy.tokens import split_identifier

REQUEST_DATA = "<request-data>"
# Words of function and module names that build samples rather than handle people's data.
SAMPLE_WORDS = frozenset({"template", "preview", "sample", "example", "demo", "placeholder", "fake", "dummy",
                          "mock", "seed", "fixture"})
# Bases of Django user models, whose string form is their USERNAME_FIELD.
DJANGO_USER_BASES = (".AbstractBaseUser", ".AbstractUser")
ROUTE_DECORATORS = frozenset({"get", "post", "put", "patch", "delete", "route", "api_route", "websocket"})
# What a serializer's or schema's serialized form is read as (Django REST framework: ``serializer.data``).
SERIALIZED_FORMS = frozenset({"data", "validated_data"})


class CollectionRecorder(CallResolver):
    """Base of the flow walker: where the file is, and the collection points found while walking it."""

    def __init__(self, context: AnalysisContext, *, module_name: str, path: str,
                 positions: Spans, lines: list[str]) -> None:
        super().__init__(context.catalogue, module_name, context.project_roots)
        self.context = context
        self.path = path
        self.positions = positions
        self.lines = lines
        self.collections: list[CollectionHit] = []
        self.functions: list[str] = []  # the functions being walked, outermost first
        self.schemas: list[SchemaSummary] = []

    def location(self, node: cst.CSTNode) -> Location:
        line, column, end_line, end_column = self.positions[node]
        snippet = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        return Location(path=self.path, line=line, column=column, end_line=end_line, end_column=end_column,
                        snippet=snippet)

    def is_project_class(self, qualified: str) -> bool:
        """Whether a qualified class name is defined in this module or another of the project."""
        return qualified.startswith(f"{self.module_name}.") or qualified.split(".", 1)[0] in self.context.project_roots

    def step(self, node: cst.CSTNode, message: str) -> FlowStep:
        return FlowStep(location=self.location(node), message=message)

    def collect(self, node: cst.CSTNode, type_id: str, origin: str, detail: str) -> None:
        """Record a collection point; internal account ids are what code should collect instead, not data."""
        if type_id in self.catalogue.pseudonymous:
            return
        self.collections.append(CollectionHit(data_type=type_id, origin=origin, location=self.location(node),
                                              detail=detail))

    def is_request_data(self, node: cst.BaseExpression, scope: Scope) -> bool:
        """``request.form``, ``request.get_json()``, ``request.POST`` or a variable holding one of them."""
        if isinstance(node, cst.Call):
            node = node.func
        dotted = dotted_name(node)
        if dotted is None:
            return False
        if scope.find("types", dotted) == REQUEST_DATA:
            return True
        owner, _, container = dotted.rpartition(".")
        return bool(owner) and container in self.catalogue.request_containers and self.is_request(owner, scope)

    def is_request(self, dotted: str, scope: Scope) -> bool:
        objects = self.catalogue.request_objects
        return dotted in objects or self.resolve_dotted(dotted, scope) in objects

    def request_key(self, container: cst.BaseExpression, key: str, node: cst.CSTNode, scope: Scope) -> None:
        """A key read from request input (``request.form["email"]``) is a collection point."""
        data_type = self.context.taxonomy.classify_name(key, None)
        if data_type is not None and self.is_request_data(container, scope):
            self.collect(node, data_type.id, "request", f"request input `{key}`")

    def schema_fields(self, node: cst.ClassDef, scope: Scope) -> None:
        """Fields of a model, schema, serializer, form, dataclass or TypedDict that hold personal data."""
        if not self._is_schema(node, scope):
            return
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        carried = []
        for statement in body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                field = field_definition(small)
                if field is not None:
                    carried.append(self._schema_field(node.name.value, *field, scope))
        carried.extend(self._listed_fields(node))
        carries = union(carried)
        if carries is not None:
            self.schemas.append(SchemaSummary(key=f"{self.module_name}.{node.name.value}", carries=carries))

    def _listed_fields(self, node: cst.ClassDef) -> list[Taint]:
        """What the fields a ``class Meta: fields = ("email", ...)`` names carry (a Django REST framework model
        serializer's or a model form's, taken from the model): carried by an instance, not collected again."""
        found = []
        for element in _meta_field_names(node):
            name = literal_value(element)
            data_type = self.context.taxonomy.classify_name(name, None) if isinstance(name, str) else None
            if data_type is not None and data_type.id not in self.catalogue.pseudonymous:
                found.append(self._field_taint(element, node.name.value, name, data_type.id))
        return found

    def _field_taint(self, node: cst.CSTNode, class_name: str, name: str, type_id: str) -> Taint:
        """What a schema field of ``type_id`` makes an instance carry, with the step naming the field."""
        data_type = self.context.taxonomy.types[type_id]
        return Taint(frozenset({type_id}), (self.step(node, f"field `{class_name}.{name}` holds {data_type.phrase}"),))

    def serialized(self, node: cst.Attribute, scope: Scope) -> Taint | None:
        """``TicketSerializer(ticket).data``: a project schema's serialized form carries what its fields hold
        (resolved when linked)."""
        if node.attr.value not in SERIALIZED_FORMS:
            return None
        value = node.value
        kind = (self.call_type(value, scope) if isinstance(value, cst.Call)
                else scope.find("types", value.value) if isinstance(value, cst.Name) else None)
        if kind is None or not self.is_project_class(kind):
            return None
        shown = f"`.{node.attr.value}` of a `{kind.rsplit('.', 1)[-1]}`"
        return symbolic(("instance", kind), self.step(node, shown))

    def route_parameters(self, node: cst.FunctionDef, scope: Scope) -> None:
        """Parameters of a web route (FastAPI, Flask) named like personal data are collected from the request."""
        if not any(_route_decorator(decorator.decorator) for decorator in node.decorators):
            return
        for param in (*node.params.params, *node.params.kwonly_params):
            data_type = self.context.taxonomy.classify_name(param.name.value, None)
            if data_type is not None:
                self.collect(param.name, data_type.id, "request", f"route parameter `{param.name.value}`")

    def literal(self, node: cst.SimpleString) -> None:
        """A string literal whose value is personal data (a valid ID number, a real e-mail address...)."""
        value = literal_value(node)
        if isinstance(value, str) and 5 <= len(value) <= 64:
            data_type = self.context.taxonomy.classify_literal(value)
            if data_type is not None and not self.in_sample_code():
                self.collect(node, data_type.id, "literal", "literal value")

    def in_sample_code(self) -> bool:
        """Whether the code being walked builds samples, templates, previews or demo data (by its function's or
        module's name: ``get_user_export_template``, ``create_test_data``)."""
        names = [*self.functions, self.module_name.rsplit(".", 1)[-1]]
        return any(SAMPLE_WORDS.intersection(split_identifier(name)) for name in names)

    def _is_schema(self, node: cst.ClassDef, scope: Scope) -> bool:
        for base in node.bases:
            name = dotted_name(base.value)
            if name is not None and self.catalogue.is_schema_base(self.resolve_dotted(name, scope)):
                return True
        for decorator in node.decorators:
            target = decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator
            name = dotted_name(target)
            if name is not None and self.resolve_dotted(name, scope) in self.catalogue.schema_decorators:
                return True
        return any(isinstance(field, tuple) and field[1] == "__tablename__"
                   for statement in getattr(node.body, "body", ())
                   if isinstance(statement, cst.SimpleStatementLine)
                   for field in map(field_definition, statement.body))

    def _names_project_class(self, kind: cst.BaseExpression, scope: Scope) -> bool:
        """Whether a field's annotation is a class of the project."""
        kind_name = dotted_name(kind)
        qualified = self.class_named(self.resolve_dotted(kind_name, scope)) if kind_name else None
        return qualified is not None and (qualified.startswith(f"{self.module_name}.")
                                          or qualified.split(".", 1)[0] in self.project_roots)

    def _schema_field(self, class_name: str, target: cst.Name, name: str, kind: cst.BaseExpression | None,
                      scope: Scope) -> Taint | None:
        """Collect a field holding personal data; returns what it makes an instance carry."""
        if name.startswith("_") or name.isupper():
            return None
        type_id = None
        if kind is not None and not isinstance(kind, cst.Call) and self._names_project_class(kind, scope):
            return None  # ``diagnoses: list[RepositoryDiagnosis]`` holds instances, whose own fields say what they are
        if kind is not None:
            kind_name = dotted_name(kind.func if isinstance(kind, cst.Call) else kind)
            if kind_name is not None:
                type_id = self.catalogue.field_type(self.resolve_dotted(kind_name, scope))
        if type_id is None:
            data_type = self.context.taxonomy.classify_name(name, class_name)
            type_id = data_type.id if data_type is not None else None
        if type_id is None or type_id in self.catalogue.pseudonymous:
            return None
        self.collect(target, type_id, "schema", f"field `{class_name}.{name}`")
        return self._field_taint(target, class_name, name, type_id)


def _meta_field_names(node: cst.ClassDef) -> Iterator[cst.SimpleString]:
    """The string literals of a class's ``class Meta: fields = (...)`` (or ``[...]``)."""
    for meta in getattr(node.body, "body", ()):
        if not (isinstance(meta, cst.ClassDef) and meta.name.value == "Meta"):
            continue
        for line in getattr(meta.body, "body", ()):
            small = line.body[0] if isinstance(line, cst.SimpleStatementLine) else None
            if (isinstance(small, cst.Assign) and dotted_name(small.targets[0].target) == "fields"
                    and isinstance(small.value, (cst.Tuple, cst.List))):
                yield from (element.value for element in small.value.elements
                            if isinstance(element.value, cst.SimpleString))


def field_definition(small: cst.BaseSmallStatement) -> tuple[cst.Name, str, cst.BaseExpression | None] | None:
    """(target, name, type or field constructor) of a class-body field definition."""
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
        target = small.targets[0].target
        return target, target.value, small.value if isinstance(small.value, cst.Call) else None
    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
        kind = small.value if isinstance(small.value, cst.Call) else _annotation_type(small.annotation.annotation)
        return small.target, small.target.value, kind
    return None


def _annotation_type(annotation: cst.BaseExpression) -> cst.BaseExpression:
    """``Optional[EmailStr]`` and ``EmailStr | None`` -> ``EmailStr``."""
    if isinstance(annotation, cst.Subscript) and len(annotation.slice) == 1:
        inner = annotation.slice[0].slice
        if isinstance(inner, cst.Index):
            return _annotation_type(inner.value)
    if isinstance(annotation, cst.BinaryOperation):
        return _annotation_type(annotation.left)
    return annotation


def _route_decorator(decorator: cst.BaseExpression) -> bool:
    target = decorator.func if isinstance(decorator, cst.Call) else decorator
    return isinstance(target, cst.Attribute) and target.attr.value in ROUTE_DECORATORS
